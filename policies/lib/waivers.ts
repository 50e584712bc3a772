/**
 * Waivers: scoped (one policy on one resource), reasoned, expiring, visible.
 *
 * - In code: the resource's own `tags["runway:waive"]` =
 *   `"<policy>: <reason>; expires=YYYY-MM-DD; owner=<who>"`, several separated by `|`. Only the resource's own
 *   `tags` count — never the provider's `defaultTags` (that would waive a policy for every resource).
 * - In pack config: `waivers: [{ policy, resource (URN or logical name), reason, expires, owner }]`.
 * A reason of at least 10 characters is required; a waiver stops working the day after `expires`, and says so;
 * some policies are never waivable. Anything malformed is reported (by the `runway-waivers` policy) and waives
 * nothing.
 */
import { pushTo } from "../../model/multimap";
import { parseDate } from "./settings";
import { isRecord } from "../../model/wire";
import { asString, plain } from "../../model/values";

export const WAIVER_TAG = "runway:waive";
export const MIN_REASON_LENGTH = 10;

export interface Waiver {
    policy: string;
    reason: string;
    /** As written, YYYY-MM-DD. */
    expires: string;
    owner: string;
    source: "tag" | "config";
    /** Config waivers: the URN or logical name they apply to. */
    resource?: string;
}

/** The policies (rules) a pack has, and which of them can never be waived: what a waiver is checked against. */
export interface PolicyCatalog {
    readonly known: ReadonlySet<string>;
    readonly neverWaivable: ReadonlySet<string>;
}

/** The catalog of a pack's rules. */
export function catalogOf(rules: readonly { name: string; neverWaivable?: boolean }[]): PolicyCatalog {
    return { known: new Set(rules.map((r) => r.name)), neverWaivable: new Set(rules.filter((r) => r.neverWaivable === true).map((r) => r.name)) };
}

/** A catalog that knows no policy: for reading waivers where only their shape matters. */
const NO_POLICIES: PolicyCatalog = { known: new Set(), neverWaivable: new Set() };

export interface ParsedWaivers {
    waivers: Waiver[];
    problems: string[];
}

function checkFields(w: Waiver, where: string, now: Date, problems: string[], catalog: PolicyCatalog): boolean {
    const before = problems.length;
    if (!catalog.known.has(w.policy)) {
        problems.push(`${where}: policy "${w.policy}" does not exist in this pack (known: ${[...catalog.known].filter((n) => !n.startsWith("runway-")).join(", ")})`);
    } else if (catalog.neverWaivable.has(w.policy)) {
        problems.push(`${where}: policy "${w.policy}" can never be waived; fix the resource instead`);
    }
    if (w.reason.trim().length < MIN_REASON_LENGTH) {
        problems.push(`${where}: reason "${w.reason.trim()}" is too short (at least ${MIN_REASON_LENGTH} characters: say why the exception is safe)`);
    }
    if (w.owner.trim() === "") {
        problems.push(`${where}: owner is missing (owner=<team or person>)`);
    }
    const expires = parseDate(w.expires);
    if (!expires) {
        problems.push(`${where}: expiry "${w.expires}" is not a date (expires=YYYY-MM-DD)`);
    } else if (expires.getTime() < now.getTime()) {
        problems.push(`${where}: waiver for "${w.policy}" expired on ${w.expires}; it no longer applies`);
    }
    return problems.length === before;
}

/** True when the waiver is well-formed, for a waivable known policy, and not expired on `now`. */
export function isActive(w: Waiver, now: Date, catalog: PolicyCatalog): boolean {
    return checkFields(w, "", now, [], catalog);
}

/** True when the waiver is well-formed otherwise but its date has passed. */
export function isExpired(w: Waiver, now: Date): boolean {
    const expires = parseDate(w.expires);
    return expires !== undefined && expires.getTime() < now.getTime();
}

