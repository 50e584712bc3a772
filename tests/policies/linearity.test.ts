/**
 * Every graph rule does work in proportion to the stack. The benchmark times this (docs/benchmarks.md), but time is
 * noisy and its stacks hold only the hero's types; here a rule that loops over one type inside a loop over another
 * (O(N²)) is caught deterministically: by counting how often it reads a resource, on wide synthetic stacks (every
 * type the graph rules read) of 1× and 4× the size, in both engine modes.
 */
import * as assert from "assert";
import { generateStack, type Mode } from "../../fixtures/synthetic-stack";
import { toStackResources } from "../../harness/stack-view";
import type { StackResource } from "../../model/resource";
import { finding, type RuleFinding, type StackRule } from "../../policies/lib/rule";
import { rules } from "../../policies/pack";
import { check } from "./helpers";

const SMALL = 1_100;
const GROWTH = 4;
/** Allowed excess over proportional growth: 5 % (linear rules grow by 4.00 ± 0.01; an O(N²) one by 4× more). */
const SLACK = 1.05;

/** How many times `rule` reads a resource (any field of it) when checking `resources`. */
function readsOf(rule: StackRule, resources: StackResource[]): number {
    let reads = 0;
    const handler: ProxyHandler<StackResource> = {
        get(target, key, receiver) {
            reads++;
            return Reflect.get(target, key, receiver) as unknown;
        },
    };
    check(
        rule,
        resources.map((r) => new Proxy(r, handler)),
    );
    return reads;
}

/** The wide stacks of both sizes, as the graph sees them, built once per mode. */
const stacks = new Map<Mode, { small: StackResource[]; big: StackResource[] }>();
function stacksOf(mode: Mode): { small: StackResource[]; big: StackResource[] } {
    let built = stacks.get(mode);
    if (!built) {
        const of = (resources: number) => toStackResources(generateStack({ resources, mode, wide: true }).run);
        built = { small: of(SMALL), big: of(SMALL * GROWTH) };
        stacks.set(mode, built);
    }
    return built;
}

const stackRules = rules.filter((r): r is StackRule => r.kind === "stack");

describe("graph rules: work proportional to the stack (reads counted, wide stacks)", function () {
    this.timeout(60_000);
    for (const mode of ["preview", "update"] as Mode[]) {
        describe(mode, () => {
            for (const rule of stackRules) {
                it(`${rule.name}: ${GROWTH}× the resources, at most ${GROWTH * SLACK}× the reads`, () => {
                    const { small, big } = stacksOf(mode);
                    const a = readsOf(rule, small);
                    const b = readsOf(rule, big);
                    assert.ok(a > 0, `${rule.name} read nothing of ${small.length} resources`);
                    assert.ok(b / a <= GROWTH * SLACK, `${rule.name}: ${a} reads on ${small.length} resources, ${b} on ${big.length} (${(b / a).toFixed(2)}×)`);
                });
            }
        });
    }

    it("catches a rule that compares every subnet with every other (the check can fail)", () => {
        const naive: StackRule = {
            ...stackRules[0],
            name: "duplicate-subnet-names",
            check(ctx) {
                const out: RuleFinding[] = [];
                const subnets = ctx.graph.ofType("aws:ec2/subnet:Subnet");
                for (const a of subnets) for (const b of subnets) if (a !== b && a.name === b.name) out.push(finding(a, `${a.name} is not unique`));
                return out;
            },
        };
        const { small, big } = stacksOf("preview");
        const growth = readsOf(naive, big) / readsOf(naive, small);
        assert.ok(growth > GROWTH * SLACK * 2, `a quadratic rule grew only ${growth.toFixed(2)}×`);
    });
});
