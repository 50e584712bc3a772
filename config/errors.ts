/**
 * One bad stack-config value: which key, what it was, what is allowed. The message says all three, e.g.
 * `runway:minTasks = "-1" is not allowed: expected an integer from 0 to 1000`.
 */
export class ConfigError extends Error {
    /** Full config key, e.g. `runway:minTasks`. */
    readonly key: string;
    /** The offending value, as given in stack config. */
    readonly value: string;
    /** What the key accepts. */
    readonly allowed: string;

    constructor(key: string, value: string, allowed: string) {
        super(`${key} = ${JSON.stringify(value)} is not allowed: expected ${allowed}`);
        this.name = "ConfigError";
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }
}
