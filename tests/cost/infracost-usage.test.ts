/** Infracost usage files read as Runway usage: key mapping, wildcards, type defaults and the checks. */
import { strict as assert } from "assert";
import { priceResources } from "../../cost";
import { compileNamePattern, INFRACOST_MAPPINGS } from "../../cost/infracost-usage";
import { checkUsageLayer, readUsageFile } from "../../cost/usage";
import type { StackResource } from "../../model/resource";
import { isUsageKey } from "../../cost/usage-keys";
import { stack } from "./fixtures";
import { c, lineOf, tempJson } from "./helpers";

const yamlFile = (text: string): string => tempJson(text, "infracost-usage.yml");

/** Reads a user usage file shown as `shownAs` and checks it against `resources`. */
function checkUsageFile(file: string, shownAs: string, resources: readonly StackResource[]): void {
    checkUsageLayer(readUsageFile(file, shownAs, false), resources);
}

describe("cost: Infracost usage files", () => {
    it("maps Lambda, SQS (64 KB chunks), NAT and S3 keys onto the resources of those names", () => {
        const file = yamlFile(
            [
                "version: 0.1",
                "resource_usage:",
                "  worker:",
                "    monthly_requests: 10000000",
                "    request_duration_ms: 200",
                "  jobs:",
                "    monthly_requests: 2000000",
                "    request_size_kb: 100",
                "  nat:",
                "    monthly_data_processed_gb: 100",
                "  uploads:",
                "    standard:",
                "      storage_gb: 1000",
                "      monthly_tier_1_requests: 0",
                "      monthly_tier_2_requests: 0",
            ].join("\n"),
        );
        const resources = stack(
            { type: "aws:lambda/function:Function", name: "worker", props: { memorySize: 512, architectures: ["arm64"] } },
            { type: "aws:sqs/queue:Queue", name: "jobs" },
            { type: "aws:ec2/natGateway:NatGateway", name: "nat" },
            { type: "aws:s3/bucketV2:BucketV2", name: "uploads" },
        );
        const report = priceResources(resources, { usage: file });
        assert.equal(lineOf(report, "worker").monthlyUsd, c(10 * 0.2 + 10e6 * 0.2 * 0.5 * 0.0000133334));
        assert.equal(lineOf(report, "jobs").monthlyUsd, c(4 * 0.4), "2 M requests of 100 KB are 4 M billed requests");
        assert.equal(lineOf(report, "nat").monthlyUsd, c(730 * 0.045 + 100 * 0.045));
        assert.equal(lineOf(report, "uploads").monthlyUsd, c(1000 * 0.023));
        assert.match(lineOf(report, "jobs").basis, /resource_usage\["jobs"\]: sqs\.requestsMillionsPerMonth 4 \(monthly_requests 2,000,000 × 2/);
        checkUsageFile(file, "infracost-usage.yml", resources);
    });

    it("reads JSON, Terraform addresses, wildcards and type defaults; a name beats a wildcard beats a type default", () => {
        const file = tempJson(
            {
                version: "0.1",
                resource_type_default_usage: { aws_lambda_function: { monthly_requests: 1000000, request_duration_ms: 100 } },
                resource_usage: { "aws_lambda_function.api": { monthly_requests: 5000000 }, "job[*]": { monthly_requests: 3000000 } },
            },
            "infracost-usage.json",
        );
        const resources = stack(
            ...["api", "job-0", "job-1", "other"].map((name) => ({ type: "aws:lambda/function:Function", name, props: { memorySize: 1024 } })),
        );
        const report = priceResources(resources, { usage: file });
        const requests = (name: string) => Number(/requests: ([\d.]+) M/.exec(lineOf(report, name).basis)?.[1]);
        assert.deepEqual(["api", "job-0", "job-1", "other"].map(requests), [5, 3, 3, 1]);
        assert.match(lineOf(report, "other").basis, /resource_type_default_usage\["aws_lambda_function"\]/);
        checkUsageFile(file, "infracost-usage.json", resources);
    });

    it("converts ALB connections to LCUs by AWS's dimensions and Aurora requests per second to I/O", () => {
        const file = yamlFile(
            ["version: 0.1", "resource_usage:", "  edge:", "    new_connections: 75", "    processed_bytes_gb: 2", "  db:", "    storage_gb: 100", "    read_requests_per_sec: 100"].join("\n"),
        );
        const report = priceResources(
            stack(
                { type: "aws:lb/loadBalancer:LoadBalancer", name: "edge", props: { internal: true } },
                { type: "aws:rds/cluster:Cluster", name: "db", props: { engine: "aurora-postgresql" } },
            ),
            { usage: file },
        );
        assert.match(lineOf(report, "edge").basis, /avg 3 LCU/);
        assert.match(lineOf(report, "db").basis, /aurora\.ioMillionsPerMonth 262\.8/);
    });

    it("names file, resource, type, key and the allowed keys for a key the type does not take", () => {
        const file = yamlFile(["version: 0.1", "resource_usage:", "  worker:", "    monthly_requests: 1", "    memory_mb: 512"].join("\n"));
        assert.throws(
            () => checkUsageFile(file, "infracost-usage.yml", stack({ type: "aws:lambda/function:Function", name: "worker" })),
            /infracost-usage\.yml: resource_usage\["worker"\] \(worker, aws:lambda\/function:Function\): key "memory_mb" is not an Infracost key Runway maps for aws_lambda_function \(allowed: monthly_requests, request_duration_ms\)/,
        );
    });

    it("explains keys Infracost has that Runway does not model, and near misses", () => {
        const file = yamlFile(["version: 0.1", "resource_usage:", "  db:", "    average_acu_per_hour: 2"].join("\n"));
        assert.throws(
            () => checkUsageFile(file, "u.yml", stack({ type: "aws:rds/clusterInstance:ClusterInstance", name: "db" })),
            /key "average_acu_per_hour" .*capacity_units_per_hr.*allowed: capacity_units_per_hr/,
        );
        const nat = yamlFile(["version: 0.1", "resource_usage:", "  site:", "    monthly_data_transfer_to_origin_gb:", "      us: 5"].join("\n"));
        assert.throws(() => checkUsageFile(nat, "u.yml", stack({ type: "aws:cloudfront/distribution:Distribution", name: "site" })), /transfer to the origin is not modelled/);
    });

    it("rejects a name the program does not declare, a bad version and a non-numeric value", () => {
        const unknown = yamlFile(["version: 0.1", "resource_usage:", "  ghost:", "    monthly_requests: 1"].join("\n"));
        assert.throws(() => checkUsageFile(unknown, "u.yml", stack({ type: "aws:sqs/queue:Queue", name: "jobs" })), /resource_usage\["ghost"\]: no resource named "ghost" in the program \(resources that read usage: jobs\)/);
        assert.throws(() => priceResources([], { usage: yamlFile("version: 0.2\nresource_usage: {}\n") }), /version must be 0\.1/);
        assert.throws(() => priceResources([], { usage: yamlFile("version: 0.1\nresource_usage:\n  a:\n    operating_system: windows\n") }), /key "operating_system" must be a non-negative number/);
    });

    it("matches wildcard names the way Pulumi loops name resources", () => {
        const p = compileNamePattern("web[*]");
        assert.deepEqual(["web", "web-0", "web_1", "web[2]", "web7", "webby", "my-web-0"].map((n) => p.test(n)), [true, true, true, true, true, false, false]);
        assert.ok(compileNamePattern("*-logs").test("worker-logs"));
    });

    it("every mapping converts to known Runway usage keys", () => {
        for (const [type, mapping] of Object.entries(INFRACOST_MAPPINGS)) {
            const sample = Object.fromEntries(Object.keys(mapping.keys).filter((k) => k !== "monthly_messages" && k !== "message_size_kb").map((k) => [k.replace(/\.\*$/, ".us"), 1]));
            for (const key of Object.keys(mapping.convert(sample))) assert.ok(isUsageKey(key), `${type}: ${key}`);
        }
    });
});
