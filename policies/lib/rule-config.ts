/**
 * A rule's settings and options from CrossGuard config: a resource rule's own policy config, or a graph rule's entry
 * in `runway-graph`'s config (`"<rule>": "<level>"` or `{ enforcementLevel?, ...options }`).
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { isRecord } from "../../model/wire";
import type { RuleMeta, StackRule } from "./rule";
import { ownOptions, SETTINGS_SCHEMA, type PackSettings, type PackWideSettings } from "./settings";

export interface RuleConfig {
    settings: PackSettings;
    options: Record<string, unknown>;
}

function matchesType(value: unknown, schema: PolicyConfigJSONSchema): boolean {
    switch (schema.type) {
        case "integer":
            return typeof value === "number" && Number.isInteger(value);
        case "number":
            return typeof value === "number" && Number.isFinite(value);
        case "boolean":
            return typeof value === "boolean";
        case "string":
            return typeof value === "string" && (!schema.enum || schema.enum.includes(value));
        case "array":
            return Array.isArray(value);
        case "object":
            return typeof value === "object" && value !== null && !Array.isArray(value);
        default:
            return true;
    }
}

/** The rule's options: each given value of the right type, else the option's default. */
function optionsOf(rule: RuleMeta, own: unknown): Record<string, unknown> {
    const given = ownOptions(own);
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(rule.options ?? {})) {
        const value = given[key];
        out[key] = value !== undefined && matchesType(value, schema) ? value : schema.default;
    }
    return out;
}

/** A resource rule's config schema: its options and the pack-wide settings. */
export function configSchemaOf(rule: RuleMeta): { properties: Record<string, PolicyConfigJSONSchema> } {
    return { properties: { ...(rule.options ?? {}), ...SETTINGS_SCHEMA } };
}

/**
 * A rule's settings and options from its config. A resource rule is asked once per resource with the same config:
 * both are resolved again only when the config's values, the pack-wide settings or the date change
 * (`PackWideSettings.resolver`), and are shared (frozen) meanwhile.
 */
export function ruleConfig(rule: RuleMeta, packWide: PackWideSettings): (own: unknown) => RuleConfig {
    const settingsOf = packWide.resolver();
    let last: RuleConfig | undefined;
    return (own) => {
        const settings = settingsOf(own);
        if (last?.settings !== settings) {
            last = { settings, options: Object.freeze(optionsOf(rule, own)) };
        }
        return last;
    };
}

/** Levels a graph rule can be given in `runway-graph`'s config (stack policies cannot remediate). */
export const GRAPH_RULE_LEVELS = ["advisory", "mandatory", "disabled"] as const;
export type GraphRuleLevel = (typeof GRAPH_RULE_LEVELS)[number];

/** A graph rule's entry in the config schema of the policy that runs it. */
export function graphRuleSchema(rule: StackRule, graphPolicy: string, advisoryPolicy: string): PolicyConfigJSONSchema {
    // A level string ("advisory") or an object ({ enforcementLevel, ...options }), as CrossGuard's own config
    // entries; `pattern` constrains only the string form, `properties` only the object form (JSON Schema).
    return {
        type: ["string", "object"],
        pattern: `^(${GRAPH_RULE_LEVELS.join("|")})$`,
        description: `${rule.name}: ${rule.description} Default level ${rule.enforcementLevel}.`,
        properties: {
            enforcementLevel: { type: "string", enum: [...GRAPH_RULE_LEVELS], description: `Level of ${rule.name} (default ${rule.enforcementLevel}); mandatory findings are reported by ${graphPolicy}, advisory ones by ${advisoryPolicy}.` },
            ...(rule.options ?? {}),
            ...SETTINGS_SCHEMA,
        },
        additionalProperties: false,
    };
}

/** A graph rule's level and own config from its entry: `"<rule>": "<level>"` or `{ enforcementLevel?, ...options }`. */
export function graphRuleEntry(config: Record<string, unknown>, rule: StackRule): { level: GraphRuleLevel; own: Record<string, unknown> } {
    const own: Record<string, unknown> = {};
    for (const key of Object.keys(SETTINGS_SCHEMA)) {
        if (config[key] !== undefined) own[key] = config[key];
    }
    const entry = config[rule.name];
    const declared: unknown = typeof entry === "string" ? entry : isRecord(entry) ? entry.enforcementLevel : undefined;
    const fallback: GraphRuleLevel = rule.enforcementLevel === "advisory" || rule.enforcementLevel === "disabled" ? rule.enforcementLevel : "mandatory";
    const level = (GRAPH_RULE_LEVELS as readonly unknown[]).includes(declared) ? (declared as GraphRuleLevel) : declared === "remediate" ? "mandatory" : fallback;
    if (isRecord(entry)) {
        for (const [k, v] of Object.entries(entry)) {
            if (k !== "enforcementLevel") own[k] = v;
        }
    }
    return { level, own };
}

/** A policy's config as a record (CrossGuard hands `{}` when there is none). */
export function asConfig(value: unknown): Record<string, unknown> {
    return isRecord(value) ? value : {};
}
