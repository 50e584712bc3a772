/** `npm run plan` per stage, timed as users run it. */
import { spawnSync } from "child_process";
import { fmtMs, log, num } from "../format";
import { ROOT } from "../packs";
import { median } from "../stats";

const STAGES = ["zero", "hero", "enterprise"] as const;
/**
 * `npm run plan` arguments per stage. Enterprise runs on its own stack (prod): the dev stack's config (one cache
 * node) is rejected for enterprise by the config validation, on purpose.
 */
const PLAN_ARGS: Record<(typeof STAGES)[number], string[]> = {
    zero: ["--stage", "zero", "--format", "json"],
    hero: ["--stage", "hero", "--format", "json"],
    enterprise: ["--stack", "prod", "--stage", "enterprise", "--format", "json"],
};

export interface PlanTimes {
    zero: number | null;
    hero: number | null;
    enterprise: number | null;
    runsMs: Record<string, number[]>;
    exitCodes: Record<string, number[]>;
    note?: string;
}

/** `npm run plan` per stage, exactly as users type it (npm's own start-up included), a cold process each time, median of 5. */
export function planTimes(): PlanTimes {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const out: PlanTimes = { zero: null, hero: null, enterprise: null, runsMs: {}, exitCodes: {} };
    for (const stage of STAGES) {
        const times: number[] = [];
        const codes: number[] = [];
        log(`  npm run plan -- ${PLAN_ARGS[stage].join(" ")} ×5…`);
        for (let i = 0; i < 5; i++) {
            const started = process.hrtime.bigint();
            const child = spawnSync(npm, ["run", "--silent", "plan", "--", ...PLAN_ARGS[stage]], {
                cwd: ROOT,
                encoding: "utf8",
                maxBuffer: 256 * 1024 * 1024,
                timeout: 120_000,
            });
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            codes.push(child.status ?? -1);
            // 0 = clean, 1 = mandatory violations: both are a finished plan. Anything else is not a timing.
            if (child.status === 0 || child.status === 1) {
                times.push(ms);
            } else if (!out.note) {
                out.note = `plan --stage ${stage} exited ${child.status}: ${(child.stderr ?? "").trim().split("\n").slice(-2).join(" | ").slice(0, 300)}`;
            }
        }
        out.runsMs[stage] = times.map((t) => Math.round(t));
        out.exitCodes[stage] = codes;
        out[stage] = times.length ? num(median(times)) : null;
        log(`    ${fmtMs(out[stage])} (exit codes ${codes.join(",")})`);
    }
    return out;
}
