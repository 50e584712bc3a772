/**
 * Pack-wide settings: the stage profile, strict unknowns, waivers and "today".
 *
 * CrossGuard config is per policy. The pack therefore has a first policy, `runway-settings`, whose config holds
 * the pack-wide settings; the analyzer runs policies in list order, so `runway-settings` records its config in its
 * pack's `PackWideSettings` (one per pack instance, see `PackScope`) at the start of every Analyze / AnalyzeStack
 * call and every later policy of the pack reads it. Every policy also accepts the same keys in its own config, which
 * win over the pack-wide ones (waivers add up). `resolveSettings` itself is a pure function of both configs.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { isRecord } from "../../model/wire";

export type Stage = "zero" | "hero" | "enterprise";
export const STAGES: readonly Stage[] = ["zero", "hero", "enterprise"];

export interface PackSettings {
    /** Stage profile forced by config; when absent it is read from tags, the Runway stage component, or strict. */
    stage?: Stage;
    /** Report findings that depend on an unknown value as violations at the policy's level. */
    strictUnknowns: boolean;
    /** Waivers from config (validated where they are used; see `waivers.ts`). */
    waivers: unknown[];
    /** "Today" for waiver expiry, YYYY-MM-DD (tests); else env `RUNWAY_POLICY_NOW`, else the clock. */
    now: Date;
    /** Problems found in the settings themselves. */
    problems: string[];
}

/** Environment variable that overrides "today" (YYYY-MM-DD) for waiver expiry. */
export const NOW_ENV = "RUNWAY_POLICY_NOW";

/** JSON schema of the pack-wide keys (added to every policy's configSchema). */
export const SETTINGS_SCHEMA: Record<string, PolicyConfigJSONSchema> = {
    stage: { type: "string", enum: [...STAGES], description: "Stage profile (zero | hero | enterprise). Default: from tags or the Runway stage component; unknown programs get enterprise." },
    strictUnknowns: { type: "boolean", description: "Report findings that depend on values unknown in preview as violations instead of advisory 'not evaluated' notes." },
    now: { type: "string", description: "Today's date for waiver expiry, YYYY-MM-DD (for tests)." },
    waivers: {
        type: "array",
        description: "Waivers: [{ policy, resource (URN or logical name), reason (>= 10 chars), expires (YYYY-MM-DD), owner }].",
        items: {
            type: "object",
            properties: {
                policy: { type: "string" },
                resource: { type: "string" },
                reason: { type: "string" },
                expires: { type: "string" },
                owner: { type: "string" },
            },
        },
    },
};

const SETTING_KEYS = Object.keys(SETTINGS_SCHEMA);

/** Parses YYYY-MM-DD as a UTC date; undefined when malformed or not a real date. */
export function parseDate(text: string): Date | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
    if (!m) {
        return undefined;
    }
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? date : undefined;
}

function today(): Date {
    const d = new Date();
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The settings a policy works with: the pack-wide ones (`runway-settings`' config) overlaid with its own config. */
export function resolveSettings(own: unknown, packWide: Readonly<Record<string, unknown>> = {}): PackSettings {
    const mine = isRecord(own) ? own : {};
    const problems: string[] = [];
    const pick = (key: string): unknown => (mine[key] !== undefined ? mine[key] : packWide[key]);

    let stage: Stage | undefined;
    const rawStage = pick("stage");
    if (typeof rawStage === "string" && (STAGES as readonly string[]).includes(rawStage.toLowerCase())) {
        stage = rawStage.toLowerCase() as Stage;
    } else if (rawStage !== undefined) {
        problems.push(`setting "stage" is ${JSON.stringify(rawStage)}; allowed: ${STAGES.join(", ")} (using the detected stage instead)`);
    }

    const rawStrict = pick("strictUnknowns");
    const strictUnknowns = rawStrict === true || rawStrict === "true";
    if (rawStrict !== undefined && typeof rawStrict !== "boolean" && rawStrict !== "true" && rawStrict !== "false") {
        problems.push(`setting "strictUnknowns" is ${JSON.stringify(rawStrict)}; allowed: true or false`);
    }

    let now = today();
    const rawNow = pick("now") ?? process.env[NOW_ENV];
    if (rawNow !== undefined) {
        const parsed = typeof rawNow === "string" ? parseDate(rawNow) : undefined;
        if (parsed) {
            now = parsed;
        } else {
            problems.push(`setting "now" is ${JSON.stringify(rawNow)}; expected YYYY-MM-DD`);
        }
    }

    const waivers: unknown[] = [];
    for (const source of [packWide.waivers, mine.waivers]) {
        if (Array.isArray(source)) {
            waivers.push(...source);
        } else if (source !== undefined) {
            problems.push(`setting "waivers" must be a list of { policy, resource, reason, expires, owner }; got ${JSON.stringify(source)}`);
        }
    }
    return { stage, strictUnknowns, waivers, now, problems };
}

const DAY_MS = 86_400_000;

/** True when both are records with the same keys holding the very same values. */
function sameEntries(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) {
        return false;
    }
    for (const key of keys) {
        if (a[key] !== b[key] || !(key in b)) {
            return false;
        }
    }
    return true;
}

/** The pack-wide settings of one pack instance, as `runway-settings` last recorded them. */
export class PackWideSettings {
    private values: Record<string, unknown> = {};
    /** Bumped whenever the values change, so that resolvers know their cached settings are stale. */
    private version = 0;

    /**
     * Called by `runway-settings` at the start of each Analyze / AnalyzeStack with its own config. The server hands
     * every call a fresh object with the same values: then nothing changes.
     */
    record(config: unknown): void {
        const next = isRecord(config) ? config : {};
        if (!sameEntries(this.values, next)) {
            this.values = { ...next };
            this.version++;
        }
    }

    /** A policy's settings: these pack-wide ones overlaid with its own config. */
    resolve(own: unknown): PackSettings {
        return resolveSettings(own, this.values);
    }

    /**
     * `resolve` for one caller (one rule), which asks again for every resource with the same config: the last
     * answer is reused while the config holds the same values, the pack-wide settings have not changed, the date is
     * the same (expiry is by day) and `RUNWAY_POLICY_NOW` is unchanged. The settings handed out are frozen: shared,
     * so nobody may change them.
     */
    resolver(): (own: unknown) => PackSettings {
        let last: { own: Record<string, unknown>; version: number; day: number; envNow: string | undefined; settings: PackSettings } | undefined;
        return (own) => {
            const mine = isRecord(own) ? own : {};
            const day = Math.floor(Date.now() / DAY_MS);
            const envNow = process.env[NOW_ENV];
            if (last && last.version === this.version && last.day === day && last.envNow === envNow && sameEntries(last.own, mine)) {
                return last.settings;
            }
            const resolved = this.resolve(mine);
            const settings = Object.freeze({ ...resolved, waivers: Object.freeze(resolved.waivers) as unknown[], problems: Object.freeze(resolved.problems) as string[] });
            last = { own: { ...mine }, version: this.version, day, envNow, settings };
            return settings;
        };
    }
}

/** The policy's own config without the pack-wide keys. */
export function ownOptions(own: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (isRecord(own)) {
        for (const [k, v] of Object.entries(own)) {
            if (!SETTING_KEYS.includes(k)) {
                out[k] = v;
            }
        }
    }
    return out;
}
