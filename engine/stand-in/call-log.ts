/**
 * The stand-in providers' call log: one JSON object a line, appended to `$RUNWAY_STANDIN_LOG` when it is set.
 * The engine tier reads it to prove what the engine asked of the "cloud" (no stateful resource deleted on a move up).
 */
import { appendFileSync } from "fs";

/** One provider call as the log records it. */
export interface ProviderCall {
    provider: string;
    method: string;
    urn?: string;
    type?: string;
    id?: string;
    preview?: boolean;
    replaces?: string[];
    deleteBeforeReplace?: boolean;
}

export function logCall(call: ProviderCall): void {
    const path = process.env.RUNWAY_STANDIN_LOG;
    if (path !== undefined && path !== "") {
        appendFileSync(path, `${JSON.stringify(call)}\n`);
    }
}

/** Reads a call log written by `logCall`. */
export function readCallLog(text: string): ProviderCall[] {
    return text
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as ProviderCall);
}
