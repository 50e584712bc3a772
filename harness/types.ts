/**
 * The shared vocabulary of Runway's offline tooling: what a Pulumi program declared (as the engine would
 * see it), and what the policy pack said about it. The harness produces these, the policy pack, the plan,
 * the cost model and the benchmarks consume them.
 */
import type { Finding } from "../model/finding";

/** Where the program declared a resource (the `new` call), mapped back to the TypeScript source. */
export interface SourceLocation {
    /** Absolute path of the source file. */
    file: string;
    /** 1-based line of the `new` call. */
    line: number;
    /** 1-based column of the `new` call. */
    column: number;
}

/**
 * A JSON-compatible property bag in the Pulumi wire format (what `Struct.toJavaScript()` gives):
 * unknown values are the sentinel strings, secrets are `{ [SIG_KEY]: SECRET_SIG, value }` objects, resource
 * references are `{ [SIG_KEY]: RESOURCE_REF_SIG, urn, id }` objects (see `policies/lib/wire.ts`).
 */
export type WireProperties = Record<string, unknown>;

/** One resource as the Pulumi engine would receive it from `RegisterResource`. */
export interface DeclaredResource {
    /** The URN the real engine would assign: `urn:pulumi:<stack>::<project>::<type chain>::<name>`. */
    urn: string;
    /** The type token, e.g. `aws:rds/instance:Instance`. */
    type: string;
    /** The logical name given to the constructor. */
    name: string;
    /** True for custom (provider-managed) resources, false for components. */
    custom: boolean;
    /** True for remote components (e.g. `@pulumi/awsx`) whose children a plugin would create. */
    remote: boolean;
    /** The parent's URN, when the resource has a parent other than the stack. */
    parent?: string;
    /** The provider reference (`<provider urn>::<provider id>`), when one was set explicitly. */
    provider?: string;
    /** Inputs in wire format, as sent to the engine (and to `Analyze`). */
    inputs: WireProperties;
    /**
     * Outputs in wire format, as the engine would hand them to `AnalyzeStack`: in update mode the inputs plus
     * the provider's computed outputs (ids, ARNs, endpoints); in preview mode the inputs only, so anything the
     * provider computes is absent (and anything derived from it is an unknown sentinel).
     */
    outputs: WireProperties;
    /** The physical id the mock provider assigned (undefined in preview and for components). */
    id?: string;
    /** URNs this resource depends on (explicit `dependsOn` plus every input's dependencies). */
    dependencies: string[];
    /** For each input property, the URNs of the resources its value came from. */
    propertyDependencies: Record<string, string[]>;
    /** `protect` resource option. */
    protect: boolean;
    /** `retainOnDelete` resource option. */
    retainOnDelete: boolean;
    /** `deleteBeforeReplace` resource option, when set. */
    deleteBeforeReplace?: boolean;
    /** `ignoreChanges` resource option. */
    ignoreChanges: string[];
    /** Alias URNs (from `aliases`), resolved the way the engine resolves alias specs. */
    aliases: string[];
    /** Property names the program marked as additional secret outputs. */
    additionalSecretOutputs: string[];
    /** Where the resource was declared, when the runtime could tell. */
    source?: SourceLocation;
    /** For components: the output names passed to `registerOutputs` (absent when it was never called). */
    registeredOutputs?: string[];
}

/** The result of running one program under the mock runtime. */
export interface ProgramRun {
    /** Pulumi project name. */
    project: string;
    /** Pulumi stack name. */
    stack: string;
    /** True when the run modelled `pulumi preview` (provider outputs unknown). */
    preview: boolean;
    /** Absolute path of the program's entry file. */
    program: string;
    /** Every resource registered, in registration order. */
    resources: DeclaredResource[];
    /** The program's stack outputs (module exports), resolved; unknown values are `undefined`. */
    outputs: Record<string, unknown>;
    /** Stack config the program ran with (`<namespace>:<key>` → string value). */
    config: Record<string, string>;
}

export type { EnforcementLevel, Severity } from "@pulumi/policy";
import type { EnforcementLevel, Severity } from "@pulumi/policy";

/** One diagnostic exactly as the analyzer reports it (in-process and over gRPC alike). */
export interface PolicyDiagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    message: string;
    /** The resource the diagnostic is about; absent for stack-wide diagnostics. */
    urn?: string;
    enforcementLevel: EnforcementLevel;
    severity?: Severity;
    description?: string;
    /**
     * In-process evaluation only: the finding as a value, when the policy reported one through the reporter's
     * `FINDING_SINK` (Runway's pack does); `message` then holds its text form, as the engine would show it.
     */
    finding?: Finding;
}
