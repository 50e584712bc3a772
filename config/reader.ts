import { AUTO } from "./defaults";
import { ConfigError } from "./errors";

/** Raw stack config: full key (`runway:minTasks`) → the string Pulumi stores. */
export type RawConfig = Readonly<Record<string, string | undefined>>;

/** Integer bounds (inclusive). */
export interface IntRange {
    min: number;
    max: number;
}

/**
 * Typed, validating reads of raw config strings. Every failed read throws one `ConfigError` naming the key.
 * Absent and empty values fall back to the given default; `auto` does too for keys that accept it.
 */
export class ConfigReader {
    constructor(private readonly raw: RawConfig) {}

    /** The raw value, or undefined when absent, empty or (if `allowAuto`) `auto`. */
    private given(key: string, allowAuto: boolean): string | undefined {
        const value = this.raw[key];
        if (value === undefined) return undefined;
        const trimmed = value.trim();
        if (trimmed === "" || (allowAuto && trimmed === AUTO)) return undefined;
        return trimmed;
    }

    /** A string matching `pattern` (described by `allowed`), or the default. */
    string(key: string, fallback: string, pattern?: RegExp, allowed = "a string"): string {
        const value = this.given(key, false);
        if (value === undefined) return fallback;
        if (pattern && !pattern.test(value)) throw new ConfigError(key, value, allowed);
        return value;
    }

    /** Like `string`, but `auto` also means the default. */
    stringOrAuto(key: string, fallback: string, pattern: RegExp, allowed: string): string {
        const value = this.given(key, true);
        if (value === undefined) return fallback;
        if (!pattern.test(value)) throw new ConfigError(key, value, `${allowed} or "${AUTO}"`);
        return value;
    }

    /** One of `choices`, or the default. */
    oneOf<T extends string>(key: string, choices: readonly T[], fallback: T): T {
        const value = this.given(key, false);
        if (value === undefined) return fallback;
        const match = choices.find((choice) => choice === value);
        if (match === undefined) throw new ConfigError(key, value, `one of ${choices.join(" | ")}`);
        return match;
    }

    /** An integer within `range`, or the default (`auto` accepted when `allowAuto`). */
    int(key: string, fallback: number, range: IntRange, allowAuto = false): number {
        const value = this.given(key, allowAuto);
        if (value === undefined) return fallback;
        const allowed = `an integer from ${range.min} to ${range.max}${allowAuto ? ` or "${AUTO}"` : ""}`;
        if (!/^-?\d+$/.test(value)) throw new ConfigError(key, value, allowed);
        const parsed = Number(value);
        if (parsed < range.min || parsed > range.max) throw new ConfigError(key, value, allowed);
        return parsed;
    }

    /** An integer from `choices`, or the default. */
    intOneOf(key: string, fallback: number, choices: readonly number[], allowAuto = false): number {
        const value = this.given(key, allowAuto);
        if (value === undefined) return fallback;
        const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!choices.includes(parsed)) throw new ConfigError(key, value, `one of ${choices.join(", ")}${allowAuto ? ` or "${AUTO}"` : ""}`);
        return parsed;
    }

    /** A decimal number in `range` that is a multiple of `step`, or the default. */
    decimal(key: string, fallback: number, range: IntRange, step: number): number {
        const value = this.given(key, false);
        if (value === undefined) return fallback;
        const allowed = `a number from ${range.min} to ${range.max} in steps of ${step}`;
        if (!/^\d+(\.\d+)?$/.test(value)) throw new ConfigError(key, value, allowed);
        const parsed = Number(value);
        if (parsed < range.min || parsed > range.max || !Number.isInteger(parsed / step)) throw new ConfigError(key, value, allowed);
        return parsed;
    }

    /** `true` or `false`, or the default (`auto` accepted when `allowAuto`). */
    bool(key: string, fallback: boolean, allowAuto = false): boolean {
        const value = this.given(key, allowAuto);
        if (value === undefined) return fallback;
        if (value === "true") return true;
        if (value === "false") return false;
        throw new ConfigError(key, value, `true or false${allowAuto ? ` or "${AUTO}"` : ""}`);
    }
}
