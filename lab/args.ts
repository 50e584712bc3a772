/** The lab's command line (`npm run bench -- …`, see run.ts), parsed with `node:util`'s `parseArgs`, and what it covers. */
import * as path from "path";
import { parseArgs as parseCommandLine } from "util";
import type { Mode } from "../fixtures/synthetic-stack";
import type { WorkerTask } from "./worker";

export const FULL_SIZES = [1_000, 10_000, 100_000];
export const QUICK_SIZES = [1_000, 10_000];
export const MODES: Mode[] = ["preview", "update"];
export const PATHS: WorkerTask["path"][] = ["inprocess", "grpc"];

export const USAGE = `npm run bench [-- options]

  --quick          1k and 10k resources only (default: 1k, 10k, 100k)
  --sizes <n,n,…>  these sizes instead (integers ≥ 100, e.g. --sizes 1000,10000)
  --full           also 100k over gRPC in update mode (adds minutes per pack)
  --floor          also the scaling pairs of the server floor, the pack's own share and its resource policies alone
  --wide           also the scaling pairs on wide stacks (every type the graph rules read)
  --curve          also Runway's cost per resource at 5k–100k resources
  --skip-tests     without timing npm test
  --skip-plan      without timing npm run plan
  --skip-engine    without the real pulumi preview (needs Go or a pulumi on PATH)
  --out <file>     where to write the results (default lab/results.json)
  --help           this text
`;

export interface Args {
    sizes: number[];
    quick: boolean;
    full: boolean;
    skipTests: boolean;
    skipPlan: boolean;
    /** Skip the real `pulumi preview` of the hero stack with no pack, Runway's and awsguard's (sections/engine-preview.ts): saves about four minutes. */
    skipEngine: boolean;
    /** Also measure the scaling pairs of the server floor, the pack's own share and its resource policies alone (pack-variants.ts), interleaved with the pack's: adds about four minutes. */
    floor: boolean;
    /** Also measure the scaling pairs on wide stacks (fixtures/synthetic-stack/wide-unit.ts): adds about a minute and a half. */
    wide: boolean;
    /** Also measure the per-resource cost curve (curve.ts): adds about two minutes. */
    curve: boolean;
    out: string;
    help: boolean;
}

const FLAGS = {
    quick: { type: "boolean" },
    sizes: { type: "string" },
    full: { type: "boolean" },
    floor: { type: "boolean" },
    wide: { type: "boolean" },
    curve: { type: "boolean" },
    "skip-tests": { type: "boolean" },
    "skip-plan": { type: "boolean" },
    "skip-engine": { type: "boolean" },
    out: { type: "string" },
    help: { type: "boolean" },
} as const;

function sizesOf(quick: boolean, list: string | undefined): number[] {
    if (list === undefined) {
        return quick ? QUICK_SIZES : FULL_SIZES;
    }
    const sizes = list.split(",").map(Number);
    if (sizes.some((n) => !Number.isInteger(n) || n < 100)) {
        throw new Error(`--sizes takes a comma-separated list of integers ≥ 100, e.g. --sizes 1000,10000; got ${list}`);
    }
    return sizes;
}

/** The flags as given; an unknown option, a missing value or a stray argument throws (`parseArgs`'s strict mode). */
function flagsOf(argv: string[]) {
    try {
        return parseCommandLine({ args: argv, options: FLAGS, strict: true, allowPositionals: false }).values;
    } catch (err) {
        throw new Error(`${err instanceof Error ? err.message : String(err)} (npm run bench -- --help lists the options)`);
    }
}

export function parseArgs(argv: string[]): Args {
    const values = flagsOf(argv);
    const quick = values.quick === true;
    return {
        sizes: sizesOf(quick, values.sizes),
        quick,
        full: values.full === true,
        skipTests: values["skip-tests"] === true,
        skipPlan: values["skip-plan"] === true,
        skipEngine: values["skip-engine"] === true,
        floor: values.floor === true,
        wide: values.wide === true,
        curve: values.curve === true,
        out: values.out === undefined ? path.join(__dirname, "results.json") : path.resolve(values.out),
        help: values.help === true,
    };
}
