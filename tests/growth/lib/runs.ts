/** Hand-made program runs for unit tests of the transition engine and the pack fuzz. */
import { makeUrn } from "../../../harness/recording-monitor";
import type { DeclaredResource, ProgramRun, WireProperties } from "../../../harness/types";

export const STACK = "test";
export const PROJECT = "runway";

/** Options of a hand-made resource. */
export interface ResourceOptions {
    parent?: string;
    aliases?: string[];
    protect?: boolean;
    retainOnDelete?: boolean;
    custom?: boolean;
    propertyDependencies?: Record<string, string[]>;
    dependencies?: string[];
}

/** One declared resource with a real-looking URN. */
export function resource(type: string, name: string, inputs: WireProperties = {}, options: ResourceOptions = {}): DeclaredResource {
    const propertyDependencies = options.propertyDependencies ?? {};
    return {
        urn: makeUrn(STACK, PROJECT, options.parent, type, name),
        type,
        name,
        custom: options.custom ?? !type.startsWith("runway:"),
        remote: false,
        parent: options.parent,
        inputs,
        outputs: inputs,
        dependencies: options.dependencies ?? [...new Set(Object.values(propertyDependencies).flat())],
        propertyDependencies,
        protect: options.protect ?? false,
        retainOnDelete: options.retainOnDelete ?? false,
        ignoreChanges: [],
        aliases: options.aliases ?? [],
        additionalSecretOutputs: [],
    };
}

/** A run of `resources` (stage label in config). */
export function programRun(stage: string, resources: DeclaredResource[], preview = false): ProgramRun {
    return { project: PROJECT, stack: STACK, preview, program: "/hand-made/index.ts", resources, outputs: {}, config: { "runway:stage": stage } };
}
