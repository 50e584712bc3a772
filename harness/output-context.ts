/**
 * How a computed output is generated (`OutputContext`, `OutputGenerator`) and resolved: the generators of a type
 * run lazily, each reading the others through `get`, and the program's inputs win over what they compute.
 * The table itself is `computed-outputs.ts`.
 */
import { isRecord, SIG_KEY } from "../model/wire";
import { stableHex, stableUuid } from "./mock-ids";

/** How an ARN drops parts: `global` has no region (IAM, CloudFront), `bare` neither region nor account (S3), `no-account` no account (API Gateway). */
export type ArnScope = "regional" | "global" | "bare" | "no-account";

/** What a generator is given: one resource (or data source call) and where it lives. */
export interface OutputContext {
    /** The type token (or data source token). */
    readonly type: string;
    /** The name AWS knows it by: its name input, else its auto-name (a data source: its `name`, else a digest of its arguments). */
    readonly name: string;
    /** The program's inputs (a data source's arguments). */
    readonly inputs: Readonly<Record<string, unknown>>;
    /** The region it lives in: its own `region`, else its provider's, else the stack's. */
    readonly region: string;
    /** The account it belongs to. */
    readonly account: string;
    /** Stable hex of `length` characters, seeded by the type, the name and `salt`. */
    hex(length: number, salt: string): string;
    /** A stable UUID, seeded like `hex`. */
    uuid(salt: string): string;
    /** Another output of the same resource: the program's input when it set one, else the table's value. */
    get(output: string): unknown;
    /** `get` as a string ("" when it is not one). */
    str(output: string): string;
    /** `arn:aws:<service>:<region>:<account>:<resource>`, with the parts `scope` drops left empty. */
    arn(service: string, resource: string, scope?: ArnScope): string;
}

/** Computes one output. */
export type OutputGenerator = (c: OutputContext) => unknown;

/** The generators of one type, by output name. */
export type TypeOutputs = Readonly<Record<string, OutputGenerator>>;

/** The text of a value, or undefined when it is not a non-empty string. */
export function text(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

/** A positive count from an input, else `fallback`. */
export function count(value: unknown, fallback: number): number {
    return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The value as a list (empty when it is not one). */
export function list(value: unknown): unknown[] {
    return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The last `/`- or `:`-separated part of an ARN (or the value itself when it is a plain name). */
export function lastPart(value: unknown): string {
    return String(value ?? "").split(/[/:]/).pop() ?? "";
}

/** The account, as an output. */
export const account: OutputGenerator = (c) => c.account;
/** The region, as an output. */
export const regionOf: OutputGenerator = (c) => c.region;
/** An output that is always `value`. */
export const fixed = (value: unknown): OutputGenerator => () => value;

/** One resource (or data source call) to compute outputs for. */
export interface Subject {
    /** Type (or data source) token. */
    type: string;
    /** The name AWS knows it by. */
    name: string;
    /** The program's inputs (arguments). */
    inputs: Record<string, unknown>;
    /** The region it lives in. */
    region: string;
    /** The account it belongs to. */
    account: string;
}

/** A plain object the program wrote (not a secret, resource reference or asset). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (!isRecord(value) || SIG_KEY in value) return false;
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

/** The program's value where it gave one — at every level of an object it gave — else the computed one. */
function keepInputs(computed: unknown, input: unknown): unknown {
    if (input === undefined || input === null) return computed;
    if (isPlainObject(computed) && isPlainObject(input)) {
        const merged: Record<string, unknown> = { ...computed };
        for (const [key, value] of Object.entries(input)) merged[key] = keepInputs(computed[key], value);
        return merged;
    }
    return input;
}

/** Computes every output `generators` names for `subject` (undefined values left out). */
export function resolve(subject: Subject, generators: TypeOutputs): Record<string, unknown> {
    const memo = new Map<string, unknown>();
    const resolving = new Set<string>();
    const seed = (salt: string) => `${subject.type}::${subject.name}::${salt}`;
    const context: OutputContext = {
        ...subject,
        hex: (length, salt) => stableHex(seed(salt), length),
        uuid: (salt) => stableUuid(seed(salt)),
        get(output) {
            const generator = generators[output];
            if (generator === undefined) return subject.inputs[output];
            if (!memo.has(output)) {
                if (resolving.has(output)) throw new Error(`computed outputs of ${subject.type}: ${output} depends on itself`);
                resolving.add(output);
                memo.set(output, keepInputs(generator(context), subject.inputs[output]));
                resolving.delete(output);
            }
            return memo.get(output);
        },
        str: (output) => {
            const value = context.get(output);
            return typeof value === "string" ? value : "";
        },
        arn: (service, resource, scope = "regional") => {
            const region = scope === "regional" || scope === "no-account" ? subject.region : "";
            const owner = scope === "regional" || scope === "global" ? subject.account : "";
            return `arn:aws:${service}:${region}:${owner}:${resource}`;
        },
    };
    const outputs: Record<string, unknown> = {};
    for (const output of Object.keys(generators)) {
        const value = context.get(output);
        if (value !== undefined) outputs[output] = value;
    }
    return outputs;
}

