/**
 * The one place that turns a finding (`./finding`) into the string CrossGuard carries and back: only the
 * CrossGuard boundary formats text; in-process evaluation hands findings over as values (`FINDING_SINK`).
 *
 * CrossGuard's `reportViolation(message, urn)` takes only a string, and the analyzer prefixes it with the
 * policy's description and a newline. So a finding travels as human-readable lines followed by ONE
 * machine-readable line that starts with `FINDING_MARKER` and holds a JSON object; `decodeDiagnostic` reads
 * it back from any diagnostic (in-process or over gRPC). Diagnostics without the marker (the analyzer's own
 * "can't run ... during preview" note, other packs) are decoded best-effort.
 *
 * Message layout (stable; tests pin it):
 *   [violation] <text>            | [waived] <text> | [not evaluated: <property>] <text>
 *   Path: a → b → c               (optional)
 *   Waiver: <reason> (expires YYYY-MM-DD, owner <who>)   (waived only)
 *   Remediation: <steps>
 *   runway-finding {"v":1,...}
 */

import type { DecodedFinding, Finding, FindingLevel, FindingSeverity, FindingStatus, WaiverNote } from "./finding";

/** The minimum of a diagnostic `decodeDiagnostic` needs (matches CrossGuard's and the harness's shape). */
export interface DiagnosticLike {
    policyName: string;
    message: string;
    urn?: string;
    enforcementLevel: string;
    severity?: string;
    description?: string;
}

export const FINDING_MARKER = "runway-finding ";
const FORMAT_VERSION = 1;
const PATH_SEPARATOR = " → ";

function statusLabel(f: Finding): string {
    switch (f.status) {
        case "waived":
            return "[waived]";
        case "notEvaluated":
            return f.property ? `[not evaluated: ${f.property}]` : "[not evaluated]";
        default:
            return "[violation]";
    }
}

/** One line, no newlines: keeps the layout parseable whatever the text. */
function oneLine(text: string): string {
    return text.replace(/\s*\n\s*/g, " ").trim();
}

/** The string to hand to `reportViolation`. */
export function encodeFinding(f: Finding): string {
    const lines = [`${statusLabel(f)} ${oneLine(f.message)}`];
    if (f.path && f.path.length > 0) {
        lines.push(`Path: ${f.path.map(oneLine).join(PATH_SEPARATOR)}`);
    }
    if (f.waiver) {
        lines.push(`Waiver: ${oneLine(f.waiver.reason)} (expires ${f.waiver.expires}, owner ${oneLine(f.waiver.owner)})`);
    }
    if (f.remediation) {
        lines.push(`Remediation: ${oneLine(f.remediation)}`);
    }
    const machine: Record<string, unknown> = { v: FORMAT_VERSION, policy: f.policy, status: f.status };
    if (f.urn !== undefined) machine.urn = f.urn;
    if (f.severity !== undefined) machine.severity = f.severity;
    if (f.property !== undefined) machine.property = f.property;
    if (f.path !== undefined) machine.path = f.path;
    if (f.waiver !== undefined) machine.waiver = f.waiver;
    machine.message = oneLine(f.message);
    if (f.remediation !== undefined) machine.remediation = oneLine(f.remediation);
    lines.push(`${FINDING_MARKER}${JSON.stringify(machine)}`);
    return lines.join("\n");
}

const LEVELS: ReadonlySet<string> = new Set(["advisory", "mandatory", "remediate", "disabled"]);
const SEVERITIES: ReadonlySet<string> = new Set(["low", "medium", "high", "critical"]);
const STATUSES: ReadonlySet<string> = new Set(["violation", "waived", "notEvaluated"]);

function asLevel(value: string): FindingLevel {
    return (LEVELS.has(value) ? value : "advisory") as FindingLevel;
}
function asSeverity(value: unknown): FindingSeverity | undefined {
    return typeof value === "string" && SEVERITIES.has(value) ? (value as FindingSeverity) : undefined;
}
function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asWaiver(value: unknown): WaiverNote | undefined {
    if (!isObject(value)) return undefined;
    const { reason, expires, owner } = value;
    return typeof reason === "string" && typeof expires === "string" && typeof owner === "string" ? { reason, expires, owner } : undefined;
}

/** The analyzer's own note when a policy read an unknown value through its proxy. */
const PREVIEW_NOTE = /^can't run policy '([^']+)' from policy pack .* during preview: .* value at \.(\S+) can't be known during preview/;

/** Reads a diagnostic back into a finding. Never throws. */
export function decodeDiagnostic(d: DiagnosticLike): DecodedFinding {
    const level = asLevel(d.enforcementLevel);
    const lines = d.message.split("\n");
    const markerLine = [...lines].reverse().find((l) => l.startsWith(FINDING_MARKER));
    if (markerLine) {
        try {
            const parsed: unknown = JSON.parse(markerLine.slice(FINDING_MARKER.length));
            if (isObject(parsed) && typeof parsed.policy === "string" && typeof parsed.status === "string" && STATUSES.has(parsed.status)) {
                const out: DecodedFinding = {
                    policy: parsed.policy,
                    level,
                    severity: asSeverity(parsed.severity) ?? asSeverity(d.severity),
                    urn: typeof parsed.urn === "string" ? parsed.urn : d.urn,
                    message: typeof parsed.message === "string" ? parsed.message : "",
                    status: parsed.status as FindingStatus,
                };
                if (typeof parsed.property === "string") out.property = parsed.property;
                if (Array.isArray(parsed.path) && parsed.path.every((p) => typeof p === "string")) out.path = parsed.path as string[];
                const waiver = asWaiver(parsed.waiver);
                if (waiver) out.waiver = waiver;
                if (typeof parsed.remediation === "string") out.remediation = parsed.remediation;
                return out;
            }
        } catch {
            // fall through to the best-effort reading
        }
    }
    const body = d.description && d.message.startsWith(`${d.description}\n`) ? d.message.slice(d.description.length + 1) : d.message;
    const preview = PREVIEW_NOTE.exec(body);
    if (preview) {
        return { policy: d.policyName, level, severity: asSeverity(d.severity), urn: d.urn, message: body, status: "notEvaluated", property: preview[2] };
    }
    return { policy: d.policyName, level, severity: asSeverity(d.severity), urn: d.urn, message: body, status: "violation" };
}

/** Decodes and groups diagnostics the way the plan reports them. */
export function groupFindings(diagnostics: DiagnosticLike[]): { violations: DecodedFinding[]; waived: DecodedFinding[]; notEvaluated: DecodedFinding[] } {
    const out = { violations: [] as DecodedFinding[], waived: [] as DecodedFinding[], notEvaluated: [] as DecodedFinding[] };
    for (const d of diagnostics) {
        const f = decodeDiagnostic(d);
        (f.status === "waived" ? out.waived : f.status === "notEvaluated" ? out.notEvaluated : out.violations).push(f);
    }
    return out;
}
