/**
 * Which planted violations a pack found.
 *
 * A planted violation counts as found when the pack reports, for the planted resource's URN (or one of the
 * others on the same finding path, see `PlantedViolation.alsoAcceptable`), a diagnostic of the expected policy
 * family:
 * - Runway: an active finding (`decodeDiagnostic(...).status === "violation"`) at level mandatory or advisory;
 *   waived and "not evaluated" findings do not count.
 * - awsguard: any diagnostic (it has no notion of status) — except the analyzer's own "can't run policy during
 *   preview" note, which is not a finding.
 * Kinds a pack has no policy for at all are "not covered" (counted apart, never found).
 */
import { decodeDiagnostic } from "../model/finding-format";
import type { PolicyDiagnostic } from "../harness/types";
import { PLANTED_KINDS, type PlantedKind, type PlantedViolation } from "../fixtures/synthetic-stack";

export type PackId = "runway" | "awsguard";

/**
 * The policy expected to report each planted kind, as a regular expression over policy names (for Runway the
 * finding's own policy, also when a companion policy carried it). Runway's names are from `policies/rules/`;
 * awsguard's from `@pulumi/awsguard` 0.3.1 (`database.js`); `undefined` = the pack has no policy for this kind.
 */
export const FAMILIES: Record<PlantedKind, Record<PackId, RegExp | undefined>> = {
    "rds-public": { runway: /^no-public-data-stores$/, awsguard: /^rds-instance-public-access$/ },
    "rds-unencrypted": { runway: /^storage-encrypted-at-rest$/, awsguard: /^rds-storage-encrypted$/ },
    "sg-ssh-world": { runway: /^sg-no-world-admin-ports$/, awsguard: undefined },
    "bucket-no-sse": { runway: /^s3-bucket-encryption$/, awsguard: undefined },
    "db-subnet-igw": { runway: /^no-public-data-stores$/, awsguard: undefined },
    "ecs-no-autoscaling": { runway: /^ecs-service-autoscaling$/, awsguard: undefined },
    "db-sg-world": { runway: /^no-public-data-stores$/, awsguard: undefined },
    "bucket-no-public-access-block": { runway: /^s3-(public-access-block|bucket-public-access)$/, awsguard: undefined },
};

/** What one pack reported, reduced to what the lab needs. */
export interface Reported {
    policy: string;
    urn?: string;
}

/** The active findings of a pack's diagnostics. */
export function activeFindings(pack: PackId, diagnostics: PolicyDiagnostic[]): Reported[] {
    const out: Reported[] = [];
    for (const d of diagnostics) {
        const f = decodeDiagnostic(d);
        if (f.status === "notEvaluated") {
            continue; // the analyzer's preview note (both packs), or Runway's honest "not evaluated"
        }
        if (pack === "runway" && (f.status !== "violation" || (f.level !== "mandatory" && f.level !== "advisory"))) {
            continue;
        }
        out.push({ policy: f.policy, urn: f.urn });
    }
    return out;
}

export interface FoundCount {
    planted: number;
    /** Planted violations of kinds the pack has a policy for. */
    covered: number;
    found: number;
    byKind: Record<PlantedKind, { planted: number; found: number; covered: boolean }>;
    /** Active findings (any policy) on resources with no planted violation. */
    otherFindings: number;
    /** Active mandatory findings on resources with no planted violation (should be 0 for Runway on hero). */
    otherMandatory: number;
    /** Diagnostics saying a policy could not run during preview. */
    notEvaluated: number;
    /** A few planted violations that were missed, for the report. */
    missedExamples: string[];
}

/** Counts the planted violations `diagnostics` found. */
export function countFound(pack: PackId, planted: PlantedViolation[], diagnostics: PolicyDiagnostic[]): FoundCount {
    const byUrn = new Map<string, string[]>();
    let notEvaluated = 0;
    const plantedUrns = new Set(planted.flatMap((p) => [p.urn, ...p.alsoAcceptable]));
    let otherFindings = 0;
    let otherMandatory = 0;
    for (const d of diagnostics) {
        const f = decodeDiagnostic(d);
        if (f.status === "notEvaluated") {
            notEvaluated++;
        }
    }
    for (const d of diagnostics) {
        const f = decodeDiagnostic(d);
        const active = f.status === "violation" && (pack === "awsguard" || f.level === "mandatory" || f.level === "advisory");
        if (!active || !f.urn) {
            continue;
        }
        const list = byUrn.get(f.urn) ?? [];
        list.push(f.policy);
        byUrn.set(f.urn, list);
        if (!plantedUrns.has(f.urn)) {
            otherFindings++;
            if (f.level === "mandatory") {
                otherMandatory++;
            }
        }
    }
    const byKind = Object.fromEntries(PLANTED_KINDS.map((k) => [k, { planted: 0, found: 0, covered: FAMILIES[k][pack] !== undefined }])) as FoundCount["byKind"];
    let found = 0;
    let covered = 0;
    const missedExamples: string[] = [];
    for (const p of planted) {
        byKind[p.kind].planted++;
        const family = FAMILIES[p.kind][pack];
        if (!family) {
            continue;
        }
        covered++;
        const hit = [p.urn, ...p.alsoAcceptable].some((urn) => (byUrn.get(urn) ?? []).some((policy) => family.test(policy)));
        if (hit) {
            found++;
            byKind[p.kind].found++;
        } else if (missedExamples.length < 5) {
            missedExamples.push(`${p.kind} ${p.urn}`);
        }
    }
    return { planted: planted.length, covered, found, byKind, otherFindings, otherMandatory, notEvaluated, missedExamples };
}
