/**
 * What the engine sends an analyzer for one declared resource: properties with resource references downgraded
 * (a custom resource becomes its id, a component its URN — the engine marshals analyzer properties without
 * resource references), and the `AnalyzerResource` / `AnalyzeRequest` protos built from them.
 */
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { isRecord, RESOURCE_REF_SIG, SIG_KEY, UNKNOWN_STRING } from "../model/wire";
import type { DeclaredResource, ProgramRun, WireProperties } from "./types";

/**
 * Replaces resource references by their id (custom) or URN (component), recursively. Copy on change: what holds
 * no reference comes back as the same object (every caller copies the result anyway — into a Struct, or through
 * the deserializer), so most properties cost no allocation here.
 */
export function downgradeResourceReferences(value: unknown): unknown {
    if (Array.isArray(value)) {
        let out: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            const item: unknown = value[i];
            const downgraded = downgradeResourceReferences(item);
            if (downgraded !== item) {
                out ??= value.slice();
                out[i] = downgraded;
            }
        }
        return out ?? value;
    }
    if (!isRecord(value)) {
        return value;
    }
    if (value[SIG_KEY] === RESOURCE_REF_SIG) {
        if ("id" in value) {
            return typeof value.id === "string" && value.id !== "" ? value.id : UNKNOWN_STRING;
        }
        return value.urn;
    }
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
        const inner = value[key];
        const downgraded = downgradeResourceReferences(inner);
        if (downgraded !== inner) {
            out ??= { ...value };
            out[key] = downgraded;
        }
    }
    return out ?? value;
}

/** Analyzer-ready properties as a protobuf Struct. */
export function analyzerStruct(props: WireProperties): structproto.Struct {
    return structproto.Struct.fromJavaScript(downgradeResourceReferences(props) as Record<string, structproto.JavaScriptValue>);
}

function resourceOptions(resource: DeclaredResource): analyzerproto.AnalyzerResourceOptions {
    const opts = new analyzerproto.AnalyzerResourceOptions();
    opts.setProtect(resource.protect);
    opts.setIgnorechangesList(resource.ignoreChanges);
    opts.setAliasesList(resource.aliases);
    opts.setAdditionalsecretoutputsList(resource.additionalSecretOutputs);
    if (resource.deleteBeforeReplace !== undefined) {
        opts.setDeletebeforereplacedefined(true);
        opts.setDeletebeforereplace(resource.deleteBeforeReplace);
    }
    if (resource.parent) {
        opts.setParent(resource.parent);
    }
    return opts;
}

/** Looks a resource's explicit provider up: the provider reference is `<provider urn>::<provider id>`. */
export type ProviderLookup = (reference: string | undefined) => DeclaredResource | undefined;

/** Indexes providers by reference for `ProviderLookup`. */
export function providerLookup(resources: DeclaredResource[]): ProviderLookup {
    const byUrn = new Map<string, DeclaredResource>();
    for (const r of resources) {
        if (r.type.startsWith("pulumi:providers:")) {
            byUrn.set(r.urn, r);
        }
    }
    return (reference) => {
        if (!reference) {
            return undefined;
        }
        const urn = reference.slice(0, reference.lastIndexOf("::"));
        return byUrn.get(urn);
    };
}

function providerProto(provider: DeclaredResource): analyzerproto.AnalyzerProviderResource {
    const proto = new analyzerproto.AnalyzerProviderResource();
    proto.setType(provider.type);
    proto.setUrn(provider.urn);
    proto.setName(provider.name);
    proto.setProperties(analyzerStruct(provider.inputs));
    return proto;
}

/** The fields `AnalyzeRequest` and `AnalyzerResource` share. */
interface ResourceProto {
    setType(value: string): unknown;
    setUrn(value: string): unknown;
    setName(value: string): unknown;
    setProperties(value?: structproto.Struct): unknown;
    setOptions(value?: analyzerproto.AnalyzerResourceOptions): unknown;
    setProvider(value?: analyzerproto.AnalyzerProviderResource): unknown;
}

