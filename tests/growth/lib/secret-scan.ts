/**
 * A credential detector for everything a program declares: every resource's inputs and outputs and the
 * stack outputs, in wire format. Secret-wrapped values (and outputs the program lists in
 * `additionalSecretOutputs`) are fine; anything else that looks like a credential is a finding:
 *
 * - `credential-name`: a password/secret/token/key-named property (or `{ name, value }` pair, e.g. a container
 *   environment variable) holding a literal string;
 * - `aws-access-key`: `AKIA…`/`ASIA…` access key ids;
 * - `private-key`: PEM private key blocks;
 * - `high-entropy`: long random-looking tokens.
 *
 * JSON documents inside strings (container definitions, policies) and base64 user data are scanned too.
 */
import { isRecord, isUnknown, isWireSecret, RESOURCE_REF_SIG, SIG_KEY } from "../../../model/wire";
import type { ProgramRun } from "../../../harness/types";

/** Which check fired. */
export type SecretRule = "credential-name" | "aws-access-key" | "private-key" | "high-entropy" | "plain-db-password" | "plain-redis-token";

/** One credential-looking value in plain sight. */
export interface SecretFinding {
    /** Resource URN, or `stack output`. */
    where: string;
    /** Property path, e.g. `inputs.containerDefinitions[0].environment[1].value`. */
    path: string;
    rule: SecretRule;
    /** The value with its middle masked. */
    excerpt: string;
}

const CREDENTIAL_NAME = /(pass(word|wd|phrase)?|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|credential|auth)/i;
/** Names that talk about a credential without holding one (`kmsKeyId`, `secretArn`, `tokenLength`, `manageMasterUserPassword`...). */
const NOT_A_VALUE = /(id|ids|arn|arns|name|names|enabled|length|type|strategy|period|days|version|count|url|uri|path|header|mode|policy|ttl|rotation|manage\w*|prefix|keys?wo|wo|validation|tokens)$/i;
/** Literal values that are settings, not secrets (`"true"`, `"42"`, `"required"`). */
const SETTING_VALUE = /^(true|false|-?\d+(\.\d+)?|required|optional|enabled|disabled|none)$/i;
const AWS_ACCESS_KEY = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;
const PRIVATE_KEY = /-----BEGIN ([A-Z]+ )*PRIVATE KEY-----/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /[A-Za-z0-9+/=_-]{24,}/g;
/** Bits per character above which a long token looks random (a 24+ char alnum password scores ~4.5–5.9). */
export const ENTROPY_THRESHOLD = 4.3;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
    const counts = new Map<string, number>();
    for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}

function mask(value: string): string {
    return value.length <= 8 ? "****" : `${value.slice(0, 4)}…${value.slice(-2)} (${value.length} chars)`;
}

/** True when `token` looks like generated key material rather than a name, path or id. */
export function looksRandom(token: string): boolean {
    if (UUID.test(token) || token.includes("/") && !/[+=]/.test(token)) return false;
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(token)).length;
    return classes >= 3 && entropy(token) >= ENTROPY_THRESHOLD;
}

function literalCredential(key: string, value: unknown): value is string {
    return typeof value === "string" && value.trim().length > 0 && !isUnknown(value) && !SETTING_VALUE.test(value.trim()) && CREDENTIAL_NAME.test(key) && !NOT_A_VALUE.test(key) && !value.startsWith("arn:");
}

function parseEmbedded(text: string): unknown {
    const trimmed = text.trim();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return undefined;
    try {
        return JSON.parse(trimmed) as unknown;
    } catch {
        return undefined;
    }
}

/** Scans one value (any depth) and appends findings. */
export function scanValue(value: unknown, where: string, path: string, findings: SecretFinding[], key = ""): void {
    if (isWireSecret(value) || isUnknown(value) || value === null || value === undefined) return;
    if (Array.isArray(value)) {
        value.forEach((item, i) => scanValue(item, where, `${path}[${i}]`, findings, key));
        return;
    }
    if (isRecord(value)) {
        if (value[SIG_KEY] === RESOURCE_REF_SIG) return;
        if (typeof value.name === "string" && literalCredential(value.name, value.value)) {
            findings.push({ where, path: `${path}.value`, rule: "credential-name", excerpt: `${value.name}=${mask(value.value)}` });
        }
        for (const [k, v] of Object.entries(value)) scanValue(v, where, path ? `${path}.${k}` : k, findings, k);
        return;
    }
    if (typeof value !== "string") return;
    if (literalCredential(key, value)) findings.push({ where, path, rule: "credential-name", excerpt: mask(value) });
    const embedded = parseEmbedded(value);
    if (embedded !== undefined) {
        scanValue(embedded, where, `${path}(json)`, findings);
        return;
    }
    if (/base64$/i.test(key) && /^[A-Za-z0-9+/=\s]+$/.test(value)) {
        scanValue(Buffer.from(value, "base64").toString("utf8"), where, `${path}(base64)`, findings, "");
        return;
    }
    const access = AWS_ACCESS_KEY.exec(value);
    if (access) findings.push({ where, path, rule: "aws-access-key", excerpt: mask(access[0]) });
    if (PRIVATE_KEY.test(value)) findings.push({ where, path, rule: "private-key", excerpt: "-----BEGIN … PRIVATE KEY-----" });
    for (const token of value.match(TOKEN) ?? []) {
        if (looksRandom(token) && !(access && token.includes(access[0]))) {
            findings.push({ where, path, rule: "high-entropy", excerpt: mask(token) });
        }
    }
}

function withoutSecretOutputs(outputs: Record<string, unknown>, secretKeys: string[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(outputs)) if (!secretKeys.includes(k)) result[k] = v;
    return result;
}

/** Database and cache rules: RDS/Aurora passwords managed by AWS, the Redis auth token a secret. */
function scanDataStores(run: ProgramRun, findings: SecretFinding[]): void {
    for (const r of run.resources) {
        if (r.type === "aws:rds/instance:Instance" || r.type === "aws:rds/cluster:Cluster") {
            for (const key of ["password", "masterPassword"]) {
                if (r.inputs[key] !== undefined) findings.push({ where: r.urn, path: `inputs.${key}`, rule: "plain-db-password", excerpt: "a master password in state; use manageMasterUserPassword" });
            }
            if (r.inputs.manageMasterUserPassword !== true && r.inputs.replicateSourceDb === undefined && r.inputs.replicationSourceIdentifier === undefined) {
                findings.push({ where: r.urn, path: "inputs.manageMasterUserPassword", rule: "plain-db-password", excerpt: "manageMasterUserPassword is not true" });
            }
        }
        if (r.type === "aws:elasticache/replicationGroup:ReplicationGroup" && r.inputs.authToken !== undefined && !isWireSecret(r.inputs.authToken)) {
            findings.push({ where: r.urn, path: "inputs.authToken", rule: "plain-redis-token", excerpt: "the Redis auth token is not marked secret" });
        }
    }
}

/** Scans everything `run` declared. */
export function scanRun(run: ProgramRun): SecretFinding[] {
    const findings: SecretFinding[] = [];
    for (const r of run.resources) {
        scanValue(r.inputs, r.urn, "inputs", findings);
        scanValue(withoutSecretOutputs(r.outputs, r.additionalSecretOutputs), r.urn, "outputs", findings);
    }
    for (const [name, value] of Object.entries(run.outputs)) scanValue(value, "stack output", name, findings, name);
    scanDataStores(run, findings);
    return findings;
}
