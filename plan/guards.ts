/** Small runtime type guards for data that crosses a module boundary we do not own (JSON files, other packages). */

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
