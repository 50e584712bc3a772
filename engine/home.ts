/**
 * Prepares an engine home: the file backend's state folder, PULUMI_HOME, and the stand-in providers installed as
 * plugins (`$PULUMI_HOME/plugins/resource-<package>-v<version>/pulumi-resource-<package>`), so a fresh empty
 * `$RUNWAY_ENGINE_HOME` just works. Returns the environment the real CLI runs with, offline.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { delimiter, join } from "path";
import { engineHome, REPO_ROOT, STAND_INS } from "./paths";

/** The passphrase of every engine-tier stack: test state only, never a secret worth keeping. */
export const TEST_PASSPHRASE = "runway-engine-tier-test-passphrase";

function launcher(entry: string): string {
    const register = join(REPO_ROOT, "harness", "ts-register.js");
    return [
        "#!/bin/sh",
        "# Runway's offline STAND-IN provider (not the real plugin; it never reaches a cloud). Written by engine/home.ts.",
        `exec node -r '${register}' '${entry}' "$@"`,
        "",
    ].join("\n");
}

/** Creates what the home lacks and returns the paths in it. */
export function prepareHome(home: string = engineHome()): { home: string; pulumiHome: string; state: string; callLog: string } {
    const pulumiHome = join(home, "pulumi-home");
    const state = join(home, "state");
    mkdirSync(state, { recursive: true });
    for (const standIn of STAND_INS) {
        const dir = join(pulumiHome, "plugins", `resource-${standIn.package}-v${standIn.version}`);
        const binary = join(dir, `pulumi-resource-${standIn.package}`);
        const script = launcher(standIn.entry);
        mkdirSync(dir, { recursive: true });
        if (!existsSync(binary) || readFileSync(binary, "utf8") !== script) {
            writeFileSync(binary, script);
            chmodSync(binary, 0o755);
        }
    }
    return { home, pulumiHome, state, callLog: join(home, "stand-in-calls.log") };
}

/** The CLI's environment: local file backend, fixed test passphrase, no update checks, no plugin downloads. */
export function engineEnv(binDir: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    const prepared = prepareHome(engineHome(base));
    return {
        ...base,
        PATH: `${binDir}${delimiter}${base.PATH ?? ""}`,
        PULUMI_HOME: prepared.pulumiHome,
        PULUMI_BACKEND_URL: `file://${prepared.state}`,
        PULUMI_CONFIG_PASSPHRASE: base.PULUMI_CONFIG_PASSPHRASE ?? TEST_PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
        PULUMI_SKIP_CONFIRMATIONS: "true",
        // `--event-log` (the machine-readable record of policy events) is only registered with debug commands on.
        PULUMI_DEBUG_COMMANDS: "true",
        RUNWAY_STANDIN_LOG: base.RUNWAY_STANDIN_LOG ?? prepared.callLog,
    };
}
