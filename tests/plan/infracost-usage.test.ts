/** `--usage <infracost-usage.yml>` through the plan: converted values in the report, bad names and keys exit 2. */
import { strict as assert } from "assert";
import * as path from "path";
import { npmRunPlan, plan, rejects, ROOT } from "./helpers";

const PRICED = path.join(ROOT, "tests/fixtures/priced");
const RUNWAY = {};

describe("plan --usage with an Infracost usage file", () => {
    it("prices Runway's program with the file's values (YAML, wildcards, type defaults, Terraform addresses)", async () => {
        const result = await plan(["--usage", path.join(PRICED, "infracost-usage.yml"), "--format", "json"], RUNWAY);
        assert.equal(result.code, 0, result.stderr);
        const lines = JSON.parse(result.stdout).cost.lines as { urn: string; monthlyUsd: number; basis: string }[];
        const line = (name: string) => lines.find((l) => l.urn.endsWith(`::${name}`)) ?? assert.fail(`no line ${name}`);
        assert.equal(line("network-nat-0").monthlyUsd, Math.round((730 * 0.045 + 200 * 0.045) * 100) / 100);
        assert.match(line("jobs-queue").basis, /sqs\.requestsMillionsPerMonth 8 /);
        assert.match(line("jobs-dlq").basis, /resource_type_default_usage\["aws_sqs_queue"\]/);
        assert.match(line("edge-alb").basis, /avg 2 LCU/);
        assert.match(line("web-logs").basis, /resource_usage\["\*-logs"\]/);
    });

    it("exits 2 naming file, resource, key and the allowed keys (npm run plan)", () => {
        const result = npmRunPlan(["--usage", "tests/fixtures/priced/infracost-bad-key.yml"]);
        assert.equal(result.code, 2, result.stderr);
        assert.equal(result.stdout, "");
        assert.match(result.stderr, /^runway plan: --usage tests\/fixtures\/priced\/infracost-bad-key\.yml: resource_usage\["network-nat-0"\] \(network-nat-0, aws:ec2\/natGateway:NatGateway\): key "monthly_gb_data_processed" .*\(allowed: monthly_data_processed_gb\)\n$/);
    });

    it("exits 2 for a resource name the program does not declare", async () => {
        await rejects(["--usage", path.join(PRICED, "infracost-bad-name.yml")], /resource_usage\["network-nat-9"\]: no resource named "network-nat-9" in the program/, RUNWAY);
    });

    it("exits 2 before the run for a malformed file", async () => {
        await rejects(["--usage", path.join(PRICED, "cases.ts")], /--usage .*cases\.ts: /, RUNWAY);
    });
});