function fill<T extends ResourceProto>(proto: T, resource: DeclaredResource, props: WireProperties, provider: DeclaredResource | undefined): T {
    proto.setType(resource.type);
    proto.setUrn(resource.urn);
    proto.setName(resource.name);
    proto.setProperties(analyzerStruct(props));
    proto.setOptions(resourceOptions(resource));
    if (provider) {
        proto.setProvider(providerProto(provider));
    }
    return proto;
}

/** The `AnalyzeRequest` the engine sends before creating a resource (its inputs). */
export function analyzeRequest(resource: DeclaredResource, provider: DeclaredResource | undefined): analyzerproto.AnalyzeRequest {
    return fill(new analyzerproto.AnalyzeRequest(), resource, resource.inputs, provider);
}

/** The `AnalyzerResource` the engine sends in `AnalyzeStack` (the resource's outputs). */
export function analyzerResource(resource: DeclaredResource, provider: DeclaredResource | undefined): analyzerproto.AnalyzerResource {
    const proto = fill(new analyzerproto.AnalyzerResource(), resource, resource.outputs, provider);
    if (resource.parent) {
        proto.setParent(resource.parent);
    }
    proto.setDependenciesList(resource.dependencies);
    const deps = proto.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(resource.propertyDependencies)) {
        const entry = new analyzerproto.AnalyzerPropertyDependencies();
        entry.setUrnsList(urns);
        deps.set(key, entry);
    }
    return proto;
}

/**
 * A run's requests, encoded once as the engine sends them: `Analyze` for each resource's inputs, then `AnalyzeStack`
 * with every resource's outputs. The engine encodes in Go; this is the engine stand-in's time, not the analyzer's.
 * Benchmarks encode before timing; `sendRun` (grpc-analyzer.ts) then sends the bytes as they are.
 */
export interface EncodedRun {
    analyze: { urn: string; request: Uint8Array }[];
    stack: Uint8Array;
}

/** Each resource's `Analyze` request, encoded. */
export function encodeAnalyzeRequests(run: ProgramRun): EncodedRun["analyze"] {
    const lookup = providerLookup(run.resources);
    return run.resources.map((r) => ({ urn: r.urn, request: analyzeRequest(r, lookup(r.provider)).serializeBinary() }));
}

/** `AnalyzeStackRequest.resources` is field 1, length-delimited: its tag byte, `(1 << 3) | 2`. */
const STACK_RESOURCES_TAG = 0x0a;

/** The protobuf base-128 varint of a non-negative integer. */
function varint(value: number, out: number[]): void {
    let v = value;
    while (v > 0x7f) {
        out.push((v % 0x80) | 0x80);
        v = Math.floor(v / 0x80);
    }
    out.push(v);
}

/**
 * The `AnalyzeStackRequest`, byte for byte what `serializeBinary()` of the whole message writes (its only field is
 * the repeated `resources`: each element's tag, length and bytes, in order), built one resource at a time. google-
 * protobuf's writer, given the whole message at once, grew faster than the stack (0.65 s at 10k, 8.3 s at 100k
 * resources); one resource at a time it is linear, and no resource's proto outlives its encoding.
 */
export function encodeStackRequest(run: ProgramRun): Uint8Array {
    const lookup = providerLookup(run.resources);
    const parts: Uint8Array[] = [];
    let total = 0;
    for (const r of run.resources) {
        const element = analyzerResource(r, lookup(r.provider)).serializeBinary();
        const prefix: number[] = [STACK_RESOURCES_TAG];
        varint(element.byteLength, prefix);
        parts.push(Uint8Array.from(prefix), element);
        total += prefix.length + element.byteLength;
    }
    return Buffer.concat(parts, total);
}

export function encodeRun(run: ProgramRun): EncodedRun {
    return { analyze: encodeAnalyzeRequests(run), stack: encodeStackRequest(run) };
}
