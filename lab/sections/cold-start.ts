/** The packs' cold start: spawn → first `AnalyzeStack` answer on the hero stage, through the CLI's launcher. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateStack } from "../../fixtures/synthetic-stack";
import type { ProgramRun } from "../../harness/types";
import type { ColdStartPack, ColdStartResult, ColdStartTask } from "../coldstart";
import { fmtMs, log, num } from "../format";
import { analyzerOptions, buildRunwayPack, ROOT, RUNWAY_CONFIG } from "../packs";
import { spawnChild } from "../spawn-child";
import { median } from "../stats";

/** The hero stage as the engine would see it, or a synthetic hero-sized stack when the program can't run. */
async function heroRun(): Promise<{ run: ProgramRun; source: string }> {
    try {
        // Loaded lazily: the mock runtime is only needed here.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runProgram } = require("../../harness") as typeof import("../../harness");
        const run = await runProgram({ program: path.join(ROOT, "index.ts"), stack: "dev", preview: true });
        if (run.resources.length === 0) {
            throw new Error("the program declared no resources");
        }
        return { run, source: `index.ts, stack dev (hero), preview: ${run.resources.length} resources` };
    } catch (err) {
        const run = generateStack({ resources: 150, mode: "preview" }).run;
        return { run, source: `synthetic hero-sized stack (150 resources, preview) — the hero stage could not run: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}` };
    }
}

export interface ColdStarts {
    source: string;
    /** Runway as the CLI serves it: the launcher on `policies/` (package.json `main`: the compiled pack). */
    runwayMs: number | null;
    /** Runway's TypeScript entry through the same launcher (ts-node with type checking at every start). */
    runwayTypeScriptMs: number | null;
    awsguardMs: number | null;
    runwayPortMs: number | null;
    runwayTypeScriptPortMs: number | null;
    awsguardPortMs: number | null;
    compileMs: number | null;
    /** Every repeat's time, ms (the medians above are of these). */
    runsMs: { runway: number[]; runwayTypeScript: number[]; awsguard: number[] };
    errors: string[];
}

/**
 * Cold-start repeats per pack (each a fresh analyzer). The TypeScript entry (what `main: index.ts` would cost, a
 * figure in seconds, against no target) is started once.
 */
export const COLD_REPEATS = 7;
export const COLD_REPEATS_TYPESCRIPT = 1;

/** awsguard's two stack policies that call live AWS APIs (aws-sdk 2), disabled when they fail offline (here and in `engine-preview.ts`). */
export const AWSGUARD_OFFLINE_CONFIG: ColdStartPack["config"] = {
    "acm-certificate-expiration": { enforcementLevel: "disabled" },
    "access-keys-rotated": { enforcementLevel: "disabled" },
};

/**
 * Each pack started as `pulumi preview --policy-pack <folder>` starts it: the Pulumi CLI's launcher
 * (`run-policy-pack`, resolved from the pack's folder) on the folder. Runway's `main` is its compiled entry, built
 * here first (`buildRunwayPack`, as `npm ci` does). Runway and awsguard are measured in one process with their
 * repeats alternating, so that the machine's drift weighs on both alike. Runway's TypeScript entry through the same
 * launcher is measured apart: what serving the sources would cost.
 */
export async function coldStarts(): Promise<ColdStarts> {
    const hero = await heroRun();
    const runFile = path.join(os.tmpdir(), `runway-lab-hero-${process.pid}.json`);
    fs.writeFileSync(runFile, JSON.stringify(hero.run));
    const errors: string[] = [];
    let compileMs: number | null = null;
    try {
        compileMs = buildRunwayPack();
    } catch (err) {
        errors.push(`building the pack (tsc -p policies/tsconfig.json): ${err instanceof Error ? err.message : String(err)}`);
    }
    /** One result per labelled pack (undefined for each when the child gave none). */
    const measure = (packs: (ColdStartPack & { label: string })[], repeats: number): (ColdStartResult | undefined)[] => {
        const labels = packs.map((p) => p.label);
        try {
            log(`  cold start: ${labels.join(" and ")} ×${repeats}${packs.length > 1 ? ", alternating" : ""}…`);
            const results = spawnChild<ColdStartResult>("coldstart.ts", { runFile, packs: packs.map(({ start, config }) => ({ start, config })), repeats } satisfies ColdStartTask, 10 * 60_000);
            results.forEach((result, i) => {
                if (result.error) {
                    errors.push(`${labels[i]}: ${result.error}`);
                }
                log(`    ${labels[i]}: ${fmtMs(result.medianMs)} (port printed after ${fmtMs(median(result.portMs))})`);
            });
            return results;
        } catch (err) {
            errors.push(`${labels.join(", ")}: ${err instanceof Error ? err.message : String(err)}`);
            return packs.map(() => undefined);
        }
    };
    // awsguard's acm-certificate-expiration and access-keys-rotated stack policies call live AWS APIs (aws-sdk 2):
    // offline they fail (in preview, with an unknown certificate ARN, before even reaching the network). One start
    // with every policy records that; the measured starts then have those two disabled.
    const awsguardStart = analyzerOptions("awsguard");
    const [probe] = measure([{ label: "awsguard (run-policy-pack on lab/awsguard: main index.js, every policy)", start: awsguardStart, config: {} }], 1);
    const awsguardPack = probe && !probe.error ? { label: "awsguard (every policy)", start: awsguardStart, config: {} } : { label: "awsguard (the two live-AWS-API policies disabled)", start: awsguardStart, config: AWSGUARD_OFFLINE_CONFIG };
    // Without a build, the launcher would load a stale or missing main: the error above stands for the figure.
    const runwayPack = compileMs !== null ? { label: "runway (run-policy-pack on policies/: main bin/policies/index.js)", start: analyzerOptions("runway"), config: RUNWAY_CONFIG } : undefined;
    const [runway, awsguard] = runwayPack ? measure([runwayPack, awsguardPack], COLD_REPEATS) : [undefined, ...measure([awsguardPack], COLD_REPEATS)];
    const [typeScript] = measure([{ label: "runway (run-policy-pack on policies/index.ts: ts-node, type-checked)", start: analyzerOptions("runway", true), config: RUNWAY_CONFIG }], COLD_REPEATS_TYPESCRIPT);
    fs.rmSync(runFile, { force: true });
    const med = (r: ColdStartResult | undefined) => (r && r.timesMs.length ? num(r.medianMs) : null);
    const port = (r: ColdStartResult | undefined) => (r && r.portMs.length ? num(median(r.portMs)) : null);
    const runsOf = (r: ColdStartResult | undefined) => (r ? r.timesMs.map((t) => Math.round(t)) : []);
    return {
        source: hero.source,
        runwayMs: med(runway),
        runwayTypeScriptMs: med(typeScript),
        awsguardMs: med(awsguard),
        runwayPortMs: port(runway),
        runwayTypeScriptPortMs: port(typeScript),
        awsguardPortMs: port(awsguard),
        compileMs,
        runsMs: { runway: runsOf(runway), runwayTypeScript: runsOf(typeScript), awsguard: runsOf(awsguard) },
        errors,
    };
}
