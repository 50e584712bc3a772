/**
 * `deferPulumiIndex` (policies/lib/defer-pulumi-index.ts): in a fresh process, as the analyzer starts, CrossGuard
 * loads without `@pulumi/pulumi`'s top-level index; the index loads on the first read (here: an asset in a
 * resource's properties), and the classes CrossGuard then uses are the real ones. In a process that already has
 * the index (this one), it changes nothing.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { deferPulumiIndex, pulumiIndexFile } from "../../policies/lib/defer-pulumi-index";

const ROOT = path.resolve(__dirname, "../..");

/** Runs in a fresh node: what a starting analyzer does, step by step, reporting what is loaded after each. */
const CHILD = `
const path = require("path");
const { deferPulumiIndex, pulumiIndexFile } = require("./policies/lib/defer-pulumi-index");
const sdkLoaded = () => Object.keys(require.cache).some((k) => k.includes(path.join("@pulumi", "pulumi", "automation") + path.sep));
const modules = () => Object.keys(require.cache).length;
const out = { first: deferPulumiIndex() };
require("@pulumi/policy");
out.sdkAfterPolicy = sdkLoaded();
out.modulesAfterPolicy = modules();
const { deserializeProperties } = require("@pulumi/policy/deserialize");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
const rpc = require("@pulumi/pulumi/runtime/rpc");
const plain = deserializeProperties(Struct.fromJavaScript({ bucket: "logs", tags: { team: "a" } }), false);
out.plainBucket = plain.bucket;
out.sdkAfterPlain = sdkLoaded();
const asset = { [rpc.specialSigKey]: rpc.specialAssetSig, path: "site/index.html" };
const withAsset = deserializeProperties(Struct.fromJavaScript({ source: asset }), false);
out.sdkAfterAsset = sdkLoaded();
const pulumi = require("@pulumi/pulumi");
out.isFileAsset = withAsset.source instanceof pulumi.asset.FileAsset;
out.realModuleCached = require.cache[pulumiIndexFile()].exports === pulumi && typeof pulumi.Config === "function";
out.modulesAfterAsset = modules();
out.second = deferPulumiIndex();
Promise.resolve(withAsset.source.path).then((assetPath) => console.log(JSON.stringify({ ...out, assetPath })));
`;

interface ChildReport {
    first: string;
    sdkAfterPolicy: boolean;
    modulesAfterPolicy: number;
    plainBucket: string;
    sdkAfterPlain: boolean;
    sdkAfterAsset: boolean;
    isFileAsset: boolean;
    assetPath: string;
    realModuleCached: boolean;
    modulesAfterAsset: number;
    second: string;
}

describe("deferPulumiIndex: @pulumi/pulumi's index loads on first use, not at analyzer start", function () {
    this.timeout(60_000);
    let report: ChildReport;

    before(() => {
        const result = spawnSync(process.execPath, ["-r", path.join(ROOT, "harness/ts-register.js"), "-e", CHILD], { cwd: ROOT, encoding: "utf8", timeout: 50_000 });
        assert.equal(result.status, 0, result.stderr);
        report = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as ChildReport;
    });

    it("defers in a fresh process; CrossGuard and a plain deserialization load without the SDK's index", () => {
        assert.equal(report.first, "deferred");
        assert.equal(report.sdkAfterPolicy, false);
        assert.equal(report.plainBucket, "logs");
        assert.equal(report.sdkAfterPlain, false);
    });

    it("loads the real index on first use: an asset deserializes to the SDK's own FileAsset", () => {
        assert.equal(report.sdkAfterAsset, true);
        assert.equal(report.isFileAsset, true);
        assert.equal(report.assetPath, "site/index.html");
        assert.equal(report.realModuleCached, true, "after the first use, require gets the real module");
        assert.ok(report.modulesAfterAsset > report.modulesAfterPolicy + 300, `the index is most of the modules: ${report.modulesAfterPolicy} → ${report.modulesAfterAsset}`);
        assert.equal(report.second, "already-loaded");
    });

    it("the pack's entry, transpiled as the analyzer runs it, starts serving without the SDK's index", () => {
        // The entry as main module under the harness's transpiler (SWC hoists imports): report once it listens.
        const entry = `
            const path = require("path");
            process.stdout.write = ((write) => (chunk, ...rest) => {
                const sdk = Object.keys(require.cache).some((k) => k.includes(path.join("@pulumi", "pulumi", "automation") + path.sep));
                write.call(process.stdout, JSON.stringify({ port: String(chunk).trim(), sdk }) + "\\n", ...rest);
                process.exit(0);
            })(process.stdout.write);
            require("./policies/index");
        `;
        const result = spawnSync(process.execPath, ["-r", path.join(ROOT, "harness/ts-register.js"), "-e", entry], { cwd: ROOT, encoding: "utf8", timeout: 50_000 });
        assert.equal(result.status, 0, result.stderr);
        const started = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as { port: string; sdk: boolean };
        assert.match(started.port, /^\d+$/);
        assert.equal(started.sdk, false, "the analyzer listens before anything loads @pulumi/pulumi's index");
    });

    it("changes nothing where the index is already loaded (this process), or cannot be resolved", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("@pulumi/pulumi");
        const file = pulumiIndexFile();
        assert.ok(file !== undefined && require.cache[file] !== undefined);
        const before = require.cache[file];
        assert.equal(deferPulumiIndex(), "already-loaded");
        assert.equal(require.cache[file], before);
        assert.equal(deferPulumiIndex("no-such-module/at-all"), "unresolved");
    });
});
