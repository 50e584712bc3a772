/**
 * Evaluates a CrossGuard policy pack in-process, the way `@pulumi/policy/server.js` does over gRPC:
 * the same protobuf properties, the real `deserializeProperties` and `unknownCheckingProxy` (so reading an
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
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import type * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { analyzeRequest, analyzerResource, providerLookup } from "./analyzer-wire";
import { packPolicyConfig, type PackConfig } from "./pack-config";
import type { PolicyDiagnostic, ProgramRun, Severity } from "./types";

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
}

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

function optionsOf(proto: analyzerproto.AnalyzerResource | analyzerproto.AnalyzeRequest): PolicyResourceOptions {
    const opts = proto.getOptions();
    if (!opts) {
        throw new Error("A more recent version of the Pulumi CLI is required.");
    }
    const result: PolicyResourceOptions = {
        protect: opts.getProtect(),
        ignoreChanges: opts.getIgnorechangesList(),
        aliases: opts.getAliasesList(),
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: opts.getAdditionalsecretoutputsList(),
    };
    if (opts.getDeletebeforereplacedefined()) {
        result.deleteBeforeReplace = opts.getDeletebeforereplace();
    }
    if (opts.getParent()) {
        result.parent = opts.getParent();
    }
    return result;
}

function propsOf(struct: structproto.Struct | undefined): Record<string, unknown> {
    return proxy.unknownCheckingProxy(deserializer.deserializeProperties(struct ?? new structproto.Struct(), false));
}

type ResourceClass = Parameters<ResourceValidationArgs["isType"]>[0];

/**
 * What the server hands a policy for one resource — the same fields, a fresh deserialized, unknown-checking copy of
 * the properties and of the options — built only when a policy first reads them, with the methods on the prototype:
 * a policy that looks at `type` and returns costs no deserialization and no allocation beyond this object.
 * The view is the server's; only the cost differs.
 */
class LazyResourceView {
    private cachedProps?: Record<string, unknown>;
    private cachedOpts?: PolicyResourceOptions;

    constructor(
        private readonly proto: analyzerproto.AnalyzerResource | analyzerproto.AnalyzeRequest,
        readonly type: string,
        readonly urn: string,
        readonly name: string,
    ) {}

    get props(): Record<string, unknown> {
        return (this.cachedProps ??= propsOf(this.proto.getProperties()));
    }
    set props(value: Record<string, unknown>) {
        this.cachedProps = value;
    }
    get opts(): PolicyResourceOptions {
        return (this.cachedOpts ??= optionsOf(this.proto));
    }
    isType(cls: ResourceClass): boolean {
        return policyModule.getPulumiType(cls) === this.type;
    }
    asType(cls: ResourceClass): never {
        return (policyModule.getPulumiType(cls) === this.type ? this.props : undefined) as never;
    }
}

function lazyView(proto: analyzerproto.AnalyzerResource | analyzerproto.AnalyzeRequest): LazyResourceView {
    const view = new LazyResourceView(proto, proto.getType(), proto.getUrn(), proto.getName());
    const provider = providerOf(proto);
    if (provider) {
        Object.assign(view, { provider });
    }
    return view;
}

function providerOf(proto: analyzerproto.AnalyzerResource | analyzerproto.AnalyzeRequest) {
    const prov = proto.getProvider();
    if (!prov) {
        return undefined;
    }
    let props: Record<string, unknown> | undefined;
    return {
        type: prov.getType(),
        urn: prov.getUrn(),
        name: prov.getName(),
        get props() {
            return (props ??= propsOf(prov.getProperties()));
        },
    };
}

/** Evaluates `pack` on everything `run` declared; returns the diagnostics the real analyzer would. */
export async function evaluatePack(run: ProgramRun, pack: PolicyPackDefinition, options: EvaluateOptions = {}): Promise<PolicyDiagnostic[]> {
    const config = packPolicyConfig(pack.policies.map((p) => p.name), options.config ?? {});
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
    const reporter = (name: string, description: string, level: EnforcementLevel, severity: Severity | undefined, subject?: string): ReportViolation => (message, urn) => {
        diagnostics.push({
            policyName: name,
            policyPackName: pack.name,
            policyPackVersion: pack.version,
            message: message ? `${description}\n${message}` : description,
            // In Analyze, the engine attaches a diagnostic without a URN to the resource being analyzed.
            urn: urn || subject,
            description,
            enforcementLevel: level,
            severity,
        });
    };
    const guard = async (name: string, description: string, severity: Severity | undefined, work: () => unknown, subject?: string) => {
        try {
            await Promise.resolve(work());
        } catch (err) {
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
        }
    };

    // Analyze: each resource's inputs, every resource policy, in pack order.
    for (const resource of run.resources) {
        const req = analyzeRequest(resource, lookup(resource.provider));
        for (const policy of pack.policies as AnyPolicy[]) {
            const level = levelOf(policy.name, policy.enforcementLevel);
            if (level === "disabled" || !policyModule.isResourcePolicy(policy) || !policy.validateResource) {
                continue;
            }
            if (!Array.isArray(policy.validateResource)) {
                const only = policyModule.getPulumiType(policy.validateResource);
                if (only && only !== resource.type) {
                    continue;
                }
            }
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
            const report = reporter(policy.name, policy.description, level, policy.severity, resource.urn);
            for (const validation of validations) {
                await guard(policy.name, policy.description, policy.severity, () => {
                    const args = Object.assign(lazyView(req), {
                        stackTags: new Map<string, string>(),
                        getConfig: getConfigFor(policy.name) as ResourceValidationArgs["getConfig"],
                        notApplicable,
                    }) as unknown as ResourceValidationArgs;
                    return validation(args, report);
                }, resource.urn);
            }
        }
    }

    // AnalyzeStack: every resource's outputs, every stack policy.
    const protos = run.resources.map((r) => analyzerResource(r, lookup(r.provider)));
    for (const policy of pack.policies as AnyPolicy[]) {
        const level = levelOf(policy.name, policy.enforcementLevel);
        if (level === "disabled" || !policyModule.isStackPolicy(policy) || !policy.validateStack) {
            continue;
        }
        const only = policyModule.getPulumiType(policy.validateStack);
        if (only && !protos.some((p) => p.getType() === only)) {
            continue;
        }
        const report = reporter(policy.name, policy.description, level, policy.severity);
        await guard(policy.name, policy.description, policy.severity, () => {
            const resources = protos.map((p) =>
                Object.assign(lazyView(p), { dependencies: [] as PolicyResource[], propertyDependencies: {} as Record<string, PolicyResource[]> }),
            ) as unknown as PolicyResource[];
            const byUrn = new Map(resources.map((r) => [r.urn, r]));
            protos.forEach((p, i) => {
                const resource = resources[i];
                const parent = byUrn.get(p.getParent());
                if (parent) {
                    resource.parent = parent;
                }
                resource.dependencies = p.getDependenciesList().map((d) => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
                for (const [key, deps] of p.getPropertydependenciesMap().entries()) {
                    resource.propertyDependencies[key] = deps.getUrnsList().map((d) => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
                }
            });
            const args: StackValidationArgs = {
                resources,
                getConfig: getConfigFor(policy.name) as StackValidationArgs["getConfig"],
                stackTags: new Map(),
                notApplicable,
            };
            return policy.validateStack?.(args, report);
        });
    }
    return diagnostics;
}
