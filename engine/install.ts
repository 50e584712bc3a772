/**
 * `npm run engine:install`: makes the real Pulumi CLI (pinned in engine/go.mod) and the nodejs language host
 * available in engine/bin.
 *
 * Order: a `pulumi` on PATH whose version is at least the pinned one (with its own bundled language host);
 * else a previous build in the machine-wide cache, keyed by everything the build reads; else `go build`
 * (about 8 minutes the first time on this 2-core machine), stored in that cache. No Go and no pulumi: one line, exit 1.
 */
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "fs";
import { delimiter, join } from "path";
import { BIN_DIR, buildCacheRoot, ENGINE_MODULE, PULUMI_VERSION } from "./paths";

/** Where the CLI came from, and the folder that holds `pulumi` and `pulumi-language-nodejs`. */
export interface EngineBinaries {
    dir: string;
    pulumi: string;
    source: "path" | "cache" | "build";
    version: string;
}

export class EngineUnavailable extends Error {}

function semverAtLeast(found: string, wanted: string): boolean {
    const parse = (v: string): number[] => v.replace(/^v/, "").split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
    const [a, b] = [parse(found), parse(wanted)];
    for (let i = 0; i < 3; i++) {
        if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    }
    return true;
}

function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
    for (const dir of (env.PATH ?? "").split(delimiter)) {
        const candidate = join(dir, command);
        if (dir !== "" && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
}

function versionOf(binary: string): string | undefined {
    const result = spawnSync(binary, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" }, timeout: 30_000 });
    return result.status === 0 ? result.stdout.trim() : undefined;
}

/** A hash of every file the build reads from this repo: a change to any of them is a new build. */
export function buildKey(): string {
    const hash = createHash("sha256").update(PULUMI_VERSION);
    const visit = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) visit(path);
            else if (entry.name.endsWith(".go")) hash.update(entry.name).update(readFileSync(path));
        }
    };
    hash.update(readFileSync(join(ENGINE_MODULE, "go.mod"))).update(readFileSync(join(ENGINE_MODULE, "go.sum")));
    visit(join(ENGINE_MODULE, "cmd"));
    hash.update(readFileSync(join(ENGINE_MODULE, "tools.go")));
    return hash.digest("hex").slice(0, 16);
}

/** Points engine/bin at `target`; left alone when it already does (every `npm run engine` passes here). */
function linkBin(target: string): void {
    let current: string | undefined;
    try {
        current = lstatSync(BIN_DIR).isSymbolicLink() ? readlinkSync(BIN_DIR) : "";
    } catch {
        current = undefined;
    }
    if (current === target) return;
    if (current !== undefined) rmSync(BIN_DIR, { recursive: true, force: true });
    symlinkSync(target, BIN_DIR, "dir");
}

function goBuild(out: string, log: (line: string) => void): void {
    const ldflags = `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${PULUMI_VERSION}`;
    const env = { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=readonly" };
    for (const [what, pkg] of [
        ["pulumi", "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"],
        ["pulumi-language-nodejs", "./cmd/pulumi-language-nodejs"],
    ] as const) {
        log(`engine: go build ${what} (${PULUMI_VERSION})`);
        execFileSync("go", ["build", "-trimpath", "-tags", "osusergo,grpcnotrace", "-ldflags", ldflags, "-o", join(out, what), pkg], {
            cwd: ENGINE_MODULE,
            env,
            stdio: ["ignore", "inherit", "inherit"],
        });
    }
}

/** Finds or builds the engine. Throws `EngineUnavailable` with one line when it cannot. */
export function ensureEngine(options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): EngineBinaries {
    const env = options.env ?? process.env;
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

    const pulumiOnPath = env.RUNWAY_ENGINE_IGNORE_PATH === "1" ? undefined : onPath("pulumi", env);
    if (pulumiOnPath !== undefined) {
        const version = versionOf(pulumiOnPath);
        if (version !== undefined && semverAtLeast(version, PULUMI_VERSION)) {
            const dir = join(pulumiOnPath, "..");
            return { dir, pulumi: pulumiOnPath, source: "path", version };
        }
    }

    const cached = join(buildCacheRoot(env), `${PULUMI_VERSION}-${buildKey()}`);
    const cachedPulumi = join(cached, "pulumi");
    if (existsSync(cachedPulumi) && existsSync(join(cached, "pulumi-language-nodejs"))) {
        linkBin(cached);
        return { dir: cached, pulumi: cachedPulumi, source: "cache", version: PULUMI_VERSION };
    }

    if (onPath("go", env) === undefined) {
        throw new EngineUnavailable(
            `engine: neither Go nor a pulumi ${PULUMI_VERSION} or newer is on PATH; install Go (the CLI builds from engine/go.mod) or put pulumi on PATH`,
        );
    }
    const partial = `${cached}.partial-${process.pid}`;
    mkdirSync(partial, { recursive: true });
    const started = Date.now();
    try {
        goBuild(partial, log);
    } catch (error) {
        rmSync(partial, { recursive: true, force: true });
        throw new EngineUnavailable(`engine: go build failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
    }
    writeFileSync(join(partial, "BUILD-INFO"), `Pulumi CLI ${PULUMI_VERSION} built from engine/go.mod in ${Math.round((Date.now() - started) / 1000)} s\n`);
    rmSync(cached, { recursive: true, force: true });
    renameSync(partial, cached);
    linkBin(cached);
    log(`engine: built in ${Math.round((Date.now() - started) / 1000)} s, cached in ${cached}`);
    return { dir: cached, pulumi: cachedPulumi, source: "build", version: PULUMI_VERSION };
}

if (require.main === module) {
    try {
        const engine = ensureEngine();
        process.stdout.write(`engine: pulumi ${engine.version} (${engine.source}) in ${engine.dir}\n`);
    } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    }
}
