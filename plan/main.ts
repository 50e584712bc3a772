/**
 * `npm run plan`: the offline plan. `main(argv, io)` does everything but touch the process, so tests call it
 * in-process with their own stdout/stderr; `cli.ts` wires it to the real ones and sets the exit code.
 *
 * Exit codes: 0 no active mandatory violation; 1 at least one; 2 bad input (one message on stderr, no stdout).
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, USAGE, type Format, type PlanArgs } from "./args";
import { applyBaseline, loadBaseline } from "./baseline";
import { compareStages } from "./compare";
import { usageChoice } from "./costing";
import type { PlanDocument } from "./document";
import { BadInput } from "./errors";
import { loadRunwayPack, type LoadedPack } from "./findings";
import { render } from "./formats";
import { renderComparisonJson, renderComparisonMarkdown, renderComparisonText } from "./formats/compare";
import { startProgress } from "./progress";
import { RUNWAY_ROOT } from "./paths";
import { atStage, planTarget, type PlanSettings } from "./stage-plan";
import { checkStage, resolveTarget, type PlanTarget } from "./target";
import { transition as installedTransition, type TransitionHook } from "./transition";

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
    /** The stage-move preview; default the installed one (none yet). */
    transition?: TransitionHook;
}

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_BAD_INPUT = 2;

/** Where the text report puts the mermaid diagram. */
function diagramFile(args: PlanArgs, doc: PlanDocument): string {
    if (args.out) {
        return path.resolve(args.out).replace(/\.[^./\\]*$/, "") + ".mmd";
    }
    return path.join(RUNWAY_ROOT, "plan-out", `${doc.stack}-${doc.stage}.mmd`);
}

function writeFile(file: string, text: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
}

const COMPARE_FORMATS: readonly Format[] = ["text", "json", "markdown"];

async function plan(argv: readonly string[], io: PlanIO, deps: PlanDeps): Promise<number> {
    const args = parseArgs(argv);
    if (args.help) {
        io.stdout(`${USAGE}\n`);
        return EXIT_OK;
    }
    const target: PlanTarget = resolveTarget(args);
    const usage = usageChoice(args.usage);
    const base = args.baseline === undefined ? undefined : loadBaseline(args.baseline);
    const from = args.from === undefined ? undefined : checkStage(args.from, "--from");
    const hook = deps.transition ?? installedTransition;
    if (from && !hook) {
        throw new BadInput("--from (the stage-move preview) is not available in this version yet; plan one stage with --stage");
    }
    if (from && args.stage === undefined) {
        throw new BadInput("--from needs --stage: the stage the stack moves to (e.g. --from zero --stage hero)");
    }
    if (args.compare && !COMPARE_FORMATS.includes(args.format)) {
        throw new BadInput(`--compare prints ${COMPARE_FORMATS.join(", ")}; --format ${args.format} is for a single stage`);
    }
    if (args.compare && (from || base)) {
        throw new BadInput("--compare cannot be combined with --from or --baseline");
    }
    const progress = startProgress(io.progress ? io.stderr : undefined);
    const settings: PlanSettings = { pack: deps.pack ?? loadRunwayPack(), usage, preview: args.preview, progress };
    try {
        if (args.compare) {
            const comparison = await compareStages(target, settings);
            const text = args.format === "json" ? renderComparisonJson(comparison) : args.format === "markdown" ? renderComparisonMarkdown(comparison) : renderComparisonText(comparison);
            emit(args, io, text);
            return comparison.stages.some((s) => s.blocked) ? EXIT_BLOCKED : EXIT_OK;
        }
        let doc = await planTarget(target, settings);
        let blocked = doc.blocked;
        if (base) {
            doc = applyBaseline(doc, base);
        }
        if (from && hook) {
            const moved = await hook({ from, to: checkStage(target.stage, "--stage"), target: doc, planStage: (stage) => planTarget(atStage(target, stage), settings) });
            doc = { ...doc, transition: moved.transition };
            blocked = blocked || moved.blocked;
        }
        let context = {};
        if (args.format === "text") {
            const file = diagramFile(args, doc);
            writeFile(file, `${doc.diagram}\n`);
            context = { diagramFile: path.relative(process.cwd(), file) || file };
        }
        emit(args, io, render(doc, args.format, context));
        return blocked ? EXIT_BLOCKED : EXIT_OK;
    } finally {
        progress.stop();
    }
}

/** Writes the report in one piece: to `--out`, or to stdout. */
function emit(args: PlanArgs, io: PlanIO, text: string): void {
    if (args.out) {
        writeFile(path.resolve(args.out), text);
        io.stderr(`runway plan: wrote ${args.out}\n`);
    } else {
        io.stdout(text);
    }
}

/** Runs the plan; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: PlanIO, deps: PlanDeps = {}): Promise<number> {
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
