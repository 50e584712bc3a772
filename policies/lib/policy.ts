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
import { Graph, graphFor } from "../graph/graph";
import { fromPolicyResource, fromValidationArgs, rawProps } from "./convert";
import { decodeDiagnostic, encodeFinding, type Finding } from "./finding-format";
import type { StackResource } from "./resource";
import type { Rule, RuleContext, RuleFinding, RuleMeta } from "./rule";
import { ownOptions, recordPackSettings, resolveSettings, SETTINGS_SCHEMA, type PackSettings } from "./settings";
import { stageOf } from "./stage";
import { configWaiverMatches, isActive, isExpired, isNeverWaivable, parseConfigWaivers, parseWaiverTag, registerWaivablePolicy, WAIVER_TAG, type Waiver } from "./waivers";
import { asRecord, UNKNOWN } from "./values";

export const SETTINGS_POLICY = "runway-settings";
export const WAIVERS_POLICY = "runway-waivers";
export const ADVISORY_POLICY = "runway-advisory";

/** A CrossGuard policy that is both a resource and a stack policy (the analyzer runs each part in its phase). */
export type DualPolicy = ResourceValidationPolicy & StackValidationPolicy;
export type RunwayPolicy = ResourceValidationPolicy | StackValidationPolicy | DualPolicy;

// ---- queues for the companions -------------------------------------------------------------------------

const MAX_QUEUED = 10_000;
type Queue = Map<string, string[]>;
const waivedQueue: Queue = new Map();
const advisoryQueue: Queue = new Map();

const resourceKey = (urn: string) => `analyze:${urn}`;
const STACK_KEY = "stack";

function enqueue(queue: Queue, key: string, message: string): void {
    if (queue.size > MAX_QUEUED) {
        queue.clear(); // a companion is disabled and nobody drains: do not grow without bound
    }
    const list = queue.get(key);
    if (list) list.push(message);
    else queue.set(key, [message]);
}

function drain(queue: Queue, key: string): string[] {
    const list = queue.get(key) ?? [];
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

/** Runs `work`; any error becomes one advisory diagnostic naming the policy. */
async function guarded(policy: string, key: string, urn: string | undefined, work: () => void | Promise<void>): Promise<void> {
    try {
        await work();
    } catch (err) {
        enqueue(advisoryQueue, key, internalError(policy, urn, err));
    }
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
    candidates.push(...parseConfigWaivers(settings.waivers, settings.now).waivers.filter((w) => configWaiverMatches(w, r.urn, r.name)));
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

function context(rule: RuleMeta, own: unknown, graph: Graph): RuleContext {
    const settings = resolveSettings(own);
    return { graph, settings, options: optionsOf(rule, own), stage: (r) => stageOf(r, settings, graph) };
}

function metadata(rule: RuleMeta) {
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel,
        severity: rule.severity,
        remediationSteps: rule.remediationSteps,
        tags: ["aws", rule.topic, ...rule.frameworks],
        framework: rule.frameworks.length > 0 ? { name: rule.frameworks[0].split(" ").slice(0, -1).join(" "), version: "", reference: rule.frameworks[0].split(" ").slice(-1)[0], specification: rule.frameworks.join(", ") } : undefined,
        configSchema: configSchemaOf(rule),
    };
}

// ---- stack graph --------------------------------------------------------------------------------------

/** The graph for one AnalyzeStack call, shared by every stack policy of that call. */
export function stackGraph(resources: PolicyResource[]): Graph {
    return graphFor(resources, () => resources.map(fromPolicyResource));
}

function stackResourceOf(g: Graph): StackResource | undefined {
    return g.ofType("pulumi:pulumi:Stack")[0];
}

// ---- rules → policies ---------------------------------------------------------------------------------

export function toPolicy(rule: Rule): RunwayPolicy {
    registerWaivablePolicy(rule.name, rule.neverWaivable === true);
    if (rule.kind === "resource") {
        const policy: ResourceValidationPolicy = {
            ...metadata(rule),
            validateResource: async (args: ResourceValidationArgs, report: ReportViolation) => {
                const key = resourceKey(String(args.urn));
                await guarded(rule.name, key, String(args.urn), () => {
                    if (!rule.types.includes(args.type)) return;
                    const r = fromValidationArgs(args);
                    const ctx = context(rule, args.getConfig<Record<string, unknown>>(), new Graph([r]));
                    for (const f of rule.check(r, ctx)) {
                        dispatch(rule, f, ctx, key, report);
                    }
                });
            },
        };
        const remediate = rule.remediate;
        if (remediate) {
            policy.remediateResource = (args: ResourceValidationArgs) => {
                try {
                    if (!rule.types.includes(args.type)) return undefined;
                    const r = fromValidationArgs(args);
                    return remediate({ ...r.props }, r);
                } catch {
                    return undefined; // no remediation is always safe; validation still reports the finding
                }
            };
        }
        return policy;
    }
    const policy: StackValidationPolicy = {
        ...metadata(rule),
        validateStack: async (args: StackValidationArgs, report: ReportViolation) => {
            await guarded(rule.name, STACK_KEY, undefined, () => {
                const graph = stackGraph(args.resources);
                const ctx = context(rule, args.getConfig<Record<string, unknown>>(), graph);
                const stackResource = stackResourceOf(graph);
                for (const f of rule.check(ctx)) {
                    dispatch(rule, { ...f, resource: f.resource ?? stackResource }, ctx, STACK_KEY, report);
                }
            });
        },
    };
    return policy;
}

// ---- the pack-wide policies ---------------------------------------------------------------------------

/** The URN a queued message is about (from its finding marker). */
function urnOf(message: string): string | undefined {
    return decodeDiagnostic({ policyName: "", message, enforcementLevel: "advisory" }).urn;
}

function reportAll(messages: string[], report: ReportViolation, urn?: string): void {
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
                recordPackSettings(args.getConfig());
                drain(waivedQueue, STACK_KEY);
                drain(advisoryQueue, STACK_KEY);
                reportAll(settingsProblems(resolveSettings({})), report);
            } catch {
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
                const graph = stackGraph(args.resources);
                parsed.waivers.forEach((w) => {
                    const matches = graph.resources.filter((r) => configWaiverMatches(w, r.urn, r.name));
                    if (matches.length === 0) {
                        report(waiverProblem(`config waiver for "${w.policy}" names resource "${w.resource}", which is not in this stack; it waives nothing`));
                    } else if (matches.length > 1) {
                        report(waiverProblem(`config waiver for "${w.policy}" names "${w.resource}", which is the logical name of ${matches.length} resources; it applies to each of them — use a URN to waive exactly one`));
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
            reportAll(drain(advisoryQueue, STACK_KEY), report);
        },
    };
}
