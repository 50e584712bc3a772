/**
 * Rules → CrossGuard policies: `createPolicies(rules)` is the whole pack.
 *
 * Each resource rule is its own resource policy (its level is the policy's, set by pack config); every graph rule
 * runs inside the one stack policy `runway-graph`. Around them, the companions of `companions.ts`: CrossGuard gives
 * each policy ONE enforcement level, so findings that must be advisory whatever the policy's level are left in the
 * pack's ledgers (`disposition.ts`) and reported by `runway-waivers` and `runway-advisory`, last in the list.
 * Everything the policies share lives in one `PackScope` per call of `createPolicies`; a rule's work on a request is
 * a function of that request (its resource or its resources, and its config) and of the pack-wide settings.
 * Properties are read raw (never through CrossGuard's unknown proxy).
 */
import type { Policies, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type { Finding } from "../../model/finding";
import { Graph } from "../../model/graph";
import type { StackResource } from "../../model/resource";
import { ADVISORY_POLICY, advisoryPolicy, settingsPolicy, waiversPolicy } from "./companions";
import { fromPolicyResources, fromValidationArgs } from "./convert";
import { dispatch, guarded, internalError } from "./disposition";
import { STACK_REQUEST } from "./ledger";
import { newPackScope, type PackScope } from "./pack-scope";
import { reportFinding } from "./report";
import type { ResourceRule, Rule, RuleContext, RuleMeta, StackRule } from "./rule";
import { asConfig, configSchemaOf, graphRuleEntry, graphRuleSchema, ruleConfig, type RuleConfig } from "./rule-config";
import { SETTINGS_SCHEMA } from "./settings";
import { stageOf } from "./stage";

export { ADVISORY_POLICY, SETTINGS_POLICY, WAIVERS_POLICY } from "./companions";
export { GRAPH_RULE_LEVELS } from "./rule-config";

export const GRAPH_POLICY = "runway-graph";

function context({ settings, options }: RuleConfig, graph: Graph): RuleContext {
    return { graph, settings, options, stage: (r) => stageOf(r, settings, graph) };
}

function metadata(rule: RuleMeta, configSchema: { properties: Record<string, PolicyConfigJSONSchema> }) {
    const labels = rule.frameworks.map((f) => [f.name, f.version, f.control].filter((part) => part !== undefined).join(" "));
    const first = rule.frameworks[0];
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel,
        severity: rule.severity,
        remediationSteps: rule.remediationSteps,
        tags: ["aws", rule.topic, ...labels],
        framework: first === undefined ? undefined : { name: first.name, version: first.version ?? "", reference: first.control, specification: labels.join(", ") },
        configSchema,
    };
}

/** The graph of one AnalyzeStack call's resources. */
export function stackGraph(resources: Parameters<typeof fromPolicyResources>[0]): Graph {
    const converted = fromPolicyResources(resources);
    return new Graph(converted.resources, converted.links);
}

function stackResourceOf(g: Graph): StackResource | undefined {
    return g.ofType("pulumi:pulumi:Stack")[0];
}

/** Attaches a Pulumi type to a validation so the server skips other resources without deserializing them. */
function typed<T extends object>(fn: T, types: readonly string[]): T {
    return types.length === 1 ? Object.assign(fn, { __pulumiType: types[0] }) : fn;
}

