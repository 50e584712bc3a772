import * as assert from "assert";
import * as fs from "fs";
import { tempDir } from "../temp";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { plan, REAL_WORLD, ROOT } from "./helpers";

async function planOf(program: string, extra: string[] = []): Promise<{ code: number; doc: PlanDocument; stderr: string }> {
    const result = await plan(["--program", program, "--format", "json", ...extra]);
    assert.notStrictEqual(result.code, 2, result.stderr);
    return { code: result.code, doc: JSON.parse(result.stdout) as PlanDocument, stderr: result.stderr };
}

const types = (doc: PlanDocument) => doc.resources.map((r) => r.type);

describe("plan: real-world programs (--program)", function () {
    this.timeout(60_000);

    it("ALB + Fargate + RDS in the default VPC: invokes answered, project config and secrets from its Pulumi.yaml", async () => {
        const { doc } = await planOf(path.join(REAL_WORLD, "alb-fargate-rds/index.ts"));
        assert.ok(doc.resources.every((r) => r.urn.startsWith("urn:pulumi:dev::shop-api::")));
        for (const t of ["aws:lb/loadBalancer:LoadBalancer", "aws:ecs/service:Service", "aws:rds/instance:Instance", "aws:rds/subnetGroup:SubnetGroup"]) assert.ok(types(doc).includes(t), t);
        const service = doc.resources.find((r) => r.type === "aws:ecs/service:Service");
        assert.ok(service?.dependencies.some((d) => d.endsWith("::api") && d.includes("taskDefinition")));
        assert.ok(doc.cost.monthlyUsd > 0);
        assert.ok(doc.cost.lines.some((l) => l.type === "aws:rds/instance:Instance" && l.monthlyUsd > 0));
    });

    it("static site: ESM package (type: module, ./x.js imports), files read next to the program, CloudFront", async () => {
        const { doc } = await planOf(path.join(REAL_WORLD, "static-site/index.ts"));
        const objects = doc.resources.filter((r) => r.type === "aws:s3/bucketObjectv2:BucketObjectv2").map((r) => r.name).sort();
        assert.deepStrictEqual(objects, ["about.html", "index.html"]);
        assert.ok(types(doc).includes("aws:cloudfront/distribution:Distribution"));
        const bucket = doc.resources.find((r) => r.type === "aws:s3/bucketV2:BucketV2");
        assert.deepStrictEqual(bucket?.source, { file: "tests/fixtures/real-world/static-site/index.ts", line: 9 });
    });

    it("ESM program with top-level await runs, with source lines mapped to the .ts file", async () => {
        const dir = tempDir("esm");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
        fs.mkdirSync(path.join(dir, "node_modules"));
        fs.symlinkSync(path.join(ROOT, "node_modules/@pulumi"), path.join(dir, "node_modules/@pulumi"));
        fs.writeFileSync(path.join(dir, "names.ts"), 'export const prefix: string = "tla";\n');
        fs.writeFileSync(path.join(dir, "index.ts"), 'import * as aws from "@pulumi/aws";\nimport { prefix } from "./names.js";\nconst zones = await aws.getAvailabilityZones();\nexport const bucket = new aws.s3.Bucket(`${prefix}-${zones.names.length}`).id;\n');
        const { doc } = await planOf(path.join(dir, "index.ts"));
        assert.deepStrictEqual(doc.resources.map((r) => [r.name, r.source?.line]), [["tla-6", 4]]);
    });

    it("Lambda + S3 notifications with bucket.onObjectCreated: the late registrations are seen", async () => {
        const { doc } = await planOf(path.join(REAL_WORLD, "lambda-s3/index.ts"));
        for (const t of ["aws:lambda/function:Function", "aws:s3/bucketNotification:BucketNotification", "aws:lambda/permission:Permission"]) assert.ok(types(doc).includes(t), t);
        assert.ok(!doc.cost.unpriced.includes("aws:s3:BucketEventSubscription"), "a component is not an unpriced resource");
    });

    it("cross-stack references: outputs are unknown, never a crash", async () => {
        const { doc } = await planOf(path.join(REAL_WORLD, "cross-stack/index.ts"));
        assert.ok(types(doc).includes("aws:elasticache/cluster:Cluster"));
        const sg = doc.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
        assert.ok(sg);
    });

    it("awsx remote component: listed as not evaluated and not priced, with a hint — never a clean bill", async () => {
        const { doc } = await planOf(path.join(REAL_WORLD, "awsx-vpc/index.ts"));
        const vpc = doc.resources.find((r) => r.type === "awsx:ec2:Vpc");
        assert.ok(vpc?.remote);
        assert.ok(doc.notEvaluated.some((n) => n.urn === vpc.urn && n.policy === "*" && /remote component/.test(n.property)));
        assert.ok(doc.cost.unpriced.includes("awsx:ec2:Vpc"));
        assert.ok(doc.cost.notes.some((n) => /remote component/.test(n)));
        const text = (await plan(["--program", path.join(REAL_WORLD, "awsx-vpc/index.ts")])).stdout;
        assert.match(text, /remote: not checked, not priced/);
        assert.match(text, /Not evaluated \(\d+\)/);
    });
});
