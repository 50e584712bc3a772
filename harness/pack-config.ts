/**
 * The `--policy-pack-config` document, and what the CLI makes of it before `Configure`:
 * `{ "all": "<level>", "<policy>": "<level>" | { "enforcementLevel"?: "<level>", ...properties } }`.
 *
 * As the CLI's `ReconcilePolicyPackConfig` (pulumi `sdk/go/common/resource/analyzer/config.go`): every policy
 * with a config schema starts from its schema's `default`s, `all` sets every level, each entry's level and
 * properties apply on top, and the result is validated against each policy's schema
 * (`{ type: "object", properties, required }`, JSON Schema) — an invalid config stops the run before any
 * policy runs. Stricter than the CLI in one way: naming a policy the pack does not have is an error, not ignored
 * (it is nearly always a typo that would silently configure nothing).
 */
import type { EnforcementLevel } from "@pulumi/policy";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { isRecord } from "../model/wire";

/** The config file as users write it. */
export type PackConfig = Record<string, EnforcementLevel | Record<string, unknown>>;

/** One policy's resolved config: its level (when set) and its properties. */
export type PolicyConfig = Record<string, unknown> & { enforcementLevel?: EnforcementLevel };

/** What the CLI knows of a policy (`GetAnalyzerInfo`): its name and config schema. */
export interface PolicyConfigInfo {
    name: string;
    configSchema?: { properties?: Record<string, unknown>; required?: string[] };
}

const LEVELS: ReadonlySet<string> = new Set(["advisory", "mandatory", "remediate", "disabled"]);

function asLevel(value: unknown, where: string): EnforcementLevel {
    if (typeof value !== "string" || !LEVELS.has(value)) {
        throw new Error(`policy pack config ${where}: enforcement level ${JSON.stringify(value)} is not one of advisory, mandatory, remediate, disabled`);
    }
    return value as EnforcementLevel;
}

/** The schema's `default`s, as the CLI fills them in. */
function defaultsOf(info: PolicyConfigInfo): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(info.configSchema?.properties ?? {})) {
        if (isRecord(property) && property.default !== undefined) {
            out[key] = property.default;
        }
    }
    return out;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();

/** The compiled validator of a policy's schema (cached by schema text: the same pack is configured many times). */
function validatorFor(schema: NonNullable<PolicyConfigInfo["configSchema"]>): ValidateFunction {
    const document = { type: "object", ...(schema.properties ? { properties: schema.properties } : {}), ...(schema.required?.length ? { required: schema.required } : {}) };
    const key = JSON.stringify(document);
    let validate = validators.get(key);
    if (!validate) {
        validate = ajv.compile(document);
        validators.set(key, validate);
    }
    return validate;
}

function describe(e: ErrorObject): string {
    const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "";
    const allowed = e.keyword === "enum" && isRecord(e.params) && Array.isArray(e.params.allowedValues) ? ` (${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")})` : "";
    return `${at ? `${at}: ` : ""}${e.message ?? e.keyword}${allowed}`;
}

/**
 * Resolves the per-policy config the CLI would send in `Configure`; throws on a config the CLI would refuse.
 * `validate: false` skips the schema validation only (to test how a pack copes with values no CLI would pass on).
 */
export function packPolicyConfig(policies: readonly PolicyConfigInfo[], config: PackConfig, options: { validate?: boolean } = {}): Record<string, PolicyConfig> {
    const names = policies.map((p) => p.name);
    for (const name of Object.keys(config)) {
        if (name !== "all" && !names.includes(name)) {
            throw new Error(`policy pack config names policy "${name}", which the pack does not have`);
        }
    }
    const result: Record<string, PolicyConfig> = {};
    const all = config.all !== undefined ? asLevel(config.all, "all") : undefined;
    const problems: string[] = [];
    for (const info of policies) {
        const entry = config[info.name];
        let resolved: PolicyConfig = { ...defaultsOf(info), ...(all ? { enforcementLevel: all } : {}) };
        if (typeof entry === "string") {
            resolved.enforcementLevel = asLevel(entry, info.name);
        } else if (isRecord(entry)) {
            resolved = { ...resolved, ...entry };
            if (entry.enforcementLevel !== undefined) {
                resolved.enforcementLevel = asLevel(entry.enforcementLevel, `${info.name}.enforcementLevel`);
            }
        }
        if (info.configSchema && options.validate !== false) {
            const { enforcementLevel: _level, ...properties } = resolved;
            void _level;
            const validate = validatorFor(info.configSchema);
            if (!validate(properties)) {
                problems.push(...(validate.errors ?? []).map((e) => `policy "${info.name}": ${describe(e)}`));
            }
        }
        if (Object.keys(resolved).length > 0) {
            result[info.name] = resolved;
        }
    }
    if (problems.length > 0) {
        throw new Error(`policy pack config is invalid: ${problems.join("; ")}`);
    }
    return result;
}
