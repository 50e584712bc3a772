/**
 * Runway's real program under the mock runtime, one run per (stack, config), shared by the growth tests
 * (runs are serialised by the harness; each takes a second or two).
 */
import * as path from "path";
import { runProgram } from "../../../harness";
import type { ProgramRun } from "../../../harness/types";

export const PROGRAM = path.resolve(__dirname, "../../../index.ts");

const cache = new Map<string, Promise<ProgramRun>>();

/** The program's run on `stack` with `config` overrides (memoised). */
export function stageRun(stack: string, config: Record<string, string>, preview = false): Promise<ProgramRun> {
    const key = JSON.stringify([stack, Object.entries(config).sort(), preview]);
    let run = cache.get(key);
    if (run === undefined) {
        run = runProgram({ program: PROGRAM, stack, config, preview });
        cache.set(key, run);
    }
    return run;
}

/** One documented stage move: the stack, and the config before and after (mirrors docs/growth.md). */
export interface StageMove {
    stack: string;
    from: Record<string, string>;
    to: Record<string, string>;
    up: boolean;
    /** The `--policy-pack-config` file docs/growth.md deploys the move with (relative to the repository), if any. */
    packConfig?: string;
}

/** The snapshot the hero → enterprise procedure takes and hands to Aurora. */
export const HERO_TO_ENTERPRISE_SNAPSHOT = "runway-hero-to-enterprise";

/**
 * The pack config of the hero → enterprise window: waives `db-high-availability` on the retained single-AZ RDS
 * instance (`database-instance`) until cut-over. Its expiry is a real date: tests pin "today" (`RUNWAY_POLICY_NOW`).
 */
export const HERO_TO_ENTERPRISE_WAIVER = "docs/examples/hero-to-enterprise-waiver.json";

/**
 * The four moves with the config docs/growth.md tells users to set. dev runs hero (zero ↔ hero happens on
 * it); prod runs enterprise and is protected (hero ↔ enterprise happens on it). A move up keeps the old data
 * store declared beside the new one until cut-over (`runway:retainZeroServer`, `runway:retainHeroDatabase`);
 * the moves down start after cut-over, with those keys back at false. During hero → enterprise the retained
 * single-AZ RDS instance is waived for `db-high-availability` in pack config (`packConfig`).
 */
export const MOVES: Readonly<Record<string, StageMove>> = {
    "zero → hero": { stack: "dev", from: { "runway:stage": "zero" }, to: { "runway:stage": "hero", "runway:retainZeroServer": "true" }, up: true },
    "hero → enterprise": {
        stack: "prod",
        from: { "runway:stage": "hero" },
        to: { "runway:stage": "enterprise", "runway:dbSnapshotIdentifier": HERO_TO_ENTERPRISE_SNAPSHOT, "runway:retainHeroDatabase": "true" },
        up: true,
        packConfig: HERO_TO_ENTERPRISE_WAIVER,
    },
    "enterprise → hero": {
        stack: "prod",
        from: { "runway:stage": "enterprise", "runway:dbSnapshotIdentifier": HERO_TO_ENTERPRISE_SNAPSHOT },
        to: { "runway:stage": "hero" },
        up: false,
    },
    "hero → zero": { stack: "dev", from: { "runway:stage": "hero" }, to: { "runway:stage": "zero" }, up: false },
};
