/** `--usage <file>`: read once, before the run; the name check and every pricing use that reading. */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { priceRun, usageChoice } from "../../plan/costing";
import { BadInput } from "../../plan/errors";
import { checkUsageAgainstRun } from "../../plan/usage-file";
import { programRun, resource } from "../growth/lib/runs";
import { tempJson } from "./helpers";

const LAMBDA = "aws:lambda/function:Function";

/** A usage choice for an Infracost file whose file is gone once read. */
function readThenRemoved(): { file: string; usage: ReturnType<typeof usageChoice> } {
    const file = tempJson(["version: 0.1", "resource_usage:", "  worker:", "    monthly_requests: 10000000"].join("\n"), "infracost-usage.yml");
    const usage = usageChoice(file);
    fs.rmSync(file);
    return { file, usage };
}

describe("cost: a --usage file is read once per plan", () => {
    it("prices and checks a run from what usageChoice read (the file is gone by then), labelled by the file's full path", () => {
        const { file, usage } = readThenRemoved();
        const run = programRun("hero", [resource(LAMBDA, "worker", { memorySize: 512 })]);
        checkUsageAgainstRun(usage, run);
        for (let i = 0; i < 2; i++) {
            const line = priceRun(run, { region: "us-east-1", usage }).lines.find((l) => l.urn.endsWith("::worker"));
            assert.ok(line !== undefined, "a line for worker");
            assert.ok(line.basis.includes(`${file} resource_usage["worker"]: lambda.requestsMillionsPerMonth 10 `), line.basis);
        }
    });

    it("still names, relative to the working directory, a resource the run does not declare", () => {
        const { file, usage } = readThenRemoved();
        const shown = path.relative(process.cwd(), file);
        assert.throws(
            () => checkUsageAgainstRun(usage, programRun("hero", [resource("aws:sqs/queue:Queue", "jobs")])),
            (err: Error) => err instanceof BadInput && err.message.startsWith(`--usage ${shown}: resource_usage["worker"]: no resource named "worker" in the program`),
        );
    });
});
