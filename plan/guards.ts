/** Small runtime type guards for data that crosses a module boundary we do not own (JSON files, other packages). */

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Requires a module by absolute path when it exists; undefined when it does not (other modules are in progress). */
export function requireIfPresent(modulePath: string): Record<string, unknown> | undefined {
    let resolved: string;
    try {
        resolved = require.resolve(modulePath);
    } catch {
        return undefined;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded: unknown = require(resolved);
    return isObject(loaded) ? loaded : undefined;
}