/** A resource rule as its own CrossGuard resource policy (its level is the policy's, set by pack config). */
function toPolicy(rule: ResourceRule, scope: PackScope): ResourceValidationPolicy {
    const types = new Set(rule.types);
    const configOf = ruleConfig(rule, scope.settings);
    // Synchronous: a resource of another type costs one set lookup, no promise (the server awaits whatever returns).
    const validate = (args: ResourceValidationArgs, report: ReportViolation): void | Promise<void> => {
        if (!types.has(args.type)) return;
        const urn = String(args.urn);
        return guarded(scope, rule.name, urn, urn, () => {
            const r = fromValidationArgs(args);
            const ctx = context(configOf(args.getConfig<Record<string, unknown>>()), new Graph([r]));
            for (const f of rule.check(r, ctx)) {
                dispatch(scope, rule, f, ctx, urn, (found) => reportFinding(report, found));
            }
        });
    };
    const policy: ResourceValidationPolicy = {
        ...metadata(rule, configSchemaOf(rule)),
        validateResource: typed(validate, rule.types),
    };
    const remediate = rule.remediate;
    if (remediate) {
        const fix = (args: ResourceValidationArgs) => {
            try {
                if (!types.has(args.type)) return undefined;
                const r = fromValidationArgs(args);
                return remediate({ ...r.props }, r);
            } catch {
                return undefined; // no remediation is always safe; validation still reports the finding
            }
        };
        policy.remediateResource = typed(fix, rule.types);
    }
    return policy;
}

/**
 * Every graph (stack) rule in ONE CrossGuard stack policy. The server re-deserializes every resource's properties
 * for every stack policy (~1 s per policy at 100k resources), so one policy instead of one per rule is the lever.
 * The graph is built once per call, here, and dropped with it. Each finding still names its rule; each rule's level
 * comes from `runway-graph`'s config (`"<rule>": "<level>"` or `{ "enforcementLevel": ..., ...options }`):
 * mandatory findings are reported by this policy (level mandatory unless pack config lowers it), advisory ones by
 * `runway-advisory`, disabled rules do not run.
 */
function graphPolicy(stackRules: readonly StackRule[], scope: PackScope): StackValidationPolicy {
    const properties: Record<string, PolicyConfigJSONSchema> = { ...SETTINGS_SCHEMA };
    for (const rule of stackRules) properties[rule.name] = graphRuleSchema(rule, GRAPH_POLICY, ADVISORY_POLICY);
    const rules = stackRules.map((rule) => ({ rule, configOf: ruleConfig(rule, scope.settings) }));
    return {
        name: GRAPH_POLICY,
        description: "Graph rules over the whole stack (public data stores, S3 encryption and public access, autoscaling, world ingress, ECR scanning, resilience, logging); each finding names its rule.",
        enforcementLevel: "mandatory",
        severity: "high",
        tags: ["runway", "graph"],
        configSchema: { properties },
        validateStack: async (args: StackValidationArgs, report: ReportViolation) => {
            const config = asConfig(args.getConfig<Record<string, unknown>>());
            let graph: Graph;
            try {
                graph = stackGraph(args.resources);
            } catch (err) {
                scope.advisory.leave(STACK_REQUEST, internalError(GRAPH_POLICY, undefined, err));
                return;
            }
            const stackResource = stackResourceOf(graph);
            const mandatory = (f: Finding) => reportFinding(report, f);
            const advisory = (f: Finding) => scope.advisory.leave(STACK_REQUEST, f);
            for (const { rule, configOf } of rules) {
                const { level, own } = graphRuleEntry(config, rule);
                if (level === "disabled") continue;
                await guarded(scope, rule.name, STACK_REQUEST, undefined, () => {
                    const ctx = context(configOf(own), graph);
                    for (const f of rule.check(ctx)) {
                        dispatch(scope, rule, { ...f, resource: f.resource ?? stackResource }, ctx, STACK_REQUEST, level === "mandatory" ? mandatory : advisory);
                    }
                });
            }
        },
    };
}

/**
 * The pack's CrossGuard policies, in the order the analyzer must run them: `runway-settings`, one resource policy
 * per resource rule, `runway-graph` (every graph rule), `runway-waivers`, `runway-advisory`. Each call builds a new
 * pack with its own state.
 */
export function createPolicies(rules: readonly Rule[]): Policies {
    const scope = newPackScope(rules);
    const resourceRules = rules.filter((r): r is ResourceRule => r.kind === "resource");
    const graphRules = rules.filter((r): r is StackRule => r.kind === "stack");
    return [settingsPolicy(scope), ...resourceRules.map((rule) => toPolicy(rule, scope)), graphPolicy(graphRules, scope), waiversPolicy(scope), advisoryPolicy(scope)];
}
