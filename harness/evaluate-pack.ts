/**
 * Evaluates a CrossGuard policy pack in-process, the way `@pulumi/policy/server.js` does over gRPC:
 * the same properties the engine would send, the real `deserializeProperties` and `unknownCheckingProxy` (so reading an
 * unknown value in preview aborts a policy exactly as in the real server), the same enforcement-level
 * resolution from pack config, the same diagnostics. A test checks both paths agree on the same stacks.
 *
 * As the engine does, resource policies see each resource's inputs (`Analyze`), stack policies every
 * resource's outputs at the end (`AnalyzeStack`).
 */
import type {
    EnforcementLevel,
    Policies,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { performance } from "perf_hooks";
import { downgradeResourceReferences, providerLookup } from "./analyzer-wire";
import { FINDING_SINK, type FindingReporter } from "../model/finding";
import { encodeFinding } from "../model/finding-format";
import { packPolicyConfig, type PackConfig } from "./pack-config";
import { makeUrn, ROOT_STACK_TYPE } from "./recording-monitor";
import type { DeclaredResource, PolicyDiagnostic, ProgramRun, Severity, WireProperties } from "./types";

/** A policy pack as data: what `new PolicyPack(name, { policies, enforcementLevel })` is given. */
export interface PolicyPackDefinition {
    name: string;
    version: string;
    enforcementLevel?: EnforcementLevel;
    policies: Policies;
}

/** Options for an evaluation. */
export interface EvaluateOptions {
    /** The `--policy-pack-config` document. */
    config?: PackConfig;
    /**
     * Validate `config` against each policy's config schema first, as the CLI does (default true). `false` hands
     * the policies values no CLI would pass on: for testing a pack's own defences.
     */
    validateConfig?: boolean;
    /**
     * Told when each phase ends, with its start and end (`performance.now()`, ms): `Analyze` (every resource) and
     * `AnalyzeStack` (every stack policy). For benchmarks that split the time; it does not change the evaluation.
     */
    onPhase?: (phase: EvaluationPhase, startMs: number, endMs: number) => void;
}

/** The two requests the engine makes of an analyzer, in order. */
export type EvaluationPhase = "Analyze" | "AnalyzeStack";

// The real server's internals, pinned with @pulumi/policy: the deserializer and the unknown-checking proxy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deserializer = require("@pulumi/policy/deserialize") as { deserializeProperties(s: structproto.Struct, proxySecrets: boolean): Record<string, unknown> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as { unknownCheckingProxy<T>(o: T): T; UnknownValueError: new (...args: unknown[]) => Error };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyModule = require("@pulumi/policy/policy") as {
    getPulumiType(o: unknown): string | undefined;
    isResourcePolicy(p: unknown): boolean;
    isStackPolicy(p: unknown): boolean;
};

/** A policy as the server treats it: it may carry a resource validation, a stack validation, or both. */
type AnyPolicy = Partial<Pick<ResourceValidationPolicy, "validateResource">> & Partial<Pick<StackValidationPolicy, "validateStack">> & Policies[number];

class NotApplicableError extends Error {}
function notApplicable(reason?: string): never {
    throw new NotApplicableError(reason ?? "Policy does not apply");
}

/** Resource options as the server builds them from `AnalyzerResourceOptions`. */
function optionsOf(resource: DeclaredResource): PolicyResourceOptions {
    const result: PolicyResourceOptions = {
        protect: resource.protect,
        ignoreChanges: resource.ignoreChanges,
        aliases: resource.aliases,
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: resource.additionalSecretOutputs,
    };
    if (resource.deleteBeforeReplace !== undefined) {
        result.deleteBeforeReplace = resource.deleteBeforeReplace;
    }
    if (resource.parent) {
        result.parent = resource.parent;
    }
    return result;
}

/**
 * The server's `deserializeProperties(struct)` followed by its unknown-checking proxy. The server reads
 * `struct.toJavaScript()`; the wire properties are exactly that (they were recorded from the same Struct), with
 * resource references downgraded as the engine sends them — so no protobuf round trip is needed in-process.
 */
function propsOf(wire: WireProperties): Record<string, unknown> {
    const struct = { toJavaScript: () => downgradeResourceReferences(wire) } as unknown as structproto.Struct;
    return proxy.unknownCheckingProxy(deserializer.deserializeProperties(struct, false));
}

