/**
 * Where the engine tier keeps things: the pinned CLI version, the build cache, the engine home (state, PULUMI_HOME,
 * plugins) and the stand-in providers it puts on the plugin path.
 */
import { homedir } from "os";
import { join, resolve } from "path";

/** The Pulumi version `engine/go.mod` pins; the CLI reports it (`pulumi version`). */
export const PULUMI_VERSION = "v3.276.0";

/** The repository root. */
export const REPO_ROOT = resolve(__dirname, "..");

/** The Go module that pins the CLI and holds the language host stand-in. */
export const ENGINE_MODULE = __dirname;

/** `engine/bin`, git-ignored: the built binaries, or a link to their machine-wide cache. */
export const BIN_DIR = join(ENGINE_MODULE, "bin");

/** The machine-wide build cache, outside any clone, so a fresh clone (CI) reuses the first build. */
export function buildCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
    return env.RUNWAY_ENGINE_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "runway", "engine");
}

/** Everything the engine keeps: `$RUNWAY_ENGINE_HOME`, else the git-ignored `engine/.home`. */
export function engineHome(env: NodeJS.ProcessEnv = process.env): string {
    return resolve(env.RUNWAY_ENGINE_HOME ?? join(ENGINE_MODULE, ".home"));
}

/** The stand-in providers: package, the version `@pulumi/<package>` asks for, and the entry point. */
export const STAND_INS: ReadonlyArray<{ package: string; version: string; entry: string }> = [
    { package: "aws", version: "7.48.0", entry: join(ENGINE_MODULE, "stand-in", "aws.ts") },
    { package: "random", version: "4.21.2", entry: join(ENGINE_MODULE, "stand-in", "random.ts") },
];
