/**
 * The graph over one AnalyzeStack call (`fromPolicyResources`, `Graph`): CrossGuard's resources are converted field
 * by field when a rule first reads them, identifiers are indexed per type when that type is first looked up, and
 * dependencies are followed through the objects CrossGuard resolved them to.
 */
import { strict as assert } from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { Graph } from "../../model/graph";
import { fromPolicyResources } from "../../policies/lib/convert";

const SUBNET = "aws:ec2/subnet:Subnet";
const ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const QUEUE = "aws:sqs/queue:Queue";
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

interface Reads {
    props: number;
    dependencies: number;
    propertyDependencies: number;
    provider: number;
}

/** A CrossGuard resource as the server builds it, counting reads of the fields that cost the server work. */
function counted(type: string, name: string, props: Record<string, unknown>, propertyDependencies: Record<string, PolicyResource[]> = {}): { resource: PolicyResource; reads: Reads } {
    const reads: Reads = { props: 0, dependencies: 0, propertyDependencies: 0, provider: 0 };
    const resource = {
        urn: `urn:pulumi:dev::fx::${type}::${name}`,
        type,
        name,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        isType: () => false,
        asType: () => undefined,
        get props() {
            reads.props++;
            return props;
        },
        get dependencies() {
            reads.dependencies++;
            return Object.values(propertyDependencies).flat();
        },
        get propertyDependencies() {
            reads.propertyDependencies++;
            return propertyDependencies;
        },
        get provider() {
            reads.provider++;
            return undefined;
        },
    } as unknown as PolicyResource;
    return { resource, reads };
}

describe("the graph over an AnalyzeStack call", () => {
    it("reads no resource's properties, dependencies or provider until a rule asks, and each at most once", () => {
        const subnet = counted(SUBNET, "private-a", { id: "subnet-1" });
        const queue = counted(QUEUE, "jobs", { name: "jobs" });
        const { resources, links } = fromPolicyResources([subnet.resource, queue.resource]);
        const graph = new Graph(resources, links);
        assert.deepEqual(graph.ofType(QUEUE).map((r) => r.name), ["jobs"]);
        assert.equal(graph.get(subnet.resource.urn)?.name, "private-a");
        assert.deepEqual(subnet.reads, { props: 0, dependencies: 0, propertyDependencies: 0, provider: 0 });
        assert.deepEqual(queue.reads, { props: 0, dependencies: 0, propertyDependencies: 0, provider: 0 });

        const [q] = graph.ofType(QUEUE);
        assert.equal(q.props.name, "jobs");
        assert.equal(q.props.name, "jobs");
        assert.equal(q.providerProps, undefined);
        assert.equal(q.providerProps, undefined);
        assert.deepEqual(q.dependencies, []);
        assert.deepEqual(queue.reads, { props: 1, dependencies: 1, propertyDependencies: 0, provider: 1 });
    });

    it("indexes identifiers only for the types a lookup asks for", () => {
        const subnet = counted(SUBNET, "private-a", { id: "subnet-1" });
        const queue = counted(QUEUE, "jobs", { name: "jobs" });
        const { resources, links } = fromPolicyResources([subnet.resource, queue.resource]);
        const graph = new Graph(resources, links);
        assert.deepEqual(graph.lookup("subnet-1", [SUBNET]).map((r) => r.name), ["private-a"]);
        assert.deepEqual(graph.lookup("jobs", [SUBNET]), []);
        assert.equal(queue.reads.props, 0);
        assert.deepEqual(graph.lookup("jobs", [QUEUE, QUEUE]).map((r) => r.name), ["jobs"]);
        assert.equal(queue.reads.props, 1);
    });

    it("follows an unknown reference through the dependency objects CrossGuard resolved, to the graph's own resources", () => {
        const subnet = counted(SUBNET, "private-a", { id: UNKNOWN_STRING });
        const association = counted(ASSOCIATION, "private-a-assoc", { subnetId: UNKNOWN_STRING }, { subnetId: [subnet.resource] });
        const { resources, links } = fromPolicyResources([subnet.resource, association.resource]);
        const graph = new Graph(resources, links);
        const [assoc] = graph.ofType(ASSOCIATION);
        const ref = graph.ref(assoc, "subnetId", [SUBNET]);
        assert.equal(ref.unknown, false);
        assert.equal(ref.targets.length, 1);
        assert.equal(ref.targets[0], graph.ofType(SUBNET)[0], "the graph's resource, not a copy");
        assert.deepEqual(graph.linked(assoc, "subnetId"), [graph.ofType(SUBNET)[0]]);
        assert.deepEqual(graph.linked(assoc, "routeTableId"), []);
        assert.deepEqual(assoc.propertyDependencies, { subnetId: [subnet.resource.urn] }, "URNs stay available to readers that want them");
    });

    it("follows the objects, not their URNs: a look-alike outside the call is not linked to the resource of that URN", () => {
        const subnet = counted(SUBNET, "private-a", { id: UNKNOWN_STRING });
        const lookAlike = counted(SUBNET, "private-a", { id: UNKNOWN_STRING });
        const association = counted(ASSOCIATION, "assoc", { subnetId: UNKNOWN_STRING }, { subnetId: [lookAlike.resource] });
        const { resources, links } = fromPolicyResources([subnet.resource, association.resource]);
        const graph = new Graph(resources, links);
        const [assoc] = graph.ofType(ASSOCIATION);
        assert.equal(lookAlike.resource.urn, subnet.resource.urn);
        assert.deepEqual(graph.linked(assoc, "subnetId"), []);
        assert.equal(graph.ref(assoc, "subnetId", [SUBNET]).unknown, true);
        assert.equal(subnet.reads.props, 0);
    });

    it("follows dependencies of frozen resource objects, and drops a dependency on an object outside the call", () => {
        const subnet = counted(SUBNET, "private-a", { id: UNKNOWN_STRING });
        const outsider = counted(SUBNET, "elsewhere", { id: UNKNOWN_STRING });
        const association = counted(ASSOCIATION, "assoc", { subnetId: UNKNOWN_STRING }, { subnetId: [outsider.resource, subnet.resource] });
        const { resources, links } = fromPolicyResources([Object.freeze(subnet.resource), Object.freeze(association.resource)]);
        const graph = new Graph(resources, links);
        const [assoc] = graph.ofType(ASSOCIATION);
        assert.deepEqual(graph.linked(assoc, "subnetId").map((r) => r.name), ["private-a"]);
        assert.equal(graph.ref(assoc, "subnetId", [SUBNET]).targets[0]?.name, "private-a");
    });

    it("a graph of plain StackResources (plan, tests) follows dependencies by URN", () => {
        const subnet = { urn: "urn:pulumi:dev::fx::aws:ec2/subnet:Subnet::a", type: SUBNET, name: "a", props: { id: UNKNOWN_STRING }, dependencies: [], propertyDependencies: {}, protect: false };
        const assoc = { urn: "urn:pulumi:dev::fx::aws:ec2/routeTableAssociation:RouteTableAssociation::x", type: ASSOCIATION, name: "x", props: { subnetId: UNKNOWN_STRING }, dependencies: [subnet.urn], propertyDependencies: { subnetId: [subnet.urn, "urn:pulumi:dev::fx::aws:ec2/subnet:Subnet::gone"] }, protect: false };
        const graph = new Graph([subnet, assoc]);
        assert.deepEqual(graph.linked(assoc, "subnetId"), [subnet]);
        assert.deepEqual(graph.ref(assoc, "subnetId", [SUBNET]).targets, [subnet]);
    });
});