type ResourceClass = Parameters<ResourceValidationArgs["isType"]>[0];

/** A provider as the server describes it, with its properties deserialized on first read. */
class ProviderView {
    private cachedProps?: Record<string, unknown>;
    readonly type: string;
    readonly urn: string;
    readonly name: string;

    constructor(private readonly provider: DeclaredResource) {
        this.type = provider.type;
        this.urn = provider.urn;
        this.name = provider.name;
    }

    get props(): Record<string, unknown> {
        return (this.cachedProps ??= propsOf(this.provider.inputs));
    }
}

/**
 * What the server hands a policy for one resource — the same fields, a fresh deserialized, unknown-checking copy of
 * the properties and of the options — built only when a policy first reads them, with the methods on the prototype:
 * a policy that looks at `type` and returns costs no deserialization and no allocation beyond this object.
 * The view is the server's; only the cost differs.
 */
class ResourceView {
    private cachedProps?: Record<string, unknown>;
    private cachedOpts?: PolicyResourceOptions;
    readonly type: string;
    readonly urn: string;
    readonly name: string;
    declare provider?: ProviderView;

    constructor(
        protected readonly resource: DeclaredResource,
        private readonly wire: WireProperties,
        provider: DeclaredResource | undefined,
    ) {
        this.type = resource.type;
        this.urn = resource.urn;
        this.name = resource.name;
        if (provider) {
            this.provider = new ProviderView(provider);
        }
    }

    get props(): Record<string, unknown> {
        return (this.cachedProps ??= propsOf(this.wire));
    }
    set props(value: Record<string, unknown>) {
        this.cachedProps = value;
    }
    get opts(): PolicyResourceOptions {
        return (this.cachedOpts ??= optionsOf(this.resource));
    }
    isType(cls: ResourceClass): boolean {
        return policyModule.getPulumiType(cls) === this.type;
    }
    asType(cls: ResourceClass): never {
        return (policyModule.getPulumiType(cls) === this.type ? this.props : undefined) as never;
    }
}

/** The server's stack tags: one map for every call (none are set without the engine). */
const STACK_TAGS: ReadonlyMap<string, string> = new Map<string, string>();

/** `Analyze`'s arguments: the resource's inputs plus the policy's config and helpers. */
class AnalyzeArgs extends ResourceView {
    get stackTags(): ReadonlyMap<string, string> {
        return STACK_TAGS;
    }
    constructor(
        resource: DeclaredResource,
        provider: DeclaredResource | undefined,
        readonly getConfig: ResourceValidationArgs["getConfig"],
    ) {
        super(resource, resource.inputs, provider);
    }
    notApplicable(reason?: string): never {
        return notApplicable(reason);
    }
}

/** One resource in `AnalyzeStack`: its outputs, and parent/dependencies linked to the other views of the call. */
class StackResourceView extends ResourceView {
    private cachedParent?: PolicyResource | null;
    private cachedDependencies?: PolicyResource[];
    private cachedPropertyDependencies?: Record<string, PolicyResource[]>;

    constructor(
        resource: DeclaredResource,
        provider: DeclaredResource | undefined,
        /** URN → view, among the views one stack policy was given. */
        private readonly byUrn: ReadonlyMap<string, PolicyResource>,
    ) {
        super(resource, resource.outputs, provider);
    }

