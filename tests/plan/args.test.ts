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
    it("reads -h; a value may start with one dash; refuses --, grouped short flags and --flag=value on a switch", () => {
        assert.strictEqual(parseArgs(["-h"]).help, true);
        assert.strictEqual(parseArgs(["--out", "-"]).out, "-");
        for (const [argv, message] of [
            [["--"], /^unknown argument "--"; flags: --stack --stage --from --program --config --from-config --usage --baseline --compare-regions --format --out --timeout --policy-pack-config --preview --compare --help$/],
            [["--", "--stage", "hero"], /unknown argument "--"/],
            [["-hx"], /unknown argument "-hx"/],
            [["-h=1"], /unknown argument "-h=1"/],
            [["--timeout", "-1"], /^--timeout -1 is not a number of seconds between 0 and 3600$/],
            [["--stage", "--"], /^--stage needs a value: --stage zero\|hero\|enterprise$/],
            [["--compare=yes"], /^--compare takes no value$/],
            [["--format", "json", "--format", "text"], /^--format given twice; give it once$/],
        ] as const) {
            assert.throws(() => parseArgs([...argv]), (e: unknown) => e instanceof BadInput && message.test(e.message));
        }
    });
});
