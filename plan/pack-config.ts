/**
 * `--policy-pack-config <file>`: the JSON document `pulumi preview --policy-pack-config` takes,
 * `{ "all": "<level>", "<policy>": "<level>" | { "enforcementLevel"?: "<level>", ...properties } }`, read and
 * checked against the pack before anything runs, so a bad file is one message naming it and exit 2.
 * How it is merged with the stage profile: `packConfigFor` in `findings.ts`.
 */
import * as fs from "fs";
import { packPolicyConfig, type PackConfig } from "../harness";
import { BadInput } from "./errors";
import { isPackStage, type LoadedPack } from "./findings";
import { isObject } from "./guards";

/** The policy whose config holds Runway's pack-wide settings (stage, strictUnknowns, waivers, now). */
const SETTINGS_POLICY = "runway-settings";

/**
 * Reads and checks the file: JSON, an object, only the pack's policies, only known levels, and no pack-wide stage
 * that contradicts one of the `profiles` the plan will judge.
 */
export function loadPackConfig(file: string, pack: LoadedPack, profiles: readonly string[]): PackConfig {
    const fail = (what: string) => new BadInput(`--policy-pack-config ${file}: ${what}`);
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        const code = isObject(err) && typeof err.code === "string" ? err.code : "";
        throw fail(code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a JSON file" : `cannot be read (${err instanceof Error ? err.message : String(err)})`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (err) {
        throw fail(`is not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!isObject(parsed)) {
        throw fail(`must be a JSON object { "all": level, "<policy>": level | { "enforcementLevel"?, ...options } }, got ${Array.isArray(parsed) ? "an array" : JSON.stringify(parsed)}`);
    }
    for (const [name, entry] of Object.entries(parsed)) {
        if (typeof entry !== "string" && !isObject(entry)) {
            throw fail(`"${name}" must be a level or an object of options, got ${JSON.stringify(entry)}`);
        }
    }
    const policies = pack.definition.policies.map((p) => p.name);
    for (const name of Object.keys(parsed).filter((n) => n !== "all" && !policies.includes(n))) {
        const runBy = pack.policies.find((p) => p.name === name)?.metadata.policy;
        const hint = typeof runBy === "string" && runBy !== name ? `: it is a rule of ${runBy}; set it under "${runBy}"` : ` (policies: all, ${policies.join(", ")})`;
        throw fail(`names policy "${name}", which the pack does not have${hint}`);
    }
    const config = parsed as PackConfig;
    try {
        packPolicyConfig(pack.definition.policies, config);
    } catch (err) {
        // The harness's messages start "policy pack config …": the file is already named.
        throw fail((err instanceof Error ? err.message : String(err)).replace(/^policy pack config /, ""));
    }
    for (const profile of profiles) {
        checkPackWideStage(file, config, profile);
    }
    return config;
}

/**
 * The plan sets the stage profile on every policy (`--stage`, or the stack's `runway:stage`); a different pack-wide
 * `stage` in the file would be overridden for every policy but `runway-settings` — say so instead.
 */
function checkPackWideStage(file: string, config: PackConfig, profile: string): void {
    const settings = config[SETTINGS_POLICY];
    if (isPackStage(profile) && isObject(settings) && settings.stage !== undefined && settings.stage !== profile) {
        throw new BadInput(`--policy-pack-config ${file}: "${SETTINGS_POLICY}" sets stage ${JSON.stringify(settings.stage)}, but this plan judges the ${profile} profile (--stage, else the stack's runway:stage); remove "stage" from the file or plan with --stage ${String(settings.stage)}`);
    }
}