    get parent(): PolicyResource | undefined {
        if (this.cachedParent === undefined) {
            this.cachedParent = (this.resource.parent && this.byUrn.get(this.resource.parent)) || null;
        }
        return this.cachedParent ?? undefined;
    }
    get dependencies(): PolicyResource[] {
        return (this.cachedDependencies ??= this.link(this.resource.dependencies));
    }
    get propertyDependencies(): Record<string, PolicyResource[]> {
        if (!this.cachedPropertyDependencies) {
            const linked: Record<string, PolicyResource[]> = {};
            const all = this.resource.propertyDependencies;
            for (const key of Object.keys(all)) {
                linked[key] = this.link(all[key]);
            }
            this.cachedPropertyDependencies = linked;
        }
        return this.cachedPropertyDependencies;
    }
    /**
     * The server's `urns.map(get).filter(defined)`, into one array of the exact size (an array grown by `push`
     * reserves 17 slots at its first element: ~2 MB held per 20k resources for the length of the call, by heap snapshot).
     */
    private link(urns: string[]): PolicyResource[] {
        const linked = new Array<PolicyResource>(urns.length);
        let n = 0;
        for (let i = 0; i < urns.length; i++) {
            const r = this.byUrn.get(urns[i]);
            if (r !== undefined) {
                linked[n++] = r;
            }
        }
        if (n < linked.length) {
            linked.length = n;
        }
        return linked;
    }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
    return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** Evaluates `pack` on everything `run` declared; returns the diagnostics the real analyzer would. */
export async function evaluatePack(run: ProgramRun, pack: PolicyPackDefinition, options: EvaluateOptions = {}): Promise<PolicyDiagnostic[]> {
    const config = packPolicyConfig(pack.policies, options.config ?? {}, { validate: options.validateConfig });
    const lookup = providerLookup(run.resources);
    const diagnostics: PolicyDiagnostic[] = [];

    // As the server: the configured level, else the policy's, else the pack's; "remediate" reports as mandatory.
    const levelOf = (name: string, declared: EnforcementLevel | undefined): EnforcementLevel => {
        const level = config[name]?.enforcementLevel ?? declared ?? pack.enforcementLevel ?? "advisory";
        return level === "remediate" ? "mandatory" : level;
    };
    const getConfigFor = (name: string) => () => {
        const { enforcementLevel: _ignored, ...props } = config[name] ?? {};
        void _ignored;
        return props;
    };
    const reporter = (name: string, description: string, level: EnforcementLevel, severity: Severity | undefined, subject?: () => string | undefined): ReportViolation => {
        const report: FindingReporter = (message, urn) => {
            diagnostics.push({
                policyName: name,
                policyPackName: pack.name,
                policyPackVersion: pack.version,
                message: message ? `${description}\n${message}` : description,
                // In Analyze, the engine attaches a diagnostic without a URN to the resource being analyzed.
                urn: urn || subject?.(),
                description,
                enforcementLevel: level,
                severity,
            });
        };
        // A pack that reports findings as values (Runway's) hands them over here, with the text the engine would show.
        report[FINDING_SINK] = (finding, urn) => {
            report(encodeFinding(finding), urn);
            diagnostics[diagnostics.length - 1].finding = finding;
        };
        return report;
    };
    const onError = (err: unknown, name: string, description: string, severity: Severity | undefined, subject?: string): void => {
        if (err instanceof proxy.UnknownValueError) {
            diagnostics.push({
                policyName: name,
                policyPackName: pack.name,
                policyPackVersion: pack.version,
                message: `can't run policy '${name}' from policy pack '${pack.name}@v${pack.version}' during preview: ${err.message}`,
                urn: subject,
                description,
                enforcementLevel: "advisory",
                severity,
            });
        } else if (!(err instanceof NotApplicableError)) {
            throw new Error(`Error validating resource with policy '${name}' from policy pack '${pack.name}@v${pack.version}': ${err instanceof Error ? err.message : String(err)}`);
        }
    };
    /**
     * Runs one validation on its arguments as the server does; a promise only when the policy is asynchronous. The
     * validation and its arguments are passed as they are (no closure per call: it runs per resource per policy).
     */
    const guard = <A>(validation: (args: A, report: ReportViolation) => unknown, args: A, report: ReportViolation, policy: AnyPolicy, subject?: string): Promise<void> | undefined => {
        try {
            const result = validation(args, report);
            if (isThenable(result)) {
                return Promise.resolve(result).then(
                    () => undefined,
                    (err: unknown) => onError(err, policy.name, policy.description, policy.severity, subject),
                );
            }
        } catch (err) {
            onError(err, policy.name, policy.description, policy.severity, subject);
        }
        return undefined;
    };

    // Analyze: each resource's inputs, every resource policy, in pack order. What does not depend on the resource
    // (level, type filter, config, reporter) is prepared once per policy; the reporter's subject is the resource
    // being analyzed (validations run one at a time, so it cannot change under a pending one).
    let subject: string | undefined;
    const resourcePolicies = (pack.policies as AnyPolicy[]).flatMap((policy) => {
        const level = levelOf(policy.name, policy.enforcementLevel);
        if (level === "disabled" || !policyModule.isResourcePolicy(policy) || !policy.validateResource) {
            return [];
        }
        const only = Array.isArray(policy.validateResource) ? undefined : policyModule.getPulumiType(policy.validateResource);
        const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
        const report = reporter(policy.name, policy.description, level, policy.severity, () => subject);
        return [{ policy, only, validations, report, getConfig: getConfigFor(policy.name) as ResourceValidationArgs["getConfig"] }];
    });
    /**
     * Every applicable validation on one resource, from policy `from` and its validation `next` on: synchronously
     * while they are, and once one returns a promise, the rest after it settles. (A plain function, not part of the
     * async one below: the engine's per-resource loop stays free of iterator and closure allocations.)
     */
    const analyzeResource = (resource: DeclaredResource, provider: DeclaredResource | undefined, from = 0, next = 0): Promise<void> | undefined => {
        for (let p = from; p < resourcePolicies.length; p++) {
            const { policy, only, validations, report, getConfig } = resourcePolicies[p];
            if (only && only !== resource.type) {
                continue;
            }
            for (let v = p === from ? next : 0; v < validations.length; v++) {
                const pending = guard(validations[v], new AnalyzeArgs(resource, provider, getConfig) as unknown as ResourceValidationArgs, report, policy, resource.urn);
                if (pending) {
                    return pending.then(() => analyzeResource(resource, provider, p, v + 1));
                }
            }
        }
        return undefined;
    };
    let phaseStart = performance.now();
    const resources = run.resources;
    for (let i = 0; i < resources.length; i++) {
        const resource = resources[i];
        subject = resource.urn;
        const pending = analyzeResource(resource, lookup(resource.provider));
        if (pending) {
            await pending;
        }
    }
    subject = undefined;
    const analyzeEnd = performance.now();
    options.onPhase?.("Analyze", phaseStart, analyzeEnd);
    phaseStart = analyzeEnd;

    // AnalyzeStack: every resource's outputs, every stack policy.
    const stackUrn = run.resources.find((r) => r.type === ROOT_STACK_TYPE)?.urn ?? makeUrn(run.stack, run.project, undefined, ROOT_STACK_TYPE, `${run.project}-${run.stack}`);
    const providers = run.resources.map((r) => lookup(r.provider));
    for (const policy of pack.policies as AnyPolicy[]) {
        const level = levelOf(policy.name, policy.enforcementLevel);
        if (level === "disabled" || !policyModule.isStackPolicy(policy) || !policy.validateStack) {
            continue;
        }
        const only = policyModule.getPulumiType(policy.validateStack);
        if (only && !run.resources.some((r) => r.type === only)) {
            continue;
        }
        // The engine attributes a stack policy's report without a URN to the stack itself (engine tier:
        // tests/engine/pack-semantics.test.ts).
        const report = reporter(policy.name, policy.description, level, policy.severity, () => stackUrn);
        // Fresh views for each policy, as the server deserializes afresh for each, and with them the server's
        // URN → resource map that parents and dependencies are linked through (the last of a duplicated URN wins).
        // Built when the policy first reads `resources` (a policy that never does costs nothing).
        let built: PolicyResource[] | undefined;
        const views = (): PolicyResource[] => {
            if (!built) {
                const count = run.resources.length;
                const list = new Array<PolicyResource>(count);
                const byUrn = new Map<string, PolicyResource>();
                for (let i = 0; i < count; i++) {
                    const r = run.resources[i];
                    const view = new StackResourceView(r, providers[i], byUrn) as unknown as PolicyResource;
                    list[i] = view;
                    byUrn.set(r.urn, view);
                }
                built = list;
            }
            return built;
        };
        const args: StackValidationArgs = {
            get resources() {
                return views();
            },
            getConfig: getConfigFor(policy.name) as StackValidationArgs["getConfig"],
            stackTags: STACK_TAGS as Map<string, string>,
            notApplicable,
        };
        const pending = guard(policy.validateStack, args, report, policy);
        if (pending) {
            await pending;
        }
    }
    options.onPhase?.("AnalyzeStack", phaseStart, performance.now());
    return diagnostics;
}
