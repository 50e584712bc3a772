/**
 * `npm run bench [-- --quick] [-- --full] [-- --floor] [-- --wide] [-- --curve] [-- --sizes 1000,10000] [-- --skip-tests] [-- --skip-plan] [-- --skip-engine] [-- --out <file>] [-- --help]`
 *
 * `--floor` adds three more sets of scaling pairs, interleaved round by round with the pack's own: the server floor —
 * what materializing the stack for a graph costs the server (CrossGuard, or the harness in-process) before any rule
 * runs (`materializingVariant` in `pack-variants.ts`) —, the pack's own share — its stack policies timed on views already
 * materialized (`ownShareVariant`) — and its resource policies alone, with no stack policy (`resourcePoliciesVariant`).
 * `--wide` adds scaling pairs on wide stacks: each hero unit followed by every other type the graph rules read
 * (`fixtures/synthetic-stack/wide-unit.ts`), where a rule that is quadratic for a type the hero lacks would show.
 * `--curve` adds Runway's in-process cost per resource at 5k–100k resources in preview mode (`curve.ts`): where
 * between the scaling pair's sizes the cost per resource grows.
 *
 * Times Runway's policy pack against `@pulumi/awsguard` on the same synthetic stacks (`fixtures/synthetic-stack/`), both
 * in-process and through the real gRPC analyzer, each measurement in its own process (`worker.ts`); then the
 * packs' cold start (`coldstart.ts`), a real `pulumi preview` of the hero stack with no pack, Runway's and awsguard's
 * (`--skip-engine` skips it), the test suite and `npm run plan` per stage. Prints a table and writes
 * `lab/results.json`. See lab/README.md and docs/benchmarks.md.
 *
 * This file is the run's order and its report; each section lives in `sections/` (the table, the cold start, the
 * Analyze handler, the engine preview, the plan, the test suite), the command line in `args.ts`, the child processes in `spawn-child.ts`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Mode } from "../fixtures/synthetic-stack";
import { MODES, parseArgs, PATHS, USAGE } from "./args";
import { CURVE_SIZES, describeCurve, measureCurve, type CurvePoint } from "./curve";
import { fmtMs, log } from "./format";
import { AWSGUARD_DIR, ensureAwsguardInstalled, ROOT } from "./packs";
import { describePhases, measurePairSets, measurePairs, SCALING_PAIRS, scalingExponentOf, type ScalingPairs } from "./scaling";
import { handlerTimes } from "./sections/analyze-handler";
import { COLD_REPEATS, coldStarts } from "./sections/cold-start";
import { describeEnginePreview, enginePreviewTimes, skippedEnginePreview } from "./sections/engine-preview";
import { planTimes } from "./sections/plan";
import { tableRow, printTable, runwayInProcess, scalingFromTable, wanted, type RunRow } from "./sections/table";
import { testSuiteTime } from "./sections/test-suite";

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
        process.stdout.write(USAGE);
        return;
    }
    const started = Date.now();
    ensureAwsguardInstalled(log);
    if (!fs.existsSync(path.join(AWSGUARD_DIR, "index.js"))) {
        throw new Error("lab/awsguard/index.js is missing");
    }
    log(`runway lab: sizes ${args.sizes.join(", ")}; ${os.cpus().length} cores`);

    /** Wall seconds of each part of the run (results.json `sectionSeconds`): where the 10-minute budget goes. */
    const sectionSeconds: Record<string, number> = {};
    let sectionStarted = started;
    const section = (name: string) => {
        const now = Date.now();
        sectionSeconds[name] = Math.round((now - sectionStarted) / 100) / 10;
        sectionStarted = now;
    };
    section("awsguardInstall");

    const rows: RunRow[] = [];
    for (const size of args.sizes) {
        for (const mode of MODES) {
            for (const p of PATHS) {
                if (wanted(size, mode, p, args)) {
                    rows.push(tableRow(size, mode, p));
                } else {
                    log(`  ${size.toLocaleString("en-US")} resources, ${mode}, ${p}: skipped (add --full; takes minutes per pack)`);
                }
            }
        }
    }
    section("table");
    const sorted = [...args.sizes].sort((a, b) => a - b);
    const big = sorted[sorted.length - 1];
    const small = sorted.length > 1 ? sorted[sorted.length - 2] : big;
    const scalingBy = scalingFromTable(rows, big, small);
    // Back-to-back pairs per mode: the pack itself; with --floor, interleaved with its server floor, its own share and
    // its resource policies alone; with --wide, on wide stacks.
    const logPairs = (mode: Mode, label: string, pairs: ScalingPairs) => {
        log(`  ${mode}${label}: ${pairs.ratios.map((r, i) => `${fmtMs(pairs.smallMs[i])} → ${fmtMs(pairs.bigMs[i])} = ${r ?? "n/a"}`).join("; ")}; median ${pairs.median ?? "n/a"}`);
        log(`    ${describePhases(pairs.byPhase)}`);
    };
    const pairsPerMode = (wide = false): Partial<Record<Mode, ScalingPairs>> => {
        const byMode: Partial<Record<Mode, ScalingPairs>> = {};
        for (const mode of MODES) {
            byMode[mode] = measurePairs(small, big, mode, (size, m) => runwayInProcess(size, m, undefined, wide));
            logPairs(mode, "", byMode[mode]);
        }
        return byMode;
    };
    let scalingPairs: Partial<Record<Mode, ScalingPairs>> = {};
    const scalingFloor: Partial<Record<Mode, ScalingPairs>> = {};
    const scalingOwn: Partial<Record<Mode, ScalingPairs>> = {};
    const scalingResourcePolicies: Partial<Record<Mode, ScalingPairs>> = {};
    let scalingWide: Partial<Record<Mode, ScalingPairs>> = {};
    if (big !== small) {
        log(`scaling: ${SCALING_PAIRS} back-to-back pairs (${small.toLocaleString("en-US")} then ${big.toLocaleString("en-US")} resources, Runway in-process) per mode:`);
        if (args.floor) {
            log("  each round interleaves 4 sets: the pack; its server floor (stack policies replaced by one that only materializes every resource: materializingVariant); its own share (stack policies timed on views already materialized: ownShareVariant); its resource policies alone (resourcePoliciesVariant)");
            for (const mode of MODES) {
                const sets = measurePairSets(small, big, mode, {
                    pack: (size, m) => runwayInProcess(size, m),
                    floor: (size, m) => runwayInProcess(size, m, "floor"),
                    own: (size, m) => runwayInProcess(size, m, "own"),
                    resources: (size, m) => runwayInProcess(size, m, "resources"),
                });
                scalingPairs[mode] = sets.pack;
                scalingFloor[mode] = sets.floor;
                scalingOwn[mode] = sets.own;
                scalingResourcePolicies[mode] = sets.resources;
                logPairs(mode, "", sets.pack);
                logPairs(mode, ", server floor", sets.floor);
                logPairs(mode, ", own share", sets.own);
                logPairs(mode, ", resource policies alone", sets.resources);
            }
        } else {
            scalingPairs = pairsPerMode();
        }
        if (args.wide) {
            log("wide stacks: every hero unit followed by every other type the graph rules read (fixtures/synthetic-stack/wide-unit.ts):");
            scalingWide = pairsPerMode(true);
        }
    }
    const scalingExponent = scalingExponentOf(scalingPairs);
    section("scalingPairs");
    let curve: CurvePoint[] | undefined;
    if (args.curve) {
        log(`per-resource cost curve, Runway in-process, preview (${CURVE_SIZES.map((n) => n.toLocaleString("en-US")).join(", ")} resources, each a fresh worker):`);
        curve = measureCurve("preview", (size, m) => runwayInProcess(size, m));
        log(`  µs per resource: ${describeCurve(curve)}`);
        section("curve");
    }

    log("cold start (spawn → first AnalyzeStack answer on the hero stage):");
    const cold = await coldStarts();
    section("coldStart");
    log("the packs' own cost in CrossGuard's Analyze handler (no gRPC):");
    const handler = handlerTimes();
    section("analyzeHandler");
    log("a real pulumi preview of the hero stack (stack dev): no pack, Runway's, awsguard's, in turns:");
    const enginePreview = args.skipEngine ? skippedEnginePreview("skipped (--skip-engine)") : enginePreviewTimes();
    section("enginePreview");
    const tests = args.skipTests ? { ms: null, exitCode: null } : testSuiteTime();
    section("testSuite");
    const plan = args.skipPlan ? { zero: null, hero: null, enterprise: null, runsMs: {}, exitCodes: {}, note: "skipped (--skip-plan)" } : planTimes();
    section("plan");

    const results = {
        runs: rows,
        scalingExponent,
        scalingSizes: [small, big],
        scalingPairs,
        ...(args.floor ? { scalingFloor, scalingOwn, scalingResourcePolicies } : {}),
        ...(args.wide ? { scalingWide } : {}),
        ...(curve ? { perResourceCurve: curve } : {}),
        scalingBy,
        planMs: { zero: plan.zero, hero: plan.hero, enterprise: plan.enterprise },
        planRunsMs: plan.runsMs,
        planExitCodes: plan.exitCodes,
        planNote: plan.note ?? null,
        packColdStartMs: cold.runwayMs,
        packColdStartTypeScriptMs: cold.runwayTypeScriptMs,
        awsguardColdStartMs: cold.awsguardMs,
        coldStartPath: "the Pulumi CLI's launcher (@pulumi/pulumi/cmd/run-policy-pack) on the pack's folder",
        coldStartPortMs: { runway: cold.runwayPortMs, runwayTypeScript: cold.runwayTypeScriptPortMs, awsguard: cold.awsguardPortMs },
        coldStartRunsMs: cold.runsMs,
        coldStartStack: cold.source,
        packCompileMs: cold.compileMs,
        coldStartErrors: cold.errors,
        analyzeHandlerMs: handler,
        enginePreview,
        testSuiteMs: tests.ms,
        testSuiteExitCode: tests.exitCode,
        machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
        quick: args.quick,
        totalSeconds: 0,
        sectionSeconds,
        date: new Date().toISOString(),
    };
    results.totalSeconds = Math.round((Date.now() - started) / 1000);
    fs.writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);

    process.stdout.write("\nPolicy evaluation (median wall time of the whole pack: Analyze every resource + AnalyzeStack)\n");
    printTable(rows);
    const flag = (ok: boolean | null) => (ok === null ? "" : ok ? "  ✓" : "  ✗ target missed");
    const ratios = rows.map((r) => r.ratio).filter((v): v is number => v !== null);
    const allFound = rows.every((r) => r.found === r.planted && !r.runwayError);
    const bigInProcess = rows.filter((r) => r.resources === 100_000 && r.path === "inprocess");
    process.stdout.write(
        [
            "",
            `planted found (Runway): ${rows.map((r) => `${r.found}/${r.planted}`).join(", ")}${flag(allFound)}`,
            `awsguard found: ${rows.map((r) => `${r.awsguardFound}/${r.planted}`).join(", ")} (it has policies for ${rows[0]?.awsguardCovered ?? 0} of the ${rows[0]?.planted ?? 0} planted at ${rows[0]?.resources ?? ""}: public and unencrypted RDS only)`,
            `scaling t(${big})/t(${small}), Runway in-process, median of ${SCALING_PAIRS} back-to-back pairs: ${scalingExponent ?? "n/a"}${flag(scalingExponent === null || big !== 100_000 ? null : scalingExponent <= 11)}  (${MODES.map((m) => `${m}: ${scalingPairs[m]?.ratios.map((r) => r ?? "n/a").join(", ") ?? "n/a"}`).join("; ")})`,
            ...MODES.map((m) => `  ${m} by phase: ${describePhases(scalingPairs[m]?.byPhase)}`),
            ...(args.floor ? MODES.map((m) => `  server floor, ${m}: ${scalingFloor[m]?.median ?? "n/a"} (${describePhases(scalingFloor[m]?.byPhase)})`) : []),
            ...(args.floor ? MODES.map((m) => `  pack's own share, ${m}: stack policies on materialized views ${scalingOwn[m]?.byPhase?.analyzeStackOwn ?? "n/a"}×`) : []),
            ...(args.floor ? MODES.map((m) => `  resource policies alone (no stack policy), ${m}: ${scalingResourcePolicies[m]?.median ?? "n/a"} (${scalingResourcePolicies[m]?.ratios.map((r) => r ?? "n/a").join(", ") ?? "n/a"})`) : []),
            ...(curve ? [`  µs per resource (preview; --curve): ${describeCurve(curve)}`] : []),
            ...(args.wide ? MODES.map((m) => `  wide stacks, ${m}: ${scalingWide[m]?.median ?? "n/a"} (${scalingWide[m]?.ratios.map((r) => r ?? "n/a").join(", ") ?? "n/a"}; ${describePhases(scalingWide[m]?.byPhase)})`) : []),
            `  from the table's medians (measured minutes apart): ${Object.entries(scalingBy)
                .map(([k, v]) => `${k} ${v ?? "n/a"}`)
                .join(", ")}`,
            bigInProcess.length
                ? `100k in-process: ${bigInProcess.map((r) => `${r.mode} ${fmtMs(r.runwayMs)}, ${r.peakRssMb} MB`).join("; ")}${flag(bigInProcess.every((r) => (r.runwayMs ?? Infinity) < 10_000 && r.peakRssMb < 2048))}`
                : "100k in-process: not run (--quick)",
            `ratio Runway/awsguard: ${ratios.map((r) => r.toFixed(2)).join(", ")}${flag(ratios.length ? ratios.every((r) => r < 1) : null)}`,
            `pack cold start (hero, through the CLI's launcher run-policy-pack; median of ${COLD_REPEATS} starts each, alternating): Runway ${fmtMs(cold.runwayMs)} (compiled main; tsc ${fmtMs(cold.compileMs)}); awsguard ${fmtMs(cold.awsguardMs)}${flag(
                cold.runwayMs === null ? null : cold.runwayMs < Math.min(1000, cold.awsguardMs ?? Infinity),
            )}; Runway's TypeScript entry, type-checked by the launcher: ${fmtMs(cold.runwayTypeScriptMs)}`,
            `  on: ${cold.source}${cold.errors.length ? `; errors: ${cold.errors.join("; ")}` : ""}`,
            `Analyze handler, no gRPC (${handler.resources.toLocaleString("en-US")} resources, preview / update): Runway ${fmtMs(handler.preview.runway)} / ${fmtMs(handler.update.runway)}; awsguard ${fmtMs(handler.preview.awsguard)} / ${fmtMs(handler.update.awsguard)}${handler.errors.length ? `; errors: ${handler.errors.join("; ")}` : ""}`,
            describeEnginePreview(enginePreview),
            `npm run plan (cold, median of 5): ${plan.note && plan.zero === null && plan.hero === null && plan.enterprise === null ? plan.note : `zero ${fmtMs(plan.zero)}, hero ${fmtMs(plan.hero)}, enterprise ${fmtMs(plan.enterprise)}${flag(plan.enterprise === null ? null : plan.enterprise < 5000)}${plan.note ? ` (${plan.note})` : ""}`}`,
            `npm test: ${tests.ms === null ? "skipped" : `${fmtMs(tests.ms)} (exit ${tests.exitCode})`}`,
            ...rows.filter((r) => r.runwayError || r.awsguardError).map((r) => `errors at ${r.resources} ${r.mode} ${r.path}: ${[r.runwayError && `runway: ${r.runwayError}`, r.awsguardError && `awsguard: ${r.awsguardError}`].filter(Boolean).join("; ")}`),
            `total ${results.totalSeconds} s (${Object.entries(sectionSeconds)
                .map(([k, v]) => `${k} ${v} s`)
                .join(", ")}); written ${path.relative(ROOT, args.out)}`,
            "",
        ].join("\n"),
    );
}

main().catch((err: unknown) => {
    process.stderr.write(`lab failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
});
