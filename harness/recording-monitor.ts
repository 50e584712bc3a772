/**
 * A resource monitor for Pulumi's mock runtime that records every `RegisterResourceRequest` in full —
 * type, name, parent, dependencies, property dependencies, protect, aliases, source position, inputs — and
 * assigns the URNs the real engine would (the whole parent type chain, no stack type), which the stock
 * `MockMonitor` does not.
 */
import { fileURLToPath } from "url";
import { MockMonitor, type Mocks } from "@pulumi/pulumi/runtime/mocks";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type * as aliasproto from "@pulumi/pulumi/proto/alias_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { deserializeProperties, serializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { isWireSecret } from "../model/wire";
import type { DeclaredResource, SourceLocation, WireProperties } from "./types";

/** The root stack's type: the engine leaves it out of its children's type chains. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** Callback signature of the monitor's gRPC-style methods. */
type Callback<T> = (err: unknown, response?: T) => void;

/** The qualified type (`parent$child` chain) inside a URN. */
export function qualifiedType(urn: string): string {
    return urn.split("::")[2] ?? "";
}

/** Builds a URN the way the engine does (`resource.NewURN`): parent's qualified type `$` type. */
export function makeUrn(stack: string, project: string, parentUrn: string | undefined, type: string, name: string): string {
    const parentType = parentUrn ? qualifiedType(parentUrn) : "";
    const chain = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${chain}::${name}`;
}

/**
 * Where the `new` call is. The runtime only parses named stack frames (`at fn (file:line:col)`), so a resource
 * declared inside an anonymous callback (`items.forEach((x) => new Bucket(...))`) has no source position; then the
 * first frame that has one — the line calling `forEach` — is the best place to point at.
 */
function sourceLocation(req: resproto.RegisterResourceRequest | resproto.ReadResourceRequest): SourceLocation | undefined {
    const frames = req.getStacktrace()?.getFramesList() ?? [];
    const pos = req.getSourceposition() ?? frames.map((f) => f.getPc()).find((pc) => pc !== undefined && pc.getUri() !== "");
    if (!pos || !pos.getUri()) {
        return undefined;
    }
    const uri = pos.getUri();
    const file = uri.startsWith("file://") ? fileURLToPath(uri) : uri;
    return { file, line: pos.getLine(), column: pos.getColumn() };
}

/** Recording monitor: hand it to `pulumi.runtime.setMockOptions`. */
export class RecordingMonitor extends MockMonitor {
    /** Every resource registered, in order. */
    readonly declared: DeclaredResource[] = [];
    private readonly byUrn = new Map<string, DeclaredResource>();
    private readonly regions = new Map<string, string>();

    constructor(
        mocks: Mocks,
        private readonly stack: string,
        private readonly project: string,
    ) {
        super(mocks);
    }

    override async registerResource(req: resproto.RegisterResourceRequest, callback: Callback<resproto.RegisterResourceResponse>): Promise<void> {
        try {
            const type = req.getType();
            const name = req.getName();
            const parent = req.getParent() || undefined;
            const urn = makeUrn(this.stack, this.project, parent, type, name);
            const wireInputs = (req.getObject()?.toJavaScript() ?? {}) as WireProperties;
            const result = await this.mocks.newResource({
                type,
                name,
                inputs: deserializeProperties(req.getObject() ?? new structproto.Struct()),
                provider: req.getProvider(),
                custom: req.getCustom(),
                id: req.getImportid(),
            });
            const serializedState = (await serializeProperties("", result.state)) as WireProperties;
            const outputs = mergeSecretness(wireInputs, serializedState);
            this.resources.set(urn, { urn, id: result.id ?? null, state: serializedState });

            const propertyDependencies: Record<string, string[]> = {};
            for (const [key, deps] of req.getPropertydependenciesMap().entries()) {
                propertyDependencies[key] = deps.getUrnsList();
            }
            const declared: DeclaredResource = {
                urn,
                type,
                name,
                custom: req.getCustom(),
                remote: req.getRemote(),
                parent,
                provider: req.getProvider() || undefined,
                inputs: wireInputs,
                outputs,
                id: result.id || undefined,
                dependencies: req.getDependenciesList(),
                propertyDependencies,
                protect: req.getProtect() === true,
                retainOnDelete: req.getRetainondelete() === true,
                deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
                ignoreChanges: req.getIgnorechangesList(),
                aliases: this.aliasUrns(req, type, name, parent),
                additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                source: sourceLocation(req),
            };
            this.declared.push(declared);
            this.byUrn.set(urn, declared);
            if (type === "pulumi:providers:aws" && typeof wireInputs.region === "string") {
                this.regions.set(urn, wireInputs.region);
            }

            const response = new resproto.RegisterResourceResponse();
            response.setUrn(urn);
            response.setId(result.id || "");
            response.setObject(structproto.Struct.fromJavaScript(serializedState as Record<string, structproto.JavaScriptValue>));
            callback(null, response);
        } catch (err) {
            callback(err, undefined);
        }
    }

    override async readResource(req: resproto.ReadResourceRequest, callback: Callback<resproto.ReadResourceResponse>): Promise<void> {
        try {
            const parent = req.getParent() || undefined;
            const urn = makeUrn(this.stack, this.project, parent, req.getType(), req.getName());
            const result = await this.mocks.newResource({
                type: req.getType(),
                name: req.getName(),
                inputs: deserializeProperties(req.getProperties() ?? new structproto.Struct()),
                provider: req.getProvider(),
                custom: true,
                id: req.getId(),
            });
            const serializedState = (await serializeProperties("", result.state)) as Record<string, structproto.JavaScriptValue>;
            this.resources.set(urn, { urn, id: result.id ?? null, state: serializedState });
            const response = new resproto.ReadResourceResponse();
            response.setUrn(urn);
            response.setProperties(structproto.Struct.fromJavaScript(serializedState));
            callback(null, response);
        } catch (err) {
            callback(err, undefined);
        }
    }

    override registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback<object>): void {
        const registered = this.resources.get(req.getUrn());
        if (registered) {
            registered.state = req.getOutputs()?.toJavaScript() ?? {};
        }
        const declared = this.byUrn.get(req.getUrn());
        if (declared) {
            declared.registeredOutputs = Object.keys(req.getOutputs()?.toJavaScript() ?? {});
        }
        callback(null, {});
    }

    /** The region an explicit AWS provider was given, by provider reference (`<urn>::<id>`). */
    providerRegion(reference: string | undefined): string | undefined {
        return reference ? this.regions.get(reference.slice(0, reference.lastIndexOf("::"))) : undefined;
    }

    /**
     * Alias specs resolved to URNs the way the engine resolves them, plus the aliases a child inherits from its
     * parent's aliases (the engine's `inheritedChildAlias`: same child type under each of the parent's old URNs,
     * with the parent's name prefix swapped when the child's name starts with the parent's name).
     */
    private aliasUrns(req: resproto.RegisterResourceRequest, type: string, name: string, parent: string | undefined): string[] {
        const urns = [...req.getAliasurnsList()];
        const parentResource = parent ? this.byUrn.get(parent) : undefined;
        for (const parentAlias of parentResource?.aliases ?? []) {
            const parentAliasName = parentAlias.split("::").pop() ?? "";
            const childName = parentResource && name.startsWith(parentResource.name) ? parentAliasName + name.slice(parentResource.name.length) : name;
            urns.push(makeUrn(this.stack, this.project, parentAlias, type, childName));
        }
        for (const alias of req.getAliasesList()) {
            const direct = alias.getUrn();
            if (direct) {
                urns.push(direct);
                continue;
            }
            const spec: aliasproto.Alias.Spec | undefined = alias.getSpec();
            if (!spec) {
                continue;
            }
            const aliasParent = spec.getNoparent() ? undefined : spec.getParenturn() || parent;
            urns.push(makeUrn(spec.getStack() || this.stack, spec.getProject() || this.project, aliasParent, spec.getType() || type, spec.getName() || name));
        }
        return [...new Set(urns)];
    }
}

/**
 * The state the mock returns is plain; the engine keeps an input's secretness on the matching output.
 * Re-wrap outputs whose input was a secret so `AnalyzeStack` sees secrets where the engine would.
 */
function mergeSecretness(inputs: WireProperties, state: WireProperties): WireProperties {
    const merged: WireProperties = { ...state };
    for (const [key, value] of Object.entries(inputs)) {
        if (isWireSecret(value)) {
            merged[key] = value;
        }
    }
    return merged;
}
