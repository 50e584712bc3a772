/**
 * Rules → CrossGuard policies.
 *
 * Every policy's validate is wrapped in a guard: an internal error becomes one advisory message naming the
 * policy, never a crashed preview. Properties are read raw (never through CrossGuard's unknown proxy).
 *
 * CrossGuard gives each policy ONE enforcement level, but some findings must be advisory whatever the policy's
 * level: waived findings, findings that could not be evaluated in preview, findings of a stage-dependent policy
 * outside its mandatory stages, internal errors. Those are queued here and reported, with the originating
 * policy named in the finding marker, by two advisory companion policies at the end of the list:
 * `runway-waivers` (waived findings and waiver problems) and `runway-advisory` (everything else). The analyzer
 * runs policies in list order within one Analyze / AnalyzeStack call, so the companions see what the others
 * queued for the same resource (Analyze) or stack (AnalyzeStack).
 */
import type {
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { Graph } from "../../model/graph";
import { fromPolicyResources, fromValidationArgs, rawProps } from "./convert";
import { decodeDiagnostic, encodeFinding, type Finding } from "./finding-format";
import { countUp, pushTo } from "../../model/multimap";
import type { StackResource } from "../../model/resource";
import type { ResourceRule, RuleContext, RuleFinding, RuleMeta, StackRule } from "./rule";
import { ownOptions, recordPackSettings, resolveSettings, settingsResolver, SETTINGS_SCHEMA, type PackSettings } from "./settings";
import { stageOf } from "./stage";
import { configWaiverIndex, configWaiversOf, isActive, isExpired, isNeverWaivable, parseConfigWaivers, parseWaiverTag, registerWaivablePolicy, WAIVER_TAG, type Waiver } from "./waivers";
import { asRecord, UNKNOWN } from "../../model/values";
import { isRecord } from "../../model/wire";

export const SETTINGS_POLICY = "runway-settings";
export const WAIVERS_POLICY = "runway-waivers";
export const ADVISORY_POLICY = "runway-advisory";

/** A CrossGuard policy that is both a resource and a stack policy (the analyzer runs each part in its phase). */
export type DualPolicy = ResourceValidationPolicy & StackValidationPolicy;

// ---- queues for the companions -------------------------------------------------------------------------

const MAX_QUEUED = 10_000;
type Queue = Map<string, string[]>;
const waivedQueue: Queue = new Map();
const advisoryQueue: Queue = new Map();

/**
 * Queue keys: an Analyze call's messages under its resource's URN (as given: no string is built per call), the
 * AnalyzeStack call's under `STACK_KEY`, which no URN can equal (every URN starts with `urn:`).
 */
const resourceKey = (urn: string) => urn;
const STACK_KEY = "stack";

function enqueue(queue: Queue, key: string, message: string): void {
    if (queue.size > MAX_QUEUED) {
        queue.clear(); // a companion is disabled and nobody drains: do not grow without bound
    }
    pushTo(queue, key, message);
}

const NOTHING_QUEUED: readonly string[] = [];

/** Takes what was queued under `key` (called for every resource by three companions: allocates nothing when empty). */
function drain(queue: Queue, key: string): readonly string[] {
    if (queue.size === 0) {
        return NOTHING_QUEUED;
    }
    const list = queue.get(key);
    if (list === undefined) {
        return NOTHING_QUEUED;
    }
    queue.delete(key);
    return list;
}

// ---- the guard ----------------------------------------------------------------------------------------

function describeError(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
}

function internalError(policy: string, urn: string | undefined, err: unknown): string {
    return encodeFinding({
        policy,
        status: "notEvaluated",
        urn,
        message: `internal error in policy ${policy}; it could not evaluate ${urn ? "this resource" : "this stack"}: ${describeError(err)}`,
        remediation: "Report this to the policy pack owners with the resource's definition; the rest of the pack ran normally.",
    });
}

/**
 * Runs `work`; any error becomes one advisory diagnostic naming the policy. Synchronous work stays synchronous
 * (rules are): a promise is returned only for asynchronous work.
 */
function guarded(policy: string, key: string, urn: string | undefined, work: () => void | Promise<void>): void | Promise<void> {
    try {
        const pending = work();
        if (pending) {
            return pending.catch((err: unknown) => reportInternalError(policy, key, urn, err));
        }
    } catch (err) {
        reportInternalError(policy, key, urn, err);
    }
}

/** Queues one advisory message naming the policy that failed (no closure is built for work that succeeds). */
function reportInternalError(policy: string, key: string, urn: string | undefined, err: unknown): void {
    enqueue(advisoryQueue, key, internalError(policy, urn, err));
}

// ---- waivers ------------------------------------------------------------------------------------------

interface WaiverVerdict {
    active?: Waiver;
    expired?: Waiver;
}

function waiverFor(policy: string, r: StackResource | undefined, settings: PackSettings): WaiverVerdict {
    if (!r || isNeverWaivable(policy)) {
        return {};
    }
    const candidates: Waiver[] = [];
    const tags = asRecord(r.props.tags);
    if (tags !== UNKNOWN && tags !== undefined && tags[WAIVER_TAG] !== undefined) {
        candidates.push(...parseWaiverTag(tags[WAIVER_TAG], settings.now).waivers);
    }
    candidates.push(...configWaiversOf(configWaiverIndex(settings.waivers, settings.now), r.urn, r.name));
    const mine = candidates.filter((w) => w.policy === policy);
    const active = mine.find((w) => isActive(w, settings.now));
    return active ? { active } : { expired: mine.find((w) => isExpired(w, settings.now)) };
}

// ---- dispatch -----------------------------------------------------------------------------------------

function dispatch(rule: RuleMeta, f: RuleFinding, ctx: RuleContext, key: string, report: ReportViolation): void {
    const r = f.resource;
    const base: Finding = {
        policy: rule.name,
        status: f.status ?? "violation",
        urn: r?.urn,
        message: f.message,
        remediation: f.remediation ?? rule.remediationSteps,
        severity: rule.severity,
        property: f.property,
        path: f.path,
    };
    if (base.status === "notEvaluated") {
        if (ctx.settings.strictUnknowns) {
            report(encodeFinding({ ...base, message: `${base.message} (strictUnknowns: reported at the policy's level)` }), r?.urn);
        } else {
            enqueue(advisoryQueue, key, encodeFinding(base));
        }
        return;
    }
    const waiver = waiverFor(rule.name, r, ctx.settings);
    if (waiver.active) {
        const { reason, expires, owner } = waiver.active;
        enqueue(waivedQueue, key, encodeFinding({ ...base, status: "waived", waiver: { reason, expires, owner } }));
        return;
    }
    if (waiver.expired) {
        base.message = `${base.message} (a waiver for this existed but expired on ${waiver.expired.expires}; it no longer applies)`;
    }
    const stage = ctx.stage(r);
    if (rule.mandatoryIn && !rule.mandatoryIn.includes(stage)) {
        enqueue(advisoryQueue, key, encodeFinding({ ...base, message: `${base.message} (advisory in the ${stage} profile; mandatory in ${rule.mandatoryIn.join(", ")})` }));
        return;
    }
    report(encodeFinding(base), r?.urn);
}

// ---- options ------------------------------------------------------------------------------------------

function optionsOf(rule: RuleMeta, own: unknown): Record<string, unknown> {
    const given = ownOptions(own);
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(rule.options ?? {})) {
        const value = given[key];
        out[key] = value !== undefined && matchesType(value, schema) ? value : schema.default;
    }
    return out;
}

