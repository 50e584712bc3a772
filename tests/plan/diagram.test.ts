import * as assert from "assert";
import { drawDiagram, MAX_NODES } from "../../plan/diagram";
import type { PlanResource } from "../../plan/document";

function resource(name: string, type: string, parent: string | null, dependencies: string[] = [], custom = true): PlanResource {
    return { urn: `urn:pulumi:dev::p::${type}::${name}`, type, name, parent, protect: false, retainOnDelete: false, aliases: [], source: null, custom, remote: false, dependencies };
}

describe("plan: the mermaid diagram", () => {
    const network = resource("net", "runway:network:Network", null, [], false);
    const vpc = resource("vpc", "aws:ec2/vpc:Vpc", network.urn);
    const subnets = [1, 2, 3, 4, 5, 6].map((i) => resource(`subnet-${i}`, "aws:ec2/subnet:Subnet", network.urn, [vpc.urn]));
    const db = resource("db", "aws:rds/instance:Instance", null, [subnets[0].urn]);

    it("folds repeated resources, draws a subgraph per component and edges from real dependencies", () => {
        const text = drawDiagram([network, vpc, ...subnets, db]);
        assert.match(text, /^flowchart LR/);
        assert.match(text, /subgraph c1\["Network: net"\]/);
        assert.match(text, /\["Subnet ×6"\]/);
        const ids = Object.fromEntries([...text.matchAll(/(n\d+)\["([^"<]+)/g)].map((m) => [m[2].trim(), m[1]]));
        assert.ok(text.includes(`${ids.Vpc} --> ${ids["Subnet ×6"]}`));
        assert.ok(text.includes(`${ids["Subnet ×6"]} --> ${ids.Instance}`));
        assert.strictEqual(text.match(/-->/g)?.length, 2, "edges are deduplicated between folded nodes");
    });

    it(`stays under ${MAX_NODES} nodes for a large stack by folding coarser`, () => {
        const many: PlanResource[] = [];
        for (let c = 0; c < 12; c++) {
            const component = resource(`c${c}`, "runway:x:Component", null, [], false);
            many.push(component);
            for (let t = 0; t < 8; t++) many.push(resource(`r${c}-${t}`, `aws:svc${t % 3}/thing${t}:Thing${t}`, component.urn));
        }
        const nodes = drawDiagram(many).match(/^\s+n\d+\[/gm) ?? [];
        assert.ok(nodes.length <= MAX_NODES, `${nodes.length} nodes`);
        assert.ok(nodes.length >= 12);
    });

    it("shows a remote component as a node marked not checked", () => {
        const remote: PlanResource = { ...resource("vpc", "awsx:ec2:Vpc", null, [], false), remote: true };
        assert.match(drawDiagram([remote]), /Vpc \(remote: not checked\)/);
    });
});
