/**
 * Provider-computed outputs in update mode: every output programs commonly read (IPv6 blocks, ARNs, endpoints, DNS
 * names, ids of defaults, AMI ids, template bodies) has a plausible, typed value, in the resource's own region, so a
 * program that derives from them runs as it would against AWS. In preview they stay unknown.
 */
import * as assert from "assert";
import * as path from "path";
import { runProgram, type DeclaredResource, type ProgramRun } from "../../harness";
import { MOCK_ACCOUNT_ID } from "../../harness/aws-mocks";
import { COMPUTED_OUTPUTS, invokeOutputs, resourceOutputs } from "../../harness/computed-outputs";
import { isRecord, isWireSecret } from "../../model/wire";
import type { PlanDocument } from "../../plan/document";
import { spawnPlan } from "../plan/helpers";

const PROGRAM = path.resolve(__dirname, "../fixtures/programs/computed-outputs/index.ts");
const ACCOUNT = MOCK_ACCOUNT_ID;

/** The one resource of `type` named `name`. */
function resource(run: ProgramRun, type: string, name: string): DeclaredResource {
    const found = run.resources.find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`no ${type} named ${name}`);
    return found;
}

/** An output by dotted path (`cacheNodes.0.address`), secrets unwrapped. */
function out(run: ProgramRun, type: string, name: string, dotted: string): unknown {
    let value: unknown = resource(run, type, name).outputs;
    for (const part of dotted.split(".")) {
        if (isWireSecret(value)) value = value.value;
        if (Array.isArray(value)) value = part === "length" ? value.length : value[Number(part)];
        else value = isRecord(value) ? value[part] : undefined;
    }
    return value;
}

/** An output that must be a string. */
function str(run: ProgramRun, type: string, name: string, dotted: string): string {
    const value = out(run, type, name, dotted);
    assert.strictEqual(typeof value, "string", `${type} ${name}.${dotted} is ${JSON.stringify(value)}`);
    return value as string;
}

const T = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    instance: "aws:ec2/instance:Instance",
    db: "aws:rds/instance:Instance",
    aurora: "aws:rds/cluster:Cluster",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    cacheCluster: "aws:elasticache/cluster:Cluster",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    listener: "aws:lb/listener:Listener",
    cdn: "aws:cloudfront/distribution:Distribution",
    bucket: "aws:s3/bucket:Bucket",
    fn: "aws:lambda/function:Function",
    api: "aws:apigatewayv2/api:Api",
    repo: "aws:ecr/repository:Repository",
    eks: "aws:eks/cluster:Cluster",
    oidc: "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    queue: "aws:sqs/queue:Queue",
    topic: "aws:sns/topic:Topic",
    key: "aws:kms/key:Key",
    alias: "aws:kms/alias:Alias",
    secret: "aws:secretsmanager/secret:Secret",
    zone: "aws:route53/zone:Zone",
    record: "aws:route53/record:Record",
    cert: "aws:acm/certificate:Certificate",
    role: "aws:iam/role:Role",
    stack: "aws:cloudformation/stack:Stack",
} as const;

/** Services whose ARNs carry no region. */
const GLOBAL_SERVICES = new Set(["iam", "cloudfront", "route53", "s3"]);

/** Every ARN-shaped string anywhere in a value. */
function arnsIn(value: unknown): string[] {
    if (typeof value === "string") return value.startsWith("arn:") ? [value] : [];
    if (Array.isArray(value)) return value.flatMap(arnsIn);
    if (isRecord(value)) return Object.values(value).flatMap(arnsIn);
    return [];
}