function matchesType(value: unknown, schema: PolicyConfigJSONSchema): boolean {
    switch (schema.type) {
        case "integer":
            return typeof value === "number" && Number.isInteger(value);
        case "number":
            return typeof value === "number" && Number.isFinite(value);
        case "boolean":
            return typeof value === "boolean";
        case "string":
            return typeof value === "string" && (!schema.enum || schema.enum.includes(value));
        case "array":
            return Array.isArray(value);
        case "object":
            return typeof value === "object" && value !== null && !Array.isArray(value);
        default:
            return true;
    }
}

function configSchemaOf(rule: RuleMeta) {
    return { properties: { ...(rule.options ?? {}), ...SETTINGS_SCHEMA } };
}

interface RuleConfig {
    settings: PackSettings;
    options: Record<string, unknown>;
}

/**
 * A rule's settings and options from its config. A resource rule is asked once per resource with the same config:
 * both are resolved again only when the config's values, the pack-wide settings or the date change
 * (`settingsResolver`), and are shared (frozen) meanwhile.
 */
function ruleConfig(rule: RuleMeta): (own: unknown) => RuleConfig {
    const settingsOf = settingsResolver();
    let last: RuleConfig | undefined;
    return (own) => {
        const settings = settingsOf(own);
        if (last?.settings !== settings) {
            last = { settings, options: Object.freeze(optionsOf(rule, own)) };
        }
        return last;
    };
}

function context({ settings, options }: RuleConfig, graph: Graph): RuleContext {
    return { graph, settings, options, stage: (r) => stageOf(r, settings, graph) };
}

