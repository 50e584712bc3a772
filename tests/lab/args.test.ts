/** The lab's command line (`lab/args.ts`, `node:util` `parseArgs`): every flag `npm run bench` accepts, and what it rejects. */
import { strict as assert } from "assert";
import * as path from "path";
import { FULL_SIZES, parseArgs, QUICK_SIZES } from "../../lab/args";

describe("lab: command line", () => {
    it("defaults to every size, no extra section, results in lab/results.json", () => {
        const args = parseArgs([]);
        assert.deepEqual(args.sizes, FULL_SIZES);
        assert.deepEqual([args.quick, args.full, args.floor, args.wide, args.curve, args.skipTests, args.skipPlan, args.skipEngine, args.help], [false, false, false, false, false, false, false, false, false]);
        assert.equal(args.out, path.resolve(__dirname, "../../lab/results.json"));
    });

    it("takes every flag", () => {
        const args = parseArgs(["--quick", "--full", "--floor", "--wide", "--curve", "--skip-tests", "--skip-plan", "--skip-engine", "--help", "--out", "out.json"]);
        assert.deepEqual(args.sizes, QUICK_SIZES);
        assert.deepEqual([args.quick, args.full, args.floor, args.wide, args.curve, args.skipTests, args.skipPlan, args.skipEngine, args.help], [true, true, true, true, true, true, true, true, true]);
        assert.equal(args.out, path.resolve("out.json"));
    });

    it("takes --sizes as a comma-separated list of integers ≥ 100, also with --quick", () => {
        assert.deepEqual(parseArgs(["--sizes", "1000,5000"]).sizes, [1000, 5000]);
        assert.deepEqual(parseArgs(["--quick", "--sizes=200"]).sizes, [200]);
        assert.throws(() => parseArgs(["--sizes", "50"]), /integers ≥ 100/);
        assert.throws(() => parseArgs(["--sizes", "1k"]), /integers ≥ 100/);
    });

    it("rejects an unknown option, a missing value and a stray argument, pointing at --help", () => {
        assert.throws(() => parseArgs(["--fast"]), /--fast.*--help/);
        assert.throws(() => parseArgs(["--out"]), /--out.*--help/);
        assert.throws(() => parseArgs(["1000"]), /1000.*--help/);
    });
});