/** Checks an ARN is `arn:aws:<service>:<region>:<account>:<resource>` with the region expected for its service. */
function assertArn(arn: string, region: string, where: string): void {
    const lambdaPath = /^arn:aws:apigateway:([a-z0-9-]+):lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/(.+)\/(?:response-streaming-)?invocations$/.exec(arn);
    if (lambdaPath) {
        assert.strictEqual(lambdaPath[1], region, `${where}: ${arn}`);
        assertArn(lambdaPath[2], region, where);
        return;
    }
    const match = /^arn:aws:([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|cloudfront)?:(.+)$/.exec(arn);
    assert.ok(match, `${where}: not an ARN: ${arn}`);
    const [, service, arnRegion, , resourcePart] = match;
    const global = GLOBAL_SERVICES.has(service) || resourcePart.startsWith("dashboard/");
    assert.strictEqual(arnRegion, global ? "" : region, `${where}: ${arn} is not in ${region}`);
}

describe("harness: provider-computed outputs in update mode", function () {
    this.timeout(120_000);
    let run: ProgramRun;
    let ireland: ProgramRun;

    before(async () => {
        run = await runProgram({ program: PROGRAM });
        ireland = await runProgram({ program: PROGRAM, config: { "aws:region": "eu-west-1" } });
    });

    it("gives a VPC that asks for IPv6 an Amazon /56, and the subnets the /64s the program cut from it", () => {
        const block = str(run, T.vpc, "main", "ipv6CidrBlock");
        assert.match(block, /^2600:1f[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}00::\/56$/);
        const prefix = block.replace(/00::\/56$/, "");
        assert.deepStrictEqual(run.outputs.subnetIpv6Blocks, [`${prefix}00::/64`, `${prefix}01::/64`]);
        assert.strictEqual(str(run, T.subnet, "app-1", "ipv6CidrBlock"), `${prefix}01::/64`);
        assert.strictEqual(str(run, T.subnet, "app-1", "availabilityZoneId"), "use1-az2");
        assert.match(str(run, T.vpc, "main", "ipv6AssociationId"), /^vpc-cidr-assoc-[0-9a-f]{17}$/);
    });

    it("gives a VPC the ids of its defaults, and the program's route lands on the main route table", () => {
        assert.match(str(run, T.vpc, "main", "defaultSecurityGroupId"), /^sg-[0-9a-f]{17}$/);
        assert.match(str(run, T.vpc, "main", "mainRouteTableId"), /^rtb-[0-9a-f]{17}$/);
        assert.match(str(run, T.vpc, "main", "defaultNetworkAclId"), /^acl-[0-9a-f]{17}$/);
        assert.strictEqual(str(run, T.vpc, "main", "defaultRouteTableId"), str(run, T.vpc, "main", "mainRouteTableId"));
        assert.strictEqual(str(run, "aws:ec2/route:Route", "v6-default", "routeTableId"), str(run, T.vpc, "main", "mainRouteTableId"));
        assert.deepStrictEqual(run.outputs.vpcDefaults, ["sg", "rtb", "acl"]);
    });

    it("puts every ARN in the resource's own region and the mock account", () => {
        let seen = 0;
        for (const r of run.resources.filter((x) => x.custom && x.type.startsWith("aws:"))) {
            const region = r.name === "irish" ? "eu-west-1" : r.name === "sydney" ? "ap-southeast-2" : "us-east-1";
            for (const arn of arnsIn(r.outputs)) {
                assertArn(arn, region, `${r.type} ${r.name}`);
                seen++;
            }
        }
        assert.ok(seen > 40, `ARNs checked: ${seen}`);
        assert.strictEqual(str(run, T.role, "fn", "arn"), `arn:aws:iam::${ACCOUNT}:role/${str(run, T.role, "fn", "name")}`);
        assert.match(str(run, T.role, "fn", "uniqueId"), /^AROA[0-9A-Z]{17}$/);
        assert.strictEqual(str(run, T.bucket, "assets", "arn"), `arn:aws:s3:::${str(run, T.bucket, "assets", "bucket")}`);
        assert.strictEqual(str(run, T.key, "data", "arn"), `arn:aws:kms:us-east-1:${ACCOUNT}:key/${str(run, T.key, "data", "keyId")}`);
        assert.match(str(run, T.key, "data", "keyId"), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.strictEqual(str(run, T.alias, "data", "targetKeyArn"), str(run, T.key, "data", "arn"));
        assert.match(str(run, T.secret, "db", "arn"), new RegExp(`^arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-[0-9a-f]{7}-[a-z0-9]{6}$`));
        assert.strictEqual(str(run, T.topic, "alerts", "arn"), `arn:aws:sns:us-east-1:${ACCOUNT}:${str(run, T.topic, "alerts", "name")}`);
    });

    it("respects aws:region, an explicit provider's region and a resource's own region", () => {
        assert.strictEqual(ireland.outputs.regionName, "EU-WEST-1");
        for (const r of ireland.resources.filter((x) => x.custom && x.type.startsWith("aws:"))) {
            for (const arn of arnsIn(r.outputs)) assertArn(arn, r.name === "sydney" ? "ap-southeast-2" : "eu-west-1", `${r.type} ${r.name}`);
        }
        assert.match(str(ireland, T.db, "db", "address"), /\.eu-west-1\.rds\.amazonaws\.com$/);
        assert.match(str(ireland, T.replicationGroup, "sessions", "primaryEndpointAddress"), /\.euw1\.cache\.amazonaws\.com$/);
        assert.match(str(ireland, T.lb, "web", "dnsName"), /\.eu-west-1\.elb\.amazonaws\.com$/);
        assert.strictEqual(str(ireland, T.lb, "web", "zoneId"), "Z32O12XQLNTSW2");
        assert.strictEqual(str(ireland, T.bucket, "assets", "hostedZoneId"), "Z1BKCTXD74EZPE");
        assert.strictEqual(str(ireland, T.subnet, "app-0", "availabilityZoneId"), "euw1-az1");
        assert.deepStrictEqual([run.outputs.irishQueueRegion, run.outputs.sydneyTopicRegion], ["eu-west-1", "ap-southeast-2"]);
        assert.strictEqual(str(run, T.queue, "irish", "url"), `https://sqs.eu-west-1.amazonaws.com/${ACCOUNT}/${str(run, T.queue, "irish", "name")}`);
    });

    it("gives databases and caches AWS's host names, with the port where AWS adds one", () => {
        const address = str(run, T.db, "db", "address");
        assert.match(address, /^db-[0-9a-f]{7}\.c[0-9a-f]{11}\.us-east-1\.rds\.amazonaws\.com$/);
        assert.strictEqual(str(run, T.db, "db", "endpoint"), `${address}:5432`);
        assert.strictEqual(out(run, T.db, "db", "port"), 5432);
        assert.match(str(run, T.db, "db", "resourceId"), /^db-[0-9A-F]{26}$/);
        assert.strictEqual(resource(run, T.db, "db").id, str(run, T.db, "db", "resourceId"), "an RDS instance's id is its resource id");
        assert.match(str(run, T.aurora, "aurora", "endpoint"), /^aurora-[0-9a-f]{7}\.cluster-c[0-9a-f]{11}\.us-east-1\.rds\.amazonaws\.com$/);
        assert.match(str(run, T.aurora, "aurora", "readerEndpoint"), /^aurora-[0-9a-f]{7}\.cluster-ro-c[0-9a-f]{11}\.us-east-1\.rds\.amazonaws\.com$/);
        assert.strictEqual(out(run, T.aurora, "aurora", "port"), 3306, "aurora-mysql listens on 3306");
        assert.match(str(run, T.replicationGroup, "sessions", "primaryEndpointAddress"), /^sessions-[0-9a-f]{7}\.[0-9a-f]{6}\.ng\.0001\.use1\.cache\.amazonaws\.com$/);
        assert.strictEqual(str(run, T.replicationGroup, "sessions", "configurationEndpointAddress"), "", "no configuration endpoint with cluster mode off");
        assert.match(str(run, T.replicationGroup, "sharded", "configurationEndpointAddress"), /^clustercfg\.sharded-[0-9a-f]{7}\.[0-9a-f]{6}\.use1\.cache\.amazonaws\.com$/);
        assert.deepStrictEqual(out(run, T.replicationGroup, "sharded", "memberClusters.length"), 4);
        assert.match(str(run, T.cacheCluster, "memcached", "cacheNodes.1.address"), /^memcached-[0-9a-f]{7}\.[0-9a-f]{6}\.0002\.use1\.cache\.amazonaws\.com$/);
        assert.strictEqual(out(run, T.cacheCluster, "memcached", "cacheNodes.0.port"), 11211);
        assert.match(str(run, T.cacheCluster, "memcached", "configurationEndpoint"), /\.cfg\.use1\.cache\.amazonaws\.com:11211$/);
    });

    it("gives the edge AWS's DNS names and hosted zones: load balancer, listener, distribution, bucket, zone, certificate", () => {
        const lbName = str(run, T.lb, "web", "name");
        assert.match(str(run, T.lb, "web", "dnsName"), new RegExp(`^${lbName}-\\d{1,10}\\.us-east-1\\.elb\\.amazonaws\\.com$`));
        assert.strictEqual(str(run, T.lb, "web", "zoneId"), "Z35SXDOTRQ7X7K");
        const suffix = str(run, T.lb, "web", "arnSuffix");
        assert.match(suffix, new RegExp(`^app/${lbName}/[0-9a-f]{16}$`));
        assert.strictEqual(str(run, T.lb, "web", "arn"), `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/${suffix}`);
        assert.match(str(run, T.listener, "web", "arn"), new RegExp(`:listener/${suffix}/[0-9a-f]{16}$`));
        const distribution = resource(run, T.cdn, "cdn");
        assert.match(str(run, T.cdn, "cdn", "domainName"), /^d[0-9a-f]{13}\.cloudfront\.net$/);
        assert.strictEqual(str(run, T.cdn, "cdn", "hostedZoneId"), "Z2FDTNDATAQYW2");
        assert.strictEqual(str(run, T.cdn, "cdn", "arn"), `arn:aws:cloudfront::${ACCOUNT}:distribution/${String(distribution.id)}`);
        const bucket = str(run, T.bucket, "assets", "bucket");
        assert.strictEqual(str(run, T.bucket, "assets", "bucketRegionalDomainName"), `${bucket}.s3.us-east-1.amazonaws.com`);
        assert.strictEqual(str(run, T.cdn, "cdn", "origins.0.domainName"), `${bucket}.s3.us-east-1.amazonaws.com`);
        assert.match(str(run, T.zone, "example", "zoneId"), /^Z[0-9A-Z]{10,31}$/);
        const servers = out(run, T.zone, "example", "nameServers");
        assert.ok(Array.isArray(servers) && servers.length === 4 && servers.every((s) => /^ns-\d{1,4}\.awsdns-\d{2}\.(com|net|org|co\.uk)$/.test(String(s))), JSON.stringify(servers));
        const option = out(run, T.cert, "www", "domainValidationOptions.0");
        assert.ok(isRecord(option));
        assert.match(String(option.resourceRecordName), /^_[0-9a-f]{32}\.www\.example\.com\.$/);
        assert.strictEqual(option.resourceRecordType, "CNAME");
        assert.match(String(option.resourceRecordValue), /^_[0-9a-f]{32}\.[0-9a-f]{10}\.acm-validations\.aws\.$/);
        assert.strictEqual(out(run, T.cert, "www", "domainValidationOptions.length"), 2, "one option per name: the domain and its alternative name");
        assert.strictEqual(str(run, T.record, "www-validation", "fqdn"), String(option.resourceRecordName).replace(/\.$/, ""));
    });

    it("gives serverless and container resources their invoke ARNs, endpoints, registry URL and OIDC issuer", () => {
        const fnArn = str(run, T.fn, "api", "arn");
        assert.strictEqual(fnArn, `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${str(run, T.fn, "api", "name")}`);
        assert.strictEqual(str(run, T.fn, "api", "invokeArn"), `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fnArn}/invocations`);
        assert.strictEqual(str(run, T.fn, "api", "qualifiedArn"), `${fnArn}:1`, "a published function's qualified ARN names its version");
        const apiId = String(resource(run, T.api, "http").id);
        assert.match(apiId, /^[0-9a-z]{10}$/);
        assert.strictEqual(str(run, T.api, "http", "apiEndpoint"), `https://${apiId}.execute-api.us-east-1.amazonaws.com`);
        assert.strictEqual(str(run, T.api, "http", "executionArn"), `arn:aws:execute-api:us-east-1:${ACCOUNT}:${apiId}`);
        assert.strictEqual(str(run, "aws:lambda/permission:Permission", "api", "sourceArn"), `arn:aws:execute-api:us-east-1:${ACCOUNT}:${apiId}/*/*`);
        assert.strictEqual(str(run, T.repo, "app", "repositoryUrl"), `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${str(run, T.repo, "app", "name")}`);
        assert.match(str(run, T.eks, "main", "endpoint"), /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
        assert.match(Buffer.from(str(run, T.eks, "main", "certificateAuthority.data"), "base64").toString("utf8"), /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=]+\n-----END CERTIFICATE-----\n$/);
        const issuer = str(run, T.eks, "main", "identities.0.oidcs.0.issuer");
        assert.match(issuer, /^https:\/\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
        assert.strictEqual(str(run, T.oidc, "eks", "arn"), `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer.replace("https://", "")}`);
        assert.match(str(run, T.eks, "main", "vpcConfig.clusterSecurityGroupId"), /^sg-[0-9a-f]{17}$/);
        assert.strictEqual(out(run, T.eks, "main", "vpcConfig.subnetIds.length"), 2, "the program's vpcConfig is kept, computed fields added");
        const queueName = str(run, T.queue, "jobs", "name");
        assert.strictEqual(str(run, T.queue, "jobs", "url"), `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/${queueName}`);
        assert.strictEqual(str(run, T.queue, "jobs", "arn"), `arn:aws:sqs:us-east-1:${ACCOUNT}:${queueName}`);
    });

    it("answers data sources: account, region, zones, and the same AMI to getAmi and getAmiOutput", () => {
        assert.strictEqual(run.outputs.callerAccount, ACCOUNT);
        assert.strictEqual(run.outputs.regionName, "US-EAST-1");
        assert.strictEqual(run.outputs.zoneNames, "a,b,c,d,e,f");
        assert.strictEqual(run.outputs.dnsSuffix, "amazonaws.com");
        assert.match(str(run, T.instance, "web", "ami"), /^ami-0[0-9a-f]{16}$/);
        assert.strictEqual(run.outputs.amiId, "ami-");
        assert.strictEqual(str(run, T.subnet, "app-0", "availabilityZone"), "us-east-1a");
    });

    it("keeps what the program set: a CloudFormation templateBody (its outputs read from it), a given input over a computed one", () => {
        const body = str(run, T.stack, "legacy", "templateBody");
        assert.deepStrictEqual(Object.keys(JSON.parse(body) as object), ["Resources", "Outputs"]);
        assert.deepStrictEqual(run.outputs.template, ["Resources", "Outputs"]);
        assert.deepStrictEqual(run.outputs.templateOutputs, ["TopicArn"]);
        assert.match(str(run, T.stack, "legacy", "id"), new RegExp(`^arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/legacy-[0-9a-f]{7}/[0-9a-f-]{36}$`));
        assert.strictEqual(out(run, T.vpc, "main", "enableDnsHostnames"), true, "the program's enableDnsHostnames, not the default");
    });

    it("leaves every provider-computed output unknown in preview", async () => {
        const preview = await runProgram({ program: PROGRAM, preview: true });
        for (const [type, name, output] of [[T.vpc, "main", "ipv6CidrBlock"], [T.db, "db", "endpoint"], [T.lb, "web", "dnsName"], [T.eks, "main", "identities"], [T.key, "data", "arn"]] as const) {
            assert.strictEqual(out(preview, type, name, output), undefined, `${type} ${name}.${output} in preview`);
        }
        assert.strictEqual(resource(preview, T.vpc, "main").id, undefined);
        assert.strictEqual(preview.outputs.vpcIpv6Block, undefined);
    });
});

describe("harness: the computed-outputs table", () => {
    const sample = (type: string, region: string) => ({ type, name: "sample-1a2b3c4", inputs: {}, region, account: ACCOUNT });

    it("gives every type in it an id and well-formed ARNs in the region asked for, the same every time", () => {
        for (const type of Object.keys(COMPUTED_OUTPUTS)) {
            const invoke = /^get/.test(type.split(":")[2] ?? "");
            const outputs = invoke ? invokeOutputs(sample(type, "eu-west-1")) : resourceOutputs(sample(type, "eu-west-1")).outputs;
            assert.strictEqual(typeof outputs.id, "string", `${type}: id`);
            assert.notStrictEqual(outputs.id, "", `${type}: id`);
            for (const arn of arnsIn(outputs)) assertArn(arn, "eu-west-1", type);
            const again = invoke ? invokeOutputs(sample(type, "eu-west-1")) : resourceOutputs(sample(type, "eu-west-1")).outputs;
            assert.deepStrictEqual(again, outputs, `${type}: deterministic`);
        }
    });

    it("never overrides an input, at any level of an object the program gave", () => {
        const { id, outputs } = resourceOutputs({ type: "aws:eks/cluster:Cluster", name: "c", inputs: { endpoint: "https://mine", vpcConfig: { subnetIds: ["subnet-1"], endpointPublicAccess: false } }, region: "us-east-1", account: ACCOUNT });
        assert.strictEqual(id, "c");
        assert.strictEqual(outputs.endpoint, "https://mine");
        assert.ok(isRecord(outputs.vpcConfig));
        assert.deepStrictEqual(outputs.vpcConfig.subnetIds, ["subnet-1"]);
        assert.strictEqual(outputs.vpcConfig.endpointPublicAccess, false);
        assert.match(String(outputs.vpcConfig.clusterSecurityGroupId), /^sg-/);
        const db = resourceOutputs({ type: "aws:rds/instance:Instance", name: "db", inputs: { engine: "mysql", port: 3307 }, region: "us-east-1", account: ACCOUNT }).outputs;
        assert.match(String(db.endpoint), /\.rds\.amazonaws\.com:3307$/, "the endpoint uses the port the program chose");
    });
});

describe("plan CLI: a program that reads computed outputs", function () {
    this.timeout(180_000);

    it("plans it (exit 0 or 1 with a JSON plan), where a missing output used to make it throw", () => {
        const result = spawnPlan(["--program", PROGRAM, "--format", "json"]);
        assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
        assert.doesNotMatch(result.stderr, /TypeError|Cannot read properties/);
        const doc = JSON.parse(result.stdout) as PlanDocument;
        assert.ok(doc.resources.some((r) => r.type === "aws:ec2/subnet:Subnet"));
        assert.ok(doc.resources.length > 40, `resources planned: ${doc.resources.length}`);
    });
});
