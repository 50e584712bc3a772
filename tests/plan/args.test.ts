import * as assert from "assert";
import { parseArgs } from "../../plan/args";
import { BadInput } from "../../plan/errors";

describe("plan: the argument parser", () => {
    it("defaults: text, update mode, no config", () => {
        assert.deepStrictEqual(parseArgs([]), { config: {}, preview: false, compare: false, format: "text", help: false });
    });
    it("reads every flag, --flag=value too, and repeatable --config (later wins)", () => {
        const a = parseArgs(["--stack", "prod", "--stage=hero", "--from", "zero", "--program", "x.ts", "--config", "a=1", "--config", "ns:b=x=y", "--config", "a=2", "--preview", "--usage", "none", "--baseline", "b.json", "--compare", "--format", "markdown", "--out", "o.md", "--timeout", "5"]);
        assert.deepStrictEqual(a, { stack: "prod", stage: "hero", from: "zero", program: "x.ts", config: { a: "2", "ns:b": "x=y" }, preview: true, usage: "none", baseline: "b.json", compare: true, format: "markdown", out: "o.md", timeoutSeconds: 5, help: false });
    });
    it("refuses unknown flags, stray values, missing values, repeats and bad values with one sentence", () => {
        for (const [argv, message] of [
            [["--verbose"], /unknown argument "--verbose"/],
            [["hero"], /values follow their flag/],
            [["--out"], /--out needs a value/],
            [["--stage", "--preview"], /--stage needs a value/],
            [["--stack", "a", "--stack", "b"], /--stack given twice/],
            [["--format", "html"], /not a format/],
            [["--timeout", "-1"], /not a number of seconds/],
            [["--preview=yes"], /takes no value/],
        ] as const) {
            assert.throws(() => parseArgs([...argv]), (e: unknown) => e instanceof BadInput && message.test(e.message));
        }
    });
});
