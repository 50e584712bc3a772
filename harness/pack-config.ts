/**
 * The `--policy-pack-config` document, and what the CLI makes of it before `Configure`:
 * `{ "all": "<level>", "<policy>": "<level>" | { "enforcementLevel"?: "<level>", ...properties } }`.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import { isRecord } from "../policies/lib/wire";

/** The config file as users write it. */
export type PackConfig = Record<string, EnforcementLevel | Record<string, unknown>>;

/** One policy's resolved config: its level (when set) and its properties. */
export type PolicyConfig = Record<string, unknown> & { enforcementLevel?: EnforcementLevel };

const LEVELS: ReadonlySet<string> = new Set(["advisory", "mandatory", "remediate", "disabled"]);

function asLevel(value: unknown, where: string): EnforcementLevel {
    if (typeof value !== "string" || !LEVELS.has(value)) {
        throw new Error(`policy pack config ${where}: enforcement level ${JSON.stringify(value)} is not one of advisory, mandatory, remediate, disabled`);
    }
    return value as EnforcementLevel;
}

/** Resolves the per-policy config the CLI would send in `Configure` (the `all` level applies to every policy). */
export function packPolicyConfig(policyNames: string[], config: PackConfig): Record<string, PolicyConfig> {
    const result: Record<string, PolicyConfig> = {};
    const all = config.all !== undefined ? asLevel(config.all, "all") : undefined;
    for (const name of policyNames) {
        const entry = config[name];
        let resolved: PolicyConfig = all ? { enforcementLevel: all } : {};
        if (typeof entry === "string") {
            resolved = { enforcementLevel: asLevel(entry, name) };
        } else if (isRecord(entry)) {
            resolved = { ...resolved, ...entry };
            if (entry.enforcementLevel !== undefined) {
                resolved.enforcementLevel = asLevel(entry.enforcementLevel, `${name}.enforcementLevel`);
            }
        }
        if (Object.keys(resolved).length > 0) {
            result[name] = resolved;
        }
    }
    for (const name of Object.keys(config)) {
        if (name !== "all" && !policyNames.includes(name)) {
            throw new Error(`policy pack config names policy "${name}", which the pack does not have`);
        }
    }
    return result;
}
