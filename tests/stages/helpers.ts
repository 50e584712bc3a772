import * as path from "path";
import { runProgram, type DeclaredResource, type ProgramRun } from "../../harness";
import { isRecord, isWireSecret } from "../../model/wire";

/** The Runway program. */
export const PROGRAM = path.resolve(__dirname, "../../index.ts");

const runs = new Map<string, Promise<ProgramRun>>();

/** Runs the program once per (stack, config) and shares the result between test files. */
export function runStage(stack: string, config: Record<string, string> = {}): Promise<ProgramRun> {
    const key = JSON.stringify([stack, config]);
    let run = runs.get(key);
    if (!run) {
        run = runProgram({ program: PROGRAM, stack, config });
        runs.set(key, run);
    }
    return run;
}

/** zero (a stack with no stack file: Pulumi.yaml defaults, stage zero), hero (dev), enterprise (prod). */
export const STAGE_RUNS = {
    zero: () => runStage("zero"),
    hero: () => runStage("dev"),
    enterprise: () => runStage("prod"),
} as const;

/** Resources of one type. */
export function ofType(run: ProgramRun, type: string): DeclaredResource[] {
    return run.resources.filter((r) => r.type === type);
}

/** The single resource of `type` (throws unless exactly one). */
export function single(run: ProgramRun, type: string): DeclaredResource {
    const found = ofType(run, type);
    if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
    return found[0];
}

/** The resource with logical name `name`. */
export function named(run: ProgramRun, name: string): DeclaredResource {
    const found = run.resources.find((r) => r.name === name);
    if (!found) throw new Error(`no resource named ${name}`);
    return found;
}

/** Removes secret wrappers, recursively. */
export function unwrap(value: unknown): unknown {
    if (isWireSecret(value)) return unwrap(value.value);
    if (Array.isArray(value)) return value.map(unwrap);
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v)]));
    return value;
}

/** An input by dotted path (`metadataOptions.httpTokens`, `rules.0.transitions`), secrets unwrapped. */
export function input(resource: DeclaredResource, dotted: string): unknown {
    let value: unknown = resource.inputs;
    for (const part of dotted.split(".")) {
        value = unwrap(value);
        if (Array.isArray(value)) value = value[Number(part)];
        else if (isRecord(value)) value = value[part];
        else return undefined;
    }
    return unwrap(value);
}

/** An output (state) by dotted path. */
export function output(resource: DeclaredResource, dotted: string): unknown {
    return input({ ...resource, inputs: resource.outputs }, dotted);
}

/** The chain of parent URNs from `resource` up to the root. */
export function parentChain(run: ProgramRun, resource: DeclaredResource): DeclaredResource[] {
    const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
    const chain: DeclaredResource[] = [];
    let current = resource.parent ? byUrn.get(resource.parent) : undefined;
    while (current) {
        chain.push(current);
        current = current.parent ? byUrn.get(current.parent) : undefined;
    }
    return chain;
}

/** A resource found by its physical id (as another resource's input refers to it). */
export function byId(run: ProgramRun, id: unknown): DeclaredResource | undefined {
    return run.resources.find((r) => r.id !== undefined && r.id === id);
}

/** Parses a JSON string input. */
export function json(resource: DeclaredResource, dotted: string): unknown {
    const value = input(resource, dotted);
    if (typeof value !== "string") throw new Error(`${resource.name}.${dotted} is not a JSON string`);
    return JSON.parse(value);
}