/** Parses the `runway:waive` tag value. */
export function parseWaiverTag(value: unknown, now: Date, catalog: PolicyCatalog): ParsedWaivers {
    const text = asString(value);
    const out: ParsedWaivers = { waivers: [], problems: [] };
    if (typeof text !== "string") {
        if (value !== undefined) {
            out.problems.push(`tag "${WAIVER_TAG}" is not a known string; it waives nothing`);
        }
        return out;
    }
    const entries = text.split("|").map((e) => e.trim()).filter((e) => e !== "");
    if (entries.length === 0) {
        out.problems.push(`tag "${WAIVER_TAG}" is empty; expected "<policy>: <reason>; expires=YYYY-MM-DD; owner=<who>"`);
    }
    for (const entry of entries) {
        const m = /^([A-Za-z0-9_.-]+)\s*:\s*(.*)$/.exec(entry);
        if (!m) {
            out.problems.push(`tag "${WAIVER_TAG}" entry "${entry}" is malformed; expected "<policy>: <reason>; expires=YYYY-MM-DD; owner=<who>"`);
            continue;
        }
        const parts = m[2].split(";").map((p) => p.trim());
        const fields: Record<string, string> = {};
        const reasonParts: string[] = [];
        for (const part of parts) {
            const kv = /^(expires|owner)\s*=\s*(.*)$/i.exec(part);
            if (kv) {
                fields[kv[1].toLowerCase()] = kv[2].trim();
            } else if (part !== "") {
                reasonParts.push(part);
            }
        }
        const waiver: Waiver = { policy: m[1], reason: reasonParts.join("; "), expires: fields.expires ?? "", owner: fields.owner ?? "", source: "tag" };
        const where = `tag "${WAIVER_TAG}" entry for "${m[1]}"`;
        if (fields.expires === undefined) {
            out.problems.push(`${where}: expires=YYYY-MM-DD is missing (waivers must expire)`);
            continue;
        }
        checkFields(waiver, where, now, out.problems, catalog);
        out.waivers.push(waiver);
    }
    return out;
}

/** Parses config waivers; `index` in messages is 0-based. */
export function parseConfigWaivers(raw: readonly unknown[], now: Date, catalog: PolicyCatalog): ParsedWaivers {
    const out: ParsedWaivers = { waivers: [], problems: [] };
    raw.forEach((item, index) => {
        const where = `config waiver #${index + 1}`;
        if (!isRecord(item)) {
            out.problems.push(`${where} is ${JSON.stringify(item)}; expected { policy, resource, reason, expires, owner }`);
            return;
        }
        const str = (key: string): string | undefined => {
            const v = asString(plain(item[key]));
            return typeof v === "string" ? v : undefined;
        };
        const missing = ["policy", "resource", "reason", "expires", "owner"].filter((k) => str(k) === undefined || str(k)?.trim() === "");
        if (missing.length > 0) {
            out.problems.push(`${where} is missing ${missing.join(", ")}; expected { policy, resource, reason, expires, owner }`);
            return;
        }
        const waiver: Waiver = { policy: str("policy") ?? "", resource: str("resource"), reason: str("reason") ?? "", expires: str("expires") ?? "", owner: str("owner") ?? "", source: "config" };
        checkFields(waiver, `${where} (${waiver.policy} on ${waiver.resource})`, now, out.problems, catalog);
        out.waivers.push(waiver);
    });
    return out;
}

/** Config waivers by the resource they name (URN or logical name), each with its place in the config. */
export type ConfigWaiverIndex = ReadonlyMap<string, readonly { order: number; waiver: Waiver }[]>;

const indexes = new WeakMap<readonly unknown[], ConfigWaiverIndex>();

/**
 * The config waivers in `raw`, parsed and indexed by the resource they name. Findings look their resource up here
 * instead of each parsing and scanning every waiver (O(findings × waivers)). Kept per waivers array when it is
 * frozen, as `settingsResolver` hands it out for as long as the config holds.
 */
export function configWaiverIndex(raw: readonly unknown[], now: Date): ConfigWaiverIndex {
    const kept = indexes.get(raw);
    if (kept) {
        return kept;
    }
    const index = new Map<string, { order: number; waiver: Waiver }[]>();
    // Expiry is checked where a waiver is used: `now` only changes the problems reported, not the waivers kept.
    parseConfigWaivers(raw, now, NO_POLICIES).waivers.forEach((waiver, order) => pushTo(index, waiver.resource ?? "", { order, waiver }));
    if (Object.isFrozen(raw)) {
        indexes.set(raw, index);
    }
    return index;
}

/** The config waivers naming this resource (its URN, or its logical name), in config order. */
export function configWaiversOf(index: ConfigWaiverIndex, urn: string, name: string): Waiver[] {
    const byUrn = index.get(urn) ?? [];
    const byName = name !== urn ? (index.get(name) ?? []) : [];
    const both = byName.length === 0 ? byUrn : byUrn.length === 0 ? byName : [...byUrn, ...byName].sort((a, b) => a.order - b.order);
    return both.map((e) => e.waiver);
}
