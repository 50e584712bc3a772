/**
 * Runway's own program: its stack config is validated before anything runs (the same `validateConfig` the program
 * calls), so a bad value is one line naming the key, the value, what is allowed and where the value was set —
 * and, when `--stage` asks for a stage the stack file's pinned values do not fit, which stack file to use.
 */
import * as path from "path";
import { ConfigError, validateConfig } from "../config/validate";
import { knownStacks, loadStackConfig, type ConfigOrigin, type StackConfig } from "../harness";
import { BadInput } from "./errors";
import { RUNWAY_PROGRAM, RUNWAY_ROOT } from "./paths";

/** The config key that picks Runway's stage. */
export const STAGE_KEY = "runway:stage";

/** Where a value was set, as the user wrote it. */
function originText(origin: ConfigOrigin | undefined, key: string, stageFlag: boolean): string {
    if (origin === undefined) return "Runway's default";
    if (origin.kind === "override") return key === STAGE_KEY && stageFlag ? "--stage" : "--config";
    const file = path.relative(RUNWAY_ROOT, origin.file) || origin.file;
    return origin.kind === "stack" ? `set in ${file}` : `the default in ${file}`;
}

/** Stack files of Runway's project whose `runway:stage` is `stage`. */
export function stacksAtStage(stage: string): string[] {
    return knownStacks(path.join(RUNWAY_ROOT, "Pulumi.yaml")).filter((stack) => loadStackConfig(RUNWAY_PROGRAM, stack).values[STAGE_KEY] === stage);
}

/** Validates Runway's config for `stack`; `stageFlag` is true when `--stage` set the stage. Throws `BadInput`. */
export function checkRunwayConfig(config: StackConfig, stack: string, stageFlag: boolean): void {
    const raw: Record<string, string> = {};
    for (const [key, value] of Object.entries(config.values)) {
        if (key.startsWith("runway:")) raw[key] = value;
    }
    try {
        validateConfig(raw);
    } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        const origin = config.origins[err.key];
        let hint = `change it with --config ${err.key}=<value> or in Pulumi.${stack}.yaml`;
        const stage = raw[STAGE_KEY];
        if (stageFlag && origin?.kind === "stack" && stage !== undefined) {
            const fitting = stacksAtStage(stage).filter((s) => s !== stack);
            const use = fitting.length > 0 ? `use --stack ${fitting.join(" or --stack ")} (its stack file is made for ${stage}), or ` : "";
            hint = `stack ${stack} pins ${err.key} for its own stage, which --stage ${stage} rejects: ${use}override it with --config ${err.key}=<value>`;
        }
        throw new BadInput(`${err.key} = ${JSON.stringify(err.value)} (${originText(origin, err.key, stageFlag)}) is not allowed: expected ${err.allowed} — ${hint}`);
    }
}
