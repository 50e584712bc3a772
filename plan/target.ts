/**
 * What to plan: which program, which stack, which stage (or policy profile), with which config. Every choice the
 * user can get wrong is checked here, before anything runs, so a typo is a one-line error and exit 2.
 */
import { findProjectFile, knownStacks, loadStackConfig, ProgramNotFound, resolveProgramPath, StackConfigError, type StackConfig } from "../harness";
import { STAGES, type Stage } from "../config/defaults";
import type { PlanArgs } from "./args";
import { BadInput } from "./errors";
import { checkRunwayConfig, STAGE_KEY } from "./runway-config";
import { RUNWAY_PROGRAM, RUNWAY_ROOT, relativePath, sourceRoot } from "./paths";

/** The policy profile for a program that is not Runway's and was given no `--stage`. */
export const STRICT_PROFILE = "strict";

/** A stage, or the strict profile. */
export type Profile = Stage | typeof STRICT_PROFILE;

/** A resolved, checked target. */
export interface PlanTarget {
    /** Absolute path of the program's entry file. */
    programFile: string;
    /** The program as the report names it (relative to `root`). */
    programLabel: string;
    /** True for Runway's own `index.ts`. */
    own: boolean;
    stack: string;
    /** The stage the report is about: Runway's stage, or the profile for other programs. */
    stage: string;
    /** The policy pack's stage profile. */
    profile: Profile;
    /** Config overrides passed to the program (`--config` plus `runway:stage` for `--stage`). */
    config: Record<string, string>;
    /** Folder that source paths are relative to. */
    root: string;
    /** The AWS region the program runs in (Runway's `runway:region`; else `aws:region`; else us-east-1). */
    region: string;
    /** Seconds to wait for the program. */
    timeoutSeconds: number;
}

const DEFAULT_STACK = "dev";
const DEFAULT_TIMEOUT_SECONDS = 60;

/** Checks a stage name; `flag` names where it came from. */
export function checkStage(value: string, flag: string): Stage {
    const stage = STAGES.find((s) => s === value);
    if (!stage) {
        throw new BadInput(`${flag} ${value} is not a stage: use one of ${STAGES.join(", ")}`);
    }
    return stage;
}

/** The program file: Runway's own, or `--program`'s file or project folder (see `harness/project.ts`). */
function programFile(args: PlanArgs): string {
    let file: string;
    try {
        file = resolveProgramPath(args.program ?? RUNWAY_PROGRAM);
    } catch (err) {
        if (err instanceof ProgramNotFound) {
            throw new BadInput(`${args.program === undefined ? "Runway's program" : "--program"} ${err.message}`);
        }
        throw err;
    }
    if (!/\.(ts|mts|cts|js|mjs|cjs)$/.test(file)) {
        throw new BadInput(`--program ${file} is not a TypeScript or JavaScript file`);
    }
    return file;
}

function checkStack(file: string, stack: string, explicit: boolean, own: boolean): void {
    if (!/^[A-Za-z0-9_.-]+$/.test(stack)) {
        throw new BadInput(`--stack ${stack} is not a stack name (letters, digits, - _ .)`);
    }
    const projectFile = findProjectFile(file);
    const stacks = projectFile !== undefined ? knownStacks(projectFile) : [];
    if (stacks.length === 0) {
        if (own && stack !== "dev" && stack !== "prod") {
            throw new BadInput(`--stack ${stack} is not a Runway stack: use dev or prod`);
        }
        return;
    }
    if (!stacks.includes(stack) && (explicit || own)) {
        throw new BadInput(`--stack ${stack} has no stack file beside ${projectFile}: use one of ${stacks.join(", ")}`);
    }
}

/** Resolves and checks what to plan. Throws `BadInput` on anything unusable. */
export function resolveTarget(args: PlanArgs): PlanTarget {
    const file = programFile(args);
    const own = file === RUNWAY_PROGRAM;
    const stack = args.stack ?? DEFAULT_STACK;
    checkStack(file, stack, args.stack !== undefined, own);
    const stageArg = args.stage === undefined ? undefined : checkStage(args.stage, "--stage");
    const config = { ...args.config };
    if (own && stageArg) {
        config[STAGE_KEY] = stageArg;
    }
    let stackConfig: StackConfig;
    try {
        stackConfig = loadStackConfig(file, stack, config);
    } catch (err) {
        if (err instanceof StackConfigError) {
            throw new BadInput(err.message);
        }
        throw err;
    }
    const values = stackConfig.values;
    let profile: Profile;
    if (own) {
        const configured = values[STAGE_KEY];
        if (configured === undefined) {
            throw new BadInput(`stack ${stack} sets no runway:stage: give --stage ${STAGES.join("|")} or set it in Pulumi.${stack}.yaml`);
        }
        profile = checkStage(configured, `${STAGE_KEY} =`);
        checkRunwayConfig(stackConfig, stack, stageArg !== undefined);
    } else {
        profile = stageArg ?? STRICT_PROFILE;
    }
    const root = own ? RUNWAY_ROOT : sourceRoot(file);
    return {
        programFile: file,
        programLabel: relativePath(root, file),
        own,
        stack,
        stage: profile,
        profile,
        config,
        root,
        region: (own ? values["runway:region"] : undefined) ?? values["aws:region"] ?? "us-east-1",
        timeoutSeconds: args.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    };
}