function metadata(rule: RuleMeta, configSchema: { properties: Record<string, PolicyConfigJSONSchema> }) {
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel,
        severity: rule.severity,
        remediationSteps: rule.remediationSteps,
        tags: ["aws", rule.topic, ...rule.frameworks],
        framework: rule.frameworks.length > 0 ? { name: rule.frameworks[0].split(" ").slice(0, -1).join(" "), version: "", reference: rule.frameworks[0].split(" ").slice(-1)[0], specification: rule.frameworks.join(", ") } : undefined,
        configSchema,
    };
}

// ---- stack graph --------------------------------------------------------------------------------------

/**
 * The graph of the current AnalyzeStack call. CrossGuard's server hands every stack policy a NEW `resources`
 * array (it re-deserializes every resource per policy), so a cache keyed by the array never hits. Instead
 * `runway-settings` (the first stack policy of every AnalyzeStack) calls `resetStackGraph()`, the first policy
 * that needs the graph builds it, later ones of the same call reuse it while the resource count and the first and
 * last URN match (else it is rebuilt), and `runway-graph` — today the only policy that needs it — releases it when
 * done (`runway-advisory`, the last stack policy, releases it too). So the graph is built once per AnalyzeStack and
 * never served to another call, whichever companions pack config disables.
 */
interface CurrentGraph {
    graph: Graph;
    count: number;
    first: string;
    last: string;
}
let currentGraph: CurrentGraph | undefined;

/** Forgets the graph of the previous AnalyzeStack call. */
export function resetStackGraph(): void {
    currentGraph = undefined;
}

/** The graph for one AnalyzeStack call, shared by every stack policy of that call. */
export function stackGraph(resources: readonly PolicyResource[]): Graph {
    const count = resources.length;
    const first = count > 0 ? String(resources[0].urn) : "";
    const last = count > 0 ? String(resources[count - 1].urn) : "";
    const c = currentGraph;
    if (c && c.count === count && c.first === first && c.last === last) {
        return c.graph;
    }
    const converted = fromPolicyResources(resources);
    const graph = new Graph(converted.resources, converted.links);
    currentGraph = { graph, count, first, last };
    return graph;
}

function stackResourceOf(g: Graph): StackResource | undefined {
    return g.ofType("pulumi:pulumi:Stack")[0];
}

// ---- rules → policies ---------------------------------------------------------------------------------

/** Attaches a Pulumi type to a validation so the server skips other resources without deserializing them. */
function typed<T extends object>(fn: T, types: readonly string[]): T {
    return types.length === 1 ? Object.assign(fn, { __pulumiType: types[0] }) : fn;
}

