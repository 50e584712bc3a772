/** Small builders for policy unit tests on `StackResource` fixtures. */
import { Graph } from "../../model/graph";
import type { StackResource } from "../../model/resource";
import type { Rule, RuleContext, RuleFinding } from "../../policies/lib/rule";
import { resolveSettings } from "../../policies/lib/settings";
import { stageOf } from "../../policies/lib/stage";
import { UNKNOWN_STRING } from "../../model/wire";

export const U = UNKNOWN_STRING;

export function res(type: string, name: string, props: Record<string, unknown> = {}, extra: Partial<StackResource> = {}): StackResource {
    return { urn: `urn:pulumi:dev::fx::${type}::${name}`, type, name, props, dependencies: [], propertyDependencies: {}, protect: false, ...extra };
}

/** Runs a rule's check directly (defaults of its options applied): only `config` applies. */
export function check(rule: Rule, resources: StackResource[], config: Record<string, unknown> = {}): RuleFinding[] {
    const graph = new Graph(resources);
    const settings = resolveSettings(config);
    const options: Record<string, unknown> = {};
    for (const [k, schema] of Object.entries(rule.options ?? {})) options[k] = config[k] ?? schema.default;
    const ctx: RuleContext = { graph, settings, options, stage: (r) => stageOf(r, settings, graph) };
    return rule.kind === "resource" ? resources.filter((r) => rule.types.includes(r.type)).flatMap((r) => rule.check(r, ctx)) : rule.check(ctx);
}

export const violations = (f: RuleFinding[]) => f.filter((x) => (x.status ?? "violation") === "violation");
export const unknowns = (f: RuleFinding[]) => f.filter((x) => x.status === "notEvaluated");
