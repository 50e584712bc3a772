/**
 * Variants of a pack that split its time (`--floor`): its resource policies alone, its server floor (what the server
 * spends handing a whole-stack graph its input), and its own share (its stack policies timed on views already
 * materialized). Each keeps the pack's resource policies as they are.
 */
import type { Policies, PolicyResource } from "@pulumi/policy";
import { performance } from "perf_hooks";
import type { PolicyPackDefinition } from "../harness";
import { rawProps } from "../policies/lib/convert";

/** What the reads below saw, kept so that they cannot be optimized away. */
let touched = 0;

/** Reads every resource's properties and property dependencies, as a whole-stack graph does. */
function materializeAll(resources: readonly PolicyResource[]): void {
    for (const r of resources) {
        touched += Object.keys(rawProps(r.props)).length;
        const deps = r.propertyDependencies;
        for (const key of Object.keys(deps)) touched += deps[key].length;
    }
    if (touched < 0) throw new Error("unreachable: keeps the reads from being optimized away");
}

/**
 * `pack` without its stack policies: every resource policy as it is (a policy that validates both keeps its resource
 * half), and an `AnalyzeStack` that runs nothing. How this grows from 10k to 100k resources is what the `Analyze`
 * phase and the harness alone cost at each size, before any whole-stack work: the reference line under the server floor.
 */
export function resourcePoliciesVariant(pack: PolicyPackDefinition): PolicyPackDefinition {
    const policies = pack.policies.flatMap((policy) => {
        if (!("validateStack" in policy)) {
            return [policy];
        }
        if (!("validateResource" in policy)) {
            return [];
        }
        const { validateStack: _dropped, ...rest } = policy as Policies[number] & { validateStack?: unknown };
        void _dropped;
        return [rest as Policies[number]];
    });
    return { ...pack, name: `${pack.name}-resource-policies`, policies };
}

/**
 * The server's floor for a graph pack: `pack` with its resource policies as they are and, instead of its stack
 * policies, one that only makes the server materialize what a whole-stack graph reads — every resource's properties
 * and property dependencies — and computes nothing. In-process, the harness (the server's stand-in) deserializes
 * lazily, so this is the most a graph can make it do; the real server does it all up front. Its `AnalyzeStack` is
 * what any graph pack pays before its first rule, and how that grows from 10k to 100k resources is not the pack's.
 */
export function materializingVariant(pack: PolicyPackDefinition): PolicyPackDefinition {
    const materialize: Policies[number] = {
        name: "materialize-everything",
        description: "Reads every resource's properties and property dependencies; reports nothing.",
        enforcementLevel: "advisory",
        validateStack: (args) => materializeAll(args.resources),
    };
    return { ...pack, name: `${pack.name}-floor`, policies: [...resourcePoliciesVariant(pack).policies, materialize] };
}

/**
 * The pack's own share of `AnalyzeStack`: `pack` unchanged, except that when a stack policy first reads
 * `resources`, every resource is materialized (as `materializingVariant` does: the server's part) off the clock,
 * and `onOwn` is told the rest of the policy's time (ms, until its promise settles). Same findings as `pack`; only
 * the clock differs.
 */
export function ownShareVariant(pack: PolicyPackDefinition, onOwn: (ms: number) => void): PolicyPackDefinition {
    const policies = pack.policies.map((policy) => {
        if (!("validateStack" in policy) || typeof policy.validateStack !== "function") {
            return policy;
        }
        const inner = policy.validateStack;
        const validateStack: typeof inner = async (args, report) => {
            let offClock = 0;
            let views: PolicyResource[] | undefined;
            const materialized = () => {
                if (!views) {
                    const started = performance.now();
                    views = args.resources;
                    materializeAll(views);
                    offClock += performance.now() - started;
                }
                return views;
            };
            const timedArgs: typeof args = Object.create(args, { resources: { get: materialized, enumerable: true } });
            const started = performance.now();
            try {
                await inner(timedArgs, report);
            } finally {
                onOwn(performance.now() - started - offClock);
            }
        };
        return { ...policy, validateStack } as Policies[number];
    });
    return { ...pack, policies };
}