/** A resource rule as its own CrossGuard resource policy (its level is the policy's, set by pack config). */
export function toPolicy(rule: ResourceRule): ResourceValidationPolicy {
    registerWaivablePolicy(rule.name, rule.neverWaivable === true);
    const types = new Set(rule.types);
    const configOf = ruleConfig(rule);
    // Synchronous: a resource of another type costs one set lookup, no promise (the server awaits whatever returns).
    const validate = (args: ResourceValidationArgs, report: ReportViolation): void | Promise<void> => {
        if (!types.has(args.type)) return;
        const key = resourceKey(String(args.urn));
        return guarded(rule.name, key, String(args.urn), () => {
            const r = fromValidationArgs(args);
            const ctx = context(configOf(args.getConfig<Record<string, unknown>>()), new Graph([r]));
            for (const f of rule.check(r, ctx)) {
                dispatch(rule, f, ctx, key, report);
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

// ---- graph rules → one stack policy -------------------------------------------------------------------

export const GRAPH_POLICY = "runway-graph";

/** Levels a graph rule can be given in `runway-graph`'s config (stack policies cannot remediate). */
export const GRAPH_RULE_LEVELS = ["advisory", "mandatory", "disabled"] as const;
type GraphRuleLevel = (typeof GRAPH_RULE_LEVELS)[number];

function graphRuleSchema(rule: StackRule): PolicyConfigJSONSchema {
    // A level string ("advisory") or an object ({ enforcementLevel, ...options }), as CrossGuard's own config
    // entries; `pattern` constrains only the string form, `properties` only the object form (JSON Schema).
    return {
        type: ["string", "object"],
        pattern: `^(${GRAPH_RULE_LEVELS.join("|")})$`,
        description: `${rule.name}: ${rule.description} Default level ${rule.enforcementLevel}.`,
        properties: {
            enforcementLevel: { type: "string", enum: [...GRAPH_RULE_LEVELS], description: `Level of ${rule.name} (default ${rule.enforcementLevel}); mandatory findings are reported by ${GRAPH_POLICY}, advisory ones by ${ADVISORY_POLICY}.` },
            ...(rule.options ?? {}),
            ...SETTINGS_SCHEMA,
        },
        additionalProperties: false,
    };
}

/** A rule's entry in `runway-graph`'s config: `"<rule>": "<level>"` or `{ enforcementLevel?, ...options }`. */
function graphRuleEntry(config: Record<string, unknown>, rule: StackRule): { level: GraphRuleLevel; own: Record<string, unknown> } {
    const pack: Record<string, unknown> = {};
    for (const key of Object.keys(SETTINGS_SCHEMA)) {
        if (config[key] !== undefined) pack[key] = config[key];
    }
    const entry = config[rule.name];
    const declared: unknown = typeof entry === "string" ? entry : isRecord(entry) ? entry.enforcementLevel : undefined;
    const fallback: GraphRuleLevel = rule.enforcementLevel === "advisory" || rule.enforcementLevel === "disabled" ? rule.enforcementLevel : "mandatory";
    const level = (GRAPH_RULE_LEVELS as readonly unknown[]).includes(declared) ? (declared as GraphRuleLevel) : declared === "remediate" ? "mandatory" : fallback;
    const own: Record<string, unknown> = { ...pack };
    if (isRecord(entry)) {
        for (const [k, v] of Object.entries(entry)) {
            if (k !== "enforcementLevel") own[k] = v;
        }
    }
    return { level, own };
}

/**
 * Every graph (stack) rule in ONE CrossGuard stack policy. The server re-deserializes every resource's properties
 * for every stack policy (~1 s per policy at 100k resources), so one policy instead of one per rule is the lever.
 * Each finding still names its rule (finding marker); each rule's level comes from `runway-graph`'s config
 * (`"<rule>": "<level>"` or `{ "enforcementLevel": ..., ...options }`): mandatory findings are reported by this
 * policy (level mandatory unless pack config lowers it), advisory ones by `runway-advisory`, disabled rules do not
 * run.
 */
export function graphPolicy(stackRules: readonly StackRule[]): StackValidationPolicy {
    for (const rule of stackRules) registerWaivablePolicy(rule.name, rule.neverWaivable === true);
    const properties: Record<string, PolicyConfigJSONSchema> = { ...SETTINGS_SCHEMA };
    for (const rule of stackRules) properties[rule.name] = graphRuleSchema(rule);
    const rules = stackRules.map((rule) => ({ rule, configOf: ruleConfig(rule) }));
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
                enqueue(advisoryQueue, STACK_KEY, internalError(GRAPH_POLICY, undefined, err));
                return;
            }
            try {
                const stackResource = stackResourceOf(graph);
                const advisory: ReportViolation = (message) => enqueue(advisoryQueue, STACK_KEY, message);
                for (const { rule, configOf } of rules) {
                    const { level, own } = graphRuleEntry(config, rule);
                    if (level === "disabled") continue;
                    const atLevel = level === "mandatory" ? report : advisory;
                    await guarded(rule.name, STACK_KEY, undefined, () => {
                        const ctx = context(configOf(own), graph);
                        for (const f of rule.check(ctx)) {
                            dispatch(rule, { ...f, resource: f.resource ?? stackResource }, ctx, STACK_KEY, atLevel);
                        }
                    });
                }
            } finally {
                resetStackGraph(); // the last policy that needs it: never kept for another AnalyzeStack call
            }
        },
    };
}

function asConfig(value: unknown): Record<string, unknown> {
    return isRecord(value) ? value : {};
}

// ---- the pack-wide policies ---------------------------------------------------------------------------

/** The URN a queued message is about (from its finding marker). */
function urnOf(message: string): string | undefined {
    return decodeDiagnostic({ policyName: "", message, enforcementLevel: "advisory" }).urn;
}

function reportAll(messages: readonly string[], report: ReportViolation, urn?: string): void {
    for (const m of messages) {
        report(m, urn ?? urnOf(m));
    }
}

function settingsProblems(settings: PackSettings): string[] {
    return settings.problems.map((p) => encodeFinding({ policy: SETTINGS_POLICY, status: "violation", message: p, severity: "low", remediation: "Fix the pack config (--policy-pack-config)." }));
}

/** First in the list: records the pack-wide settings for every later policy. Reports only bad settings. */
export function settingsPolicy(): DualPolicy {
    return {
        name: SETTINGS_POLICY,
        description: "Pack-wide settings (stage, strictUnknowns, waivers, now) for every Runway policy; reports only invalid settings.",
        enforcementLevel: "advisory",
        severity: "low",
        tags: ["runway"],
        configSchema: { properties: { ...SETTINGS_SCHEMA } },
        validateResource: (args, _report) => {
            void _report;
            try {
                recordPackSettings(args.getConfig());
                drain(waivedQueue, resourceKey(String(args.urn)));
                drain(advisoryQueue, resourceKey(String(args.urn)));
            } catch {
                recordPackSettings({});
            }
        },
        validateStack: (args, report) => {
            try {
                resetStackGraph();
                recordPackSettings(args.getConfig());
                drain(waivedQueue, STACK_KEY);
                drain(advisoryQueue, STACK_KEY);
                reportAll(settingsProblems(resolveSettings({})), report);
            } catch {
                resetStackGraph();
                recordPackSettings({});
            }
        },
    };
}

function waiverProblem(message: string, urn?: string): string {
    return encodeFinding({ policy: WAIVERS_POLICY, status: "violation", urn, message, severity: "medium", remediation: `Fix the waiver: "<policy>: <reason of ${10}+ chars>; expires=YYYY-MM-DD; owner=<who>" (tag ${WAIVER_TAG}) or { policy, resource, reason, expires, owner } (pack config).` });
}

/** Reports waived findings (advisory, with reason/expiry/owner) and every waiver problem. */
export function waiversPolicy(): DualPolicy {
    return {
        name: WAIVERS_POLICY,
        description: "Waived findings (reported, never hidden) and malformed, expired or misdirected waivers.",
        enforcementLevel: "advisory",
        severity: "medium",
        tags: ["runway"],
        configSchema: { properties: { ...SETTINGS_SCHEMA } },
        validateResource: (args, report) => {
            const urn = String(args.urn);
            try {
                reportAll(drain(waivedQueue, resourceKey(urn)), report, urn);
                const props = rawProps(args.props);
                const tags = asRecord(props.tags);
                if (tags !== UNKNOWN && tags !== undefined && tags[WAIVER_TAG] !== undefined) {
                    const settings = resolveSettings(args.getConfig());
                    for (const p of parseWaiverTag(tags[WAIVER_TAG], settings.now).problems) {
                        report(waiverProblem(p, urn), urn);
                    }
                }
            } catch (err) {
                report(internalError(WAIVERS_POLICY, urn, err), urn);
            }
        },
        validateStack: (args, report) => {
            try {
                reportAll(drain(waivedQueue, STACK_KEY), report);
                const settings = resolveSettings(args.getConfig());
                const parsed = parseConfigWaivers(settings.waivers, settings.now);
                for (const p of parsed.problems) {
                    report(waiverProblem(p));
                }
                // Only URNs and names are needed: read them without converting (or deserializing) any properties,
                // and count each once (not once per waiver: a long waiver list on a large stack is W × N).
                const named = new Map<string, number>();
                for (const r of parsed.waivers.length > 0 ? args.resources : []) {
                    const urn = String(r.urn);
                    const name = String(r.name);
                    countUp(named, urn);
                    if (name !== urn) countUp(named, name);
                }
                parsed.waivers.forEach((w) => {
                    const matches = named.get(w.resource ?? "") ?? 0;
                    if (matches === 0) {
                        report(waiverProblem(`config waiver for "${w.policy}" names resource "${w.resource}", which is not in this stack; it waives nothing`));
                    } else if (matches > 1) {
                        report(waiverProblem(`config waiver for "${w.policy}" names "${w.resource}", which is the logical name of ${matches} resources; it applies to each of them — use a URN to waive exactly one`));
                    }
                });
            } catch (err) {
                report(internalError(WAIVERS_POLICY, undefined, err));
            }
        },
    };
}

/** Reports findings that must be advisory whatever their policy's level (see the module comment). */
export function advisoryPolicy(): DualPolicy {
    return {
        name: ADVISORY_POLICY,
        description: "Findings reported as advisory on behalf of another policy (named in each message): not evaluated in preview, advisory in this stage profile, internal errors.",
        enforcementLevel: "advisory",
        severity: "low",
        tags: ["runway"],
        validateResource: (args, report) => {
            reportAll(drain(advisoryQueue, resourceKey(String(args.urn))), report, String(args.urn));
        },
        validateStack: (_args, report) => {
            void _args;
            resetStackGraph(); // last stack policy: release the graph of this call
            reportAll(drain(advisoryQueue, STACK_KEY), report);
        },
    };
}
