/**
 * The deterministic ingredients of every mocked value: one account, and hex and UUIDs derived from a seed, so the
 * same program always gets the same ids (in the mock runtime and in the engine's stand-in provider alike).
 */
import { createHash } from "crypto";

/** The account every mocked ARN belongs to. */
export const MOCK_ACCOUNT_ID = "123456789012";

/** Short stable hex derived from a seed (the same program always gets the same ids); any length. */
export function stableHex(seed: string, length: number): string {
    let hex = "";
    for (let block = 0; hex.length < length; block++) {
        hex += createHash("sha256").update(block === 0 ? seed : `${seed}#${block}`).digest("hex");
    }
    return hex.slice(0, length);
}

/** A UUID-shaped id derived from a seed (the shape of the ids the engine gives provider resources). */
export function stableUuid(seed: string): string {
    const hex = stableHex(seed, 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
