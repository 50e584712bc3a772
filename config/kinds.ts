/** A key's Pulumi project-config type (`Pulumi.yaml` → `config.<key>.type`). */
export type PulumiType = "string" | "integer" | "boolean";

/** What a key holds: how its string is read, what it allows, and its Pulumi type. */
export interface Kind<T> {
    /** Pulumi project-config type of a key of this kind with a fixed default. */
    readonly type: PulumiType;
    /** What the kind allows, as errors and the README say it: "an integer from 0 to 1000". */
    readonly allowed: string;
    /** The value a trimmed, non-empty string stands for; undefined when the kind does not allow it. */
    parse(text: string): T | undefined;
}

/** A string matching `accepts` (a pattern or a test), described by `allowed`. */
export function text(allowed: string, accepts: RegExp | ((value: string) => boolean)): Kind<string> {
    const test = accepts instanceof RegExp ? (value: string) => accepts.test(value) : accepts;
    return { type: "string", allowed, parse: (value) => (test(value) ? value : undefined) };
}

/** One of `choices`. */
export function oneOf<T extends string>(choices: readonly T[]): Kind<T> {
    return { type: "string", allowed: `one of ${choices.join(" | ")}`, parse: (value) => choices.find((choice) => choice === value) };
}

/** An integer from `min` to `max`. */
export function integer(min: number, max: number): Kind<number> {
    return {
        type: "integer",
        allowed: `an integer from ${min} to ${max}`,
        parse: (value) => {
            const parsed = /^-?\d+$/.test(value) ? Number(value) : NaN;
            return parsed >= min && parsed <= max ? parsed : undefined;
        },
    };
}

/** An integer from `choices`. */
export function integerOf(choices: readonly number[]): Kind<number> {
    return {
        type: "integer",
        allowed: `one of ${choices.join(", ")}`,
        parse: (value) => {
            const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
            return choices.includes(parsed) ? parsed : undefined;
        },
    };
}

/** A decimal number from `min` to `max` that is a multiple of `step` (a string in Pulumi config: `0.5`). */
export function decimal(min: number, max: number, step: number): Kind<number> {
    return {
        type: "string",
        allowed: `a number from ${min} to ${max} in steps of ${step}`,
        parse: (value) => {
            const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
            return parsed >= min && parsed <= max && Number.isInteger(parsed / step) ? parsed : undefined;
        },
    };
}

/** `true` or `false`. */
export const flag: Kind<boolean> = {
    type: "boolean",
    allowed: "true or false",
    parse: (value) => (value === "true" ? true : value === "false" ? false : undefined),
};
