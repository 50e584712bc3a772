/** The graph questions pricers ask: which resources point at one (`referencing`) and what one points at (`resolve`). */
import { strict as assert } from "assert";
import { Graph } from "../../model/graph";
import { UNKNOWN_STRING } from "../../model/wire";
import { stack } from "./fixtures";

const V1 = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const V2 = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
const BUCKET = "aws:s3/bucketV2:BucketV2";
const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

const names = (resources: readonly { name: string }[]): string[] => resources.map((r) => r.name);

describe("cost: the resource graph's reference questions", () => {
    it("referencing: by dependency or by a known value of the target's keys, in declaration order across types, each once", () => {
        const resources = stack(
            { type: BUCKET, name: "logs", props: { bucket: "logs-1234", id: "logs-1234" } },
            { type: V2, name: "by-name", props: { bucket: "logs-1234" } },
            { type: V1, name: "by-dep", props: { bucket: UNKNOWN_STRING }, deps: { bucket: ["logs"] } },
            { type: V2, name: "both", props: { bucket: "logs-1234" }, deps: { bucket: ["logs", "logs"] } },
            { type: V2, name: "other", props: { bucket: "other-bucket" } },
            { type: "aws:s3/bucketPolicy:BucketPolicy", name: "policy", props: { bucket: "logs-1234" }, deps: { bucket: ["logs"] } },
        );
        const graph = new Graph(resources);
        assert.deepEqual(names(graph.referencing(resources[0], [V1, V2], { bucket: ["bucket", "id"] })), ["by-name", "by-dep", "both"]);
        assert.deepEqual(names(graph.referencing(resources[0], [V2, V1], "bucket")), ["by-dep", "both"], "a plain property follows dependencies only");
        assert.deepEqual(names(graph.referencing(resources[0], [V1, V2], { bucket: ["arn"] })), ["by-dep", "both"], "a key the target lacks matches no value");
    });

    it("referencing: several properties at once (a flow log into a group by ARN or by name)", () => {
        const FLOW = "aws:ec2/flowLog:FlowLog";
        const resources = stack(
            { type: "aws:cloudwatch/logGroup:LogGroup", name: "group", props: { name: "vpc-flow", arn: "arn:aws:logs:us-east-1:1:log-group:vpc-flow" } },
            { type: FLOW, name: "by-arn", props: { logDestination: "arn:aws:logs:us-east-1:1:log-group:vpc-flow" } },
            { type: FLOW, name: "by-arn-in-name", props: { logGroupName: "arn:aws:logs:us-east-1:1:log-group:vpc-flow" } },
            { type: FLOW, name: "by-name", props: { logGroupName: "vpc-flow" } },
        );
        const graph = new Graph(resources);
        assert.deepEqual(names(graph.referencing(resources[0], [FLOW], { logDestination: ["arn"], logGroupName: ["name"] })), ["by-arn", "by-name"]);
    });

    it("resolve: the dependency first, else the first declared candidate whose keys hold the known value", () => {
        const resources = stack(
            { type: CLUSTER, name: "by-arn", props: { arn: "main", clusterIdentifier: "other" } },
            { type: CLUSTER, name: "by-identifier", props: { clusterIdentifier: "main" } },
            { type: CLUSTER, name: "by-id", props: { id: "main" } },
            { type: CLUSTER, name: "linked", props: { clusterIdentifier: UNKNOWN_STRING } },
            { type: INSTANCE, name: "named", props: { clusterIdentifier: "main" } },
            { type: INSTANCE, name: "wired", props: { clusterIdentifier: "main" }, deps: { clusterIdentifier: ["linked"] } },
            { type: INSTANCE, name: "preview", props: { clusterIdentifier: UNKNOWN_STRING } },
        );
        const graph = new Graph(resources);
        const resolve = (i: number, keys?: string[]) => graph.resolve(resources[i], "clusterIdentifier", [CLUSTER], keys)?.name;
        assert.equal(resolve(4, ["clusterIdentifier", "id"]), "by-identifier", "only the keys identify: the ARN match does not count");
        assert.equal(resolve(4), "by-arn", "by default id, arn and name identify");
        assert.equal(resolve(5, ["clusterIdentifier", "id"]), "linked", "the dependency wins over an earlier value match");
        assert.equal(resolve(6), undefined, "an unknown value matches nothing");
        assert.equal(graph.resolve(resources[4], "clusterIdentifier", [INSTANCE], ["clusterIdentifier"])?.name, "named", "only resources of the types asked");
    });
});
