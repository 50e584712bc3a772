import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";

describe("README", () => {
    it("quotes the custom-policy example test verbatim, so the example is one that runs", () => {
        const root = path.resolve(__dirname, "../..");
        const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
        const example = fs.readFileSync(path.join(__dirname, "custom-policy.example.test.ts"), "utf8").trimEnd();
        assert.ok(readme.includes("```ts\n" + example + "\n```"), "README.md's harness example differs from tests/harness/custom-policy.example.test.ts");
    });

    it("keeps the quick start to the two commands CI runs", () => {
        const root = path.resolve(__dirname, "../..");
        const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
        assert.match(readme, /```sh\nnpm ci && npm run plan\nnpm test\n```/);
        const ci = fs.readFileSync(path.join(root, ".ci/run"), "utf8");
        assert.match(ci, /^npm ci && npm run plan$/m);
        assert.match(ci, /^npm test$/m);
    });
});
