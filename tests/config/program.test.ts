import { strict as assert } from "assert";
import * as path from "path";
import { ProgramError, runProgram } from "../../harness";

const PROGRAM = path.resolve(__dirname, "../../index.ts");

describe("the program on bad config", () => {
    for (const [key, value] of [
        ["runway:stage", "unicorn"],
        ["runway:minTasks", "-3"],
        ["runway:azCount", "9"],
        ["runway:alertEmail", "nobody"],
    ]) {
        it(`declares nothing and fails naming ${key} when it is ${JSON.stringify(value)}`, async () => {
            const failure = await runProgram({ program: PROGRAM, stack: "dev", config: { [key]: value } }).then(
                () => undefined,
                (err: unknown) => err,
            );
            assert.ok(failure instanceof ProgramError, `expected a ProgramError, got ${String(failure)}`);
            assert.equal(failure.kind, "config");
            assert.ok(failure.message.includes(key) && failure.message.includes(JSON.stringify(value)), failure.message);
            assert.deepEqual(failure.resources.map((r) => r.urn), []);
        });
    }
});
