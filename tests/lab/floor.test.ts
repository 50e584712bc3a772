/**
 * The server floor (`materializingVariant`: the pack's resource policies, and a stack policy that only reads) and the
 * pack's own share (`ownShareVariant`: the pack, its stack policies timed apart), and the pack's resource policies alone
 * (`resourcePoliciesVariant`), lab/pack-variants.ts.
 */
import { strict as assert } from "assert";
import { evaluatePack } from "../../harness";
import { generateStack } from "../../fixtures/synthetic-stack";
import { materializingVariant, ownShareVariant, resourcePoliciesVariant } from "../../lab/pack-variants";
import { loadRunwayPack, RUNWAY_CONFIG } from "../../lab/packs";

describe("lab: the server floor of a graph pack", () => {
    const pack = loadRunwayPack();
    const floor = materializingVariant(pack);

    it("keeps every resource policy, drops every stack validation, and adds one stack policy that reports nothing", () => {
        const names = (p: typeof pack, key: "validateResource" | "validateStack") => p.policies.filter((x) => key in x).map((x) => x.name);
        assert.deepEqual(names(floor, "validateResource"), names(pack, "validateResource"));
        assert.deepEqual(names(floor, "validateStack"), ["materialize-everything"]);
        assert.ok(names(pack, "validateStack").includes("runway-graph"));
    });

    it("reads every resource's properties and property dependencies once, reports nothing itself, and the graph's findings go with the graph", async () => {
        const stack = generateStack({ resources: 1000, mode: "preview" });
        const read = { props: 0, deps: 0 };
        // Count the reads on the views the harness hands the stack policy.
        const counting = {
            ...floor,
            policies: floor.policies.map((p) => {
                if (p.name !== "materialize-everything" || !("validateStack" in p)) return p;
                const inner = p.validateStack;
                return {
                    ...p,
                    validateStack: (args: Parameters<typeof inner>[0], report: Parameters<typeof inner>[1]) => {
                        const resources = args.resources.map((r) => {
                            const view = Object.create(r) as typeof r;
                            Object.defineProperty(view, "props", { get: () => (read.props++, r.props) });
                            Object.defineProperty(view, "propertyDependencies", { get: () => (read.deps++, r.propertyDependencies) });
                            return view;
                        });
                        return inner({ ...args, resources }, report);
                    },
                };
            }),
        } as typeof floor;
        const diagnostics = await evaluatePack(stack.run, counting, { config: RUNWAY_CONFIG });
        assert.equal(read.props, 1000);
        assert.equal(read.deps, 1000);
        assert.ok(diagnostics.every((d) => d.policyName !== "materialize-everything" && d.policyName !== "runway-graph"));
        const whole = await evaluatePack(stack.run, pack, { config: RUNWAY_CONFIG });
        assert.ok(whole.some((d) => d.policyName === "runway-graph"), "the whole pack's graph reports what the floor does not look for");
    });

    it("keeps the resource policies alone: no stack validation, and exactly the pack's findings from Analyze", async () => {
        const alone = resourcePoliciesVariant(pack);
        assert.ok(alone.policies.every((p) => !("validateStack" in p)));
        assert.deepEqual(
            alone.policies.map((p) => p.name),
            pack.policies.filter((p) => "validateResource" in p).map((p) => p.name),
        );
        const stack = generateStack({ resources: 1000, mode: "update" });
        const stackPolicies = new Set(pack.policies.filter((p) => "validateStack" in p && !("validateResource" in p)).map((p) => p.name));
        const found = await evaluatePack(stack.run, alone, { config: RUNWAY_CONFIG });
        const whole = await evaluatePack(stack.run, pack, { config: RUNWAY_CONFIG });
        assert.ok(found.length > 0, "the resource policies still report (planted world-open SG rules, unencrypted RDS…)");
        // Every finding of the resource policies alone is one the whole pack reports for the same resource.
        const key = (d: (typeof found)[number]) => `${d.policyName}|${d.urn ?? ""}`;
        const wholeKeys = new Set(whole.map(key));
        assert.deepEqual(found.filter((d) => !wholeKeys.has(key(d))).map(key), []);
        assert.ok(whole.some((d) => stackPolicies.has(d.policyName)), "the whole pack's stack policies report what the variant does not run");
    });

    it("times the pack's own share without changing what the pack reports", async () => {
        const stack = generateStack({ resources: 1000, mode: "preview" });
        const own: number[] = [];
        const timed = ownShareVariant(pack, (ms) => own.push(ms));
        const summary = (ds: Awaited<ReturnType<typeof evaluatePack>>) => ds.map((d) => `${d.policyName}|${d.enforcementLevel}|${d.urn ?? ""}|${d.message}`).sort();
        const plain = await evaluatePack(stack.run, pack, { config: RUNWAY_CONFIG });
        const measured = await evaluatePack(stack.run, timed, { config: RUNWAY_CONFIG });
        assert.deepEqual(summary(measured), summary(plain));
        assert.ok(plain.some((d) => d.policyName === "runway-graph"));
        const stackPolicies = pack.policies.filter((p) => "validateStack" in p).length;
        assert.equal(own.length, stackPolicies, "one figure per stack policy per AnalyzeStack");
        assert.ok(own.every((ms) => Number.isFinite(ms) && ms >= 0));
    });
});
