/**
 * `npm run plan`: the offline plan. `main(argv, io)` does everything but touch the process, so tests call it
 * in-process with their own stdout/stderr; `cli.ts` wires it to the real ones and sets the exit code.
 *
 * Exit codes: 0 no active mandatory violation (and, with `--from`, no stateful resource lost by the move); 1 at least
 * one; 2 bad input (one message on stderr, no stdout).
 */
import * as path from "path";
import { STAGES } from "../config/defaults";
import { parseArgs, USAGE, type Format, type PlanArgs } from "./args";
import { applyBaseline, loadBaseline } from "./baseline";
import { compareStages } from "./compare";
import { checkRegions, compareRegions } from "./compare-regions";
import { usageChoice } from "./costing";
import { BadInput } from "./errors";
import { loadRunwayPack, type LoadedPack } from "./findings";
import { render } from "./formats";
import { renderComparisonJson, renderComparisonMarkdown, renderComparisonText } from "./formats/compare";
import { renderRegionsJson, renderRegionsMarkdown, renderRegionsText } from "./formats/compare-regions";
import { loadPackConfig } from "./pack-config";
import { startProgress } from "./progress";
import { checkOutPath, diagramPath, writeOutput } from "./output";
import { planWithRun, type PlanSettings } from "./stage-plan";
import { checkStage, resolveTarget, type PlanTarget } from "./target";
import { phase } from "./timing";
import { previewMove } from "./transition";
import { checkUsageAgainstRun } from "./usage-file";

/** Where the plan writes. */
export interface PlanIO {
    stdout(text: string): void;
    stderr(text: string): void;
    /** Show progress on stderr when the plan takes more than a second (the CLI: when stderr is a terminal). */
    progress?: boolean;
}

/** What tests (and later features) can swap in. */
export interface PlanDeps {
    /** The policy pack; default Runway's. */
    pack?: LoadedPack;
}

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_BAD_INPUT = 2;

const COMPARE_FORMATS: readonly Format[] = ["text", "json", "markdown"];

async function plan(argv: readonly string[], io: PlanIO, deps: PlanDeps): Promise<number> {
    const args = parseArgs(argv);
    if (args.help) {
        io.stdout(`${USAGE}\n`);
        return EXIT_OK;
    }
    if (args.out !== undefined) {
        checkOutPath(args.out);
    }
    const target: PlanTarget = resolveTarget(args);
    const usage = usageChoice(args.usage);
    const base = args.baseline === undefined ? undefined : loadBaseline(args.baseline);
    const from = args.from === undefined ? undefined : checkStage(args.from, "--from");
    checkStageMove(args, target, from);
    if (args.compare && !COMPARE_FORMATS.includes(args.format)) {
        throw new BadInput(`--compare prints ${COMPARE_FORMATS.join(", ")}; --format ${args.format} is for a single stage`);
    }
    if (args.compare && (from || base)) {
        throw new BadInput("--compare cannot be combined with --from or --baseline");
    }
    if (args.compareRegions !== undefined) {
        if (!COMPARE_FORMATS.includes(args.format)) throw new BadInput(`--compare-regions prints ${COMPARE_FORMATS.join(", ")}; --format ${args.format} is for a single plan`);
        if (args.compare || from || base) throw new BadInput("--compare-regions cannot be combined with --compare, --from or --baseline");
        checkRegions(args.compareRegions);
    }
    const pack = deps.pack ?? loadRunwayPack();
    const packConfig = args.policyPackConfig === undefined ? {} : loadPackConfig(args.policyPackConfig, pack, args.compare ? STAGES : [target.profile]);
    const progress = startProgress(io.progress ? io.stderr : undefined);
    const settings: PlanSettings = { pack, packConfig, usage, preview: args.preview, progress };
    try {
        if (args.compare) {
            checkUsageAgainstRun(usage, undefined);
            const comparison = await compareStages(target, settings);
            const text = args.format === "json" ? renderComparisonJson(comparison) : args.format === "markdown" ? renderComparisonMarkdown(comparison) : renderComparisonText(comparison);
            emit(args, io, text);
            return comparison.stages.some((s) => s.blocked) ? EXIT_BLOCKED : EXIT_OK;
        }
        const planned = await planWithRun(target, settings);
        checkUsageAgainstRun(usage, planned.run);
        if (args.compareRegions !== undefined) {
            const regions = compareRegions(target, planned, args.compareRegions, usage);
            emit(args, io, args.format === "json" ? renderRegionsJson(regions) : args.format === "markdown" ? renderRegionsMarkdown(regions) : renderRegionsText(regions));
            return regions.blocked ? EXIT_BLOCKED : EXIT_OK;
        }
        let doc = planned.document;
        let blocked = doc.blocked;
        if (base) {
            doc = applyBaseline(doc, base);
        }
        if (from) {
            settings.progress.step(`running ${target.programLabel} at ${from} (stack ${target.stack}) for the stage-move preview`);
            const moved = await previewMove(target, planned.run, from, args.fromConfig ?? {}, args.preview);
            phase(`stage move ${from} → ${target.stage}`);
            doc = { ...doc, transition: moved };
            blocked = blocked || moved.blocked;
        }
        let context = {};
        if (args.format === "text") {
            const file = diagramPath(args.out, target.programFile, target.own, doc.stack, doc.stage);
            writeOutput(file, `${doc.diagram}\n`, `the diagram ${file}`);
            context = { diagramFile: path.relative(process.cwd(), file) || file };
        }
        const report = render(doc, args.format, context);
        phase(`render ${args.format}`);
        emit(args, io, report);
        return blocked ? EXIT_BLOCKED : EXIT_OK;
    } finally {
        progress.stop();
    }
}

/**
 * Checks `--from`/`--from-config` before anything runs. The target stage is `--stage`, else the stack file's
 * `runway:stage`; `--from` equal to it is allowed: the move then shows what `--config` alone changes.
 */
function checkStageMove(args: PlanArgs, target: PlanTarget, from: string | undefined): void {
    if (args.fromConfig !== undefined && from === undefined) {
        throw new BadInput("--from-config sets the config of the --from run: give --from <stage> too (e.g. --from hero --stage enterprise)");
    }
    if (from === undefined) {
        return;
    }
    if (!target.own) {
        throw new BadInput("--from previews a move between Runway's stages and needs Runway's own program; for --program, plan each configuration with --config and compare them with --baseline");
    }
    if (args.fromConfig?.["runway:stage"] !== undefined) {
        throw new BadInput("--from-config cannot set runway:stage: --from is the stage the stack moves from");
    }
}

/** Writes the report in one piece: to `--out`, or to stdout. */
function emit(args: PlanArgs, io: PlanIO, text: string): void {
    if (args.out) {
        writeOutput(path.resolve(args.out), text, `--out ${args.out}`);
        io.stderr(`runway plan: wrote ${args.out}\n`);
    } else {
        io.stdout(text);
    }
}

/** Runs the plan; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: PlanIO, deps: PlanDeps = {}): Promise<number> {
    phase("start-up (modules loaded)");
    try {
        return await plan(argv, io, deps);
    } catch (err) {
        if (err instanceof BadInput) {
            io.stderr(`runway plan: ${err.message}\n`);
        } else {
            io.stderr(`runway plan: internal error (please report): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        }
        return EXIT_BAD_INPUT;
    }
}
