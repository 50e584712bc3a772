/** The packs' own cost inside CrossGuard's `Analyze` handler, without gRPC (each run in handler.ts). */
import type { Mode } from "../../fixtures/synthetic-stack";
import { fmtMs, log, num } from "../format";
import type { PackId } from "../found";
import type { HandlerResult, HandlerTask } from "../handler";
import { spawnChild } from "../spawn-child";

/** Median `Analyze` handler time per pack on 1k resources (see `handler.ts`), in each mode. */
export interface HandlerTimes {
    resources: number;
    preview: { runway: number | null; awsguard: number | null };
    update: { runway: number | null; awsguard: number | null };
    errors: string[];
}

export function handlerTimes(): HandlerTimes {
    const resources = 1_000;
    const errors: string[] = [];
    const one = (mode: Mode, pack: PackId): number | null => {
        try {
            const [result] = spawnChild<HandlerResult>("handler.ts", { resources, mode, pack, warmup: 2, repeats: 9 } satisfies HandlerTask, 10 * 60_000);
            return num(result.medianMs);
        } catch (err) {
            errors.push(`${pack} ${mode}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 400));
            return null;
        }
    };
    const modeTimes = (mode: Mode) => {
        log(`  Analyze handler, ${resources.toLocaleString("en-US")} resources, ${mode}: runway, awsguard ×9…`);
        const times = { runway: one(mode, "runway"), awsguard: one(mode, "awsguard") };
        log(`    ${fmtMs(times.runway)}, ${fmtMs(times.awsguard)}`);
        return times;
    };
    return { resources, preview: modeTimes("preview"), update: modeTimes("update"), errors };
}
