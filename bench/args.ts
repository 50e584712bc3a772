/** The bench's command line (`npm run bench -- …`, see run.ts) and what it covers. */
import * as path from "path";
import { ROOT } from "./packs";
import type { Mode } from "./synthetic";
import type { WorkerTask } from "./worker";

export const FULL_SIZES = [1_000, 10_000, 100_000];
export const QUICK_SIZES = [1_000, 10_000];
export const MODES: Mode[] = ["preview", "update"];
export const PATHS: WorkerTask["path"][] = ["inprocess", "grpc"];

export interface Args {
    sizes: number[];
    quick: boolean;
    full: boolean;
    skipTests: boolean;
    skipPlan: boolean;
    /** Skip the real `pulumi preview` of the hero stack with no pack, Runway's and awsguard's (sections/engine-preview.ts): saves about four minutes. */
    skipEngine: boolean;
    /** Also measure the scaling pairs of the server floor, the pack's own share and its resource policies alone (bench/packs.ts), interleaved with the pack's: adds about four minutes. */
    floor: boolean;
    /** Also measure the scaling pairs on wide stacks (bench/synthetic-wide.ts): adds about a minute and a half. */
    wide: boolean;
    /** Also measure the per-resource cost curve (bench/curve.ts): adds about two minutes. */
    curve: boolean;
    out: string;
}

export function parseArgs(argv: string[]): Args {
    const args: Args = { sizes: FULL_SIZES, quick: false, full: false, skipTests: false, skipPlan: false, skipEngine: false, floor: false, wide: false, curve: false, out: path.join(ROOT, "bench", "results.json") };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--quick") {
            args.quick = true;
            args.sizes = QUICK_SIZES;
        } else if (a === "--sizes") {
            args.sizes = (argv[++i] ?? "").split(",").map(Number);
            if (args.sizes.some((n) => !Number.isInteger(n) || n < 100)) {
                throw new Error(`--sizes takes a comma-separated list of integers ≥ 100, e.g. --sizes 1000,10000; got ${argv[i]}`);
            }
        } else if (a === "--full") {
            args.full = true;
        } else if (a === "--skip-tests") {
            args.skipTests = true;
        } else if (a === "--skip-plan") {
            args.skipPlan = true;
        } else if (a === "--skip-engine") {
            args.skipEngine = true;
        } else if (a === "--floor") {
            args.floor = true;
        } else if (a === "--wide") {
            args.wide = true;
        } else if (a === "--curve") {
            args.curve = true;
        } else if (a === "--out") {
            args.out = path.resolve(argv[++i] ?? "");
        } else {
            throw new Error(`unknown option ${a}; allowed: --quick, --full, --floor, --wide, --curve, --sizes <n,n,…>, --skip-tests, --skip-plan, --skip-engine, --out <file>`);
        }
    }
    return args;
}
