import * as assert from "assert";
import { SECRET_SIG, SIG_KEY, UNKNOWN_STRING, RESOURCE_REF_SIG } from "../../model/wire";
import { entropy, scanRun, type SecretFinding } from "./lib/secret-scan";
import { programRun, resource } from "./lib/runs";
import { stageRun } from "./lib/stage-runs";

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });
const RANDOM_TOKEN = "q7Vd2LxP9rT4mWz8Kc3NbY6hGf1Js5Ra";

function rules(findings: SecretFinding[]): string[] {
    return findings.map((f) => `${f.rule} ${f.path}`);
}

describe("secret scan: the detector", () => {
    it("finds a password-named property with a literal value", () => {
        const f = scanRun(programRun("t", [resource("aws:ssm/parameter:Parameter", "p", { name: "/db", dbPassword: "hunter2hunter2" })]));
        assert.deepStrictEqual(rules(f), ["credential-name inputs.dbPassword", "credential-name outputs.dbPassword"]);
        assert.ok(!JSON.stringify(f).includes("hunter2hunter2"), "findings mask the value");
    });

    it("finds an AWS access key id, a PEM private key and a high-entropy token anywhere", () => {
        const f = scanRun(programRun("t", [resource("aws:lambda/function:Function", "fn", {
            description: "uses AKIAIOSFODNN7EXAMPLE",
            code: "-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----",
            handler: `index.handler --seed ${RANDOM_TOKEN}`,
        })]));
        const found = new Set(f.map((x) => x.rule));
        assert.deepStrictEqual([...found].sort(), ["aws-access-key", "high-entropy", "private-key"]);
    });

    it("finds credentials inside JSON strings: container environment variables as name/value pairs", () => {
        const containerDefinitions = JSON.stringify([{ name: "web", environment: [{ name: "DATABASE_PASSWORD", value: "s3cr3t-pa55" }, { name: "PORT", value: "8080" }] }]);
        const f = scanRun(programRun("t", [resource("aws:ecs/taskDefinition:TaskDefinition", "task", { containerDefinitions })]));
        assert.ok(rules(f).includes("credential-name inputs.containerDefinitions(json)[0].environment[0].value"), rules(f).join("\n"));
        assert.ok(!rules(f).some((r) => r.includes("environment[1]")));
    });

    it("finds credentials in base64 user data and in non-secret stack outputs", () => {
        const userDataBase64 = Buffer.from(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n`).toString("base64");
        const run = programRun("t", [resource("aws:ec2/launchTemplate:LaunchTemplate", "lt", { userDataBase64 })]);
        run.outputs = { adminToken: "tok-9f8e7d6c5b4a", url: "https://app.example.com" };
        const f = rules(scanRun(run));
        assert.ok(f.includes("aws-access-key inputs.userDataBase64(base64)"), f.join("\n"));
        assert.ok(f.includes("credential-name adminToken"), f.join("\n"));
    });

    it("requires RDS and Aurora to let AWS manage the master password, and the Redis auth token to be secret", () => {
        const f = rules(scanRun(programRun("t", [
            resource("aws:rds/instance:Instance", "db", { engine: "postgres", password: secret("x") }),
            resource("aws:rds/cluster:Cluster", "cluster", { engine: "aurora-postgresql", manageMasterUserPassword: true }),
            resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { authToken: "plain-token-value" }),
        ])));
        assert.ok(f.includes("plain-db-password inputs.password"));
        assert.ok(f.includes("plain-db-password inputs.manageMasterUserPassword"));
        assert.ok(!f.some((x) => x.startsWith("plain-db-password") && x.includes("cluster")));
        assert.ok(f.includes("plain-redis-token inputs.authToken"));
    });

    it("accepts secret-wrapped values, ARNs, ids, unknowns, resource references, settings and additional secret outputs", () => {
        const password = resource("random:index/randomPassword:RandomPassword", "token", { length: 48 });
        password.outputs = { length: 48, result: RANDOM_TOKEN };
        password.additionalSecretOutputs = ["result"];
        const run = programRun("t", [
            password,
            resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { authToken: secret(RANDOM_TOKEN), authTokenUpdateStrategy: "ROTATE" }),
            resource("aws:rds/instance:Instance", "db", { manageMasterUserPassword: true, masterUserSecretKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9" }),
            resource("aws:ec2/instance:Instance", "vm", { metadataOptions: { httpTokens: "required" }, userData: "#!/bin/bash\ndnf install -y caddy\n" }),
            resource("pulumi:providers:aws", "aws", { skipCredentialsValidation: "true", region: "us-east-1" }),
            resource("aws:ssm/parameter:Parameter", "p", { name: "/app/redis-token", value: secret("x"), keyId: "alias/aws/ssm", secretArn: UNKNOWN_STRING, parent: { [SIG_KEY]: RESOURCE_REF_SIG, urn: "urn:pulumi:a::b::c::d", id: "x" } }),
            resource("aws:iam/role:Role", "role", { assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] }) }),
        ]);
        run.outputs = { dbEndpoint: "database-instance-283f2b3.abc123.us-east-1.rds.amazonaws.com", authToken: { secret: true }, bucket: "uploads-bucket-d7587ca", id: "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9" };
        assert.deepStrictEqual(rules(scanRun(run)), []);
    });

    it("scores random tokens above ordinary names (entropy)", () => {
        assert.ok(entropy(RANDOM_TOKEN) > entropy("assets-bucket-97c6151-assets-bucket"));
    });
});

describe("secret scan: every stage of Runway under mocks", function () {
    this.timeout(60_000);
    const stages: [string, string][] = [["dev", "zero"], ["dev", "hero"], ["prod", "enterprise"]];
    for (const [stack, stage] of stages) {
        it(`${stage}: no credential-looking value outside a secret (inputs, outputs, stack outputs)`, async () => {
            const run = await stageRun(stack, { "runway:stage": stage });
            const findings = scanRun(run);
            assert.deepStrictEqual(findings, [], findings.map((f) => `${f.rule} ${f.where} ${f.path}: ${f.excerpt}`).join("\n"));
        });
    }

    it("hero and enterprise: the database password is AWS-managed and the Redis auth token is a secret", async () => {
        for (const [stack, stage] of stages.slice(1)) {
            const run = await stageRun(stack, { "runway:stage": stage });
            const dbs = run.resources.filter((r) => r.type === "aws:rds/instance:Instance" || r.type === "aws:rds/cluster:Cluster");
            assert.ok(dbs.length > 0, `${stage} declares a database`);
            for (const db of dbs) assert.strictEqual(db.inputs.manageMasterUserPassword, true, db.urn);
            const groups = run.resources.filter((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup");
            assert.ok(groups.length > 0, `${stage} declares Redis`);
            for (const g of groups) assert.ok(typeof g.inputs.authToken === "object" && g.inputs.authToken !== null && (g.inputs.authToken as Record<string, unknown>)[SIG_KEY] === SECRET_SIG, `${g.urn}: authToken must be secret`);
        }
    });
});
