/**
 * The engine tier's helpers: projects in temporary folders run by the real CLI (engine/project.ts), the plan on the
 * same program, and the comparisons between the two.
 */
import * as fs from "fs";
import * as path from "path";
import { ensureEngine } from "../../engine/install";
import { REPO_ROOT } from "../../engine/paths";
import * as project from "../../engine/project";
import type { EngineProject, PolicyEvent, EngineStep } from "../../engine/project";
import { main } from "../../plan/main";
import { tempDir } from "../temp";

export type { EngineProject, PolicyEvent, EngineStep };

/** Runway's project, copied into a fresh temporary folder with a fresh engine home. */
export function copyRunway(): EngineProject {
    return project.copyRunway(tempDir("runway-project"), tempDir("engine-home"));
}

/** A policy pack fixture of `tests/engine/fixtures/<name>` in a fresh folder, node_modules linked so the CLI can start it. */
export function packFolder(name: string): string {
    const dir = tempDir(name);
    const source = path.join(__dirname, "fixtures", name);
    for (const file of fs.readdirSync(source)) fs.copyFileSync(path.join(source, file), path.join(dir, file));
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
}

/** A fixture program as its own project, in a fresh temporary folder with a fresh engine home. */
export function fixtureProject(name: string, programFile: string): EngineProject {
    return project.fixtureProject(name, programFile, tempDir(`program-${name}`), tempDir("engine-home"));
}

export { REPO_ROOT as ROOT } from "../../engine/paths";
export const POLICY_PACK = path.join(REPO_ROOT, "policies");

/** Resources the engine adds on its own: the stack and the default providers (the program declares neither). */
export function isEngineOwned(resource: { type: string; urn: string }): boolean {
    return resource.type === "pulumi:pulumi:Stack" || (resource.type.startsWith("pulumi:providers:") && resource.urn.includes("::default"));
}

/** Builds the engine once per run (cached across runs by engine/install.ts). */
export function engineReady(): void {
    ensureEngine({ log: (line) => process.stderr.write(`${line}\n`) });
}

/** The plan's JSON document for `argv` (in-process, the same code as `npm run plan`). */
export interface PlanJson {
    resources: Array<{ urn: string; type: string; parent: string | null; protect: boolean; retainOnDelete: boolean }>;
    violations: Array<{ policy: string; level: string; urn: string | null }>;
    waived: Array<{ policy: string; urn: string }>;
    notEvaluated: Array<{ policy: string; urn: string }>;
}

export async function planJson(argv: string[]): Promise<{ code: number; doc: PlanJson }> {
    let stdout = "";
    let stderr = "";
    const code = await main(["--format", "json", ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    if (code === 2) throw new Error(`plan ${argv.join(" ")}: ${stderr}`);
    return { code, doc: JSON.parse(stdout) as PlanJson };
}

/**
 * Engine resources in the plan's terms: no stack resource, no provider resources, and a parent that is the stack
 * written as "" (the plan's JSON contract says `parent: null` for "directly under the stack").
 */
export function declaredSteps(steps: EngineStep[]): EngineStep[] {
    const stack = steps.find((step) => step.type === "pulumi:pulumi:Stack")?.urn;
    return steps
        // The plan's `resources` list no provider resource, explicit ones included.
        .filter((step) => !isEngineOwned(step) && !step.type.startsWith("pulumi:providers:"))
        .map((step) => (step.parent === stack ? { ...step, parent: "" } : step));
}

/** The `runway-finding {json}` markers Runway's pack writes into a CrossGuard message (one per finding). */
const FINDING_MARKER = /^runway-finding (\{.*\})$/gm;

/**
 * `policy urn` keys of the mandatory findings in the engine's events, sorted. Runway's pack reports graph and
 * stack findings through its stack policies (CrossGuard's `policyName` is then `runway-graph`); the finding's own
 * rule and resource are in its marker, which is what the plan reports too.
 */
export function mandatoryEvents(events: PolicyEvent[]): string[] {
    return findingKeys(
        events.filter((event) => event.enforcementLevel === "mandatory"),
        "violation",
    );
}

/** `policy urn` keys of the waived findings in the engine's events (reported through `runway-waivers`), sorted. */
export function waivedEvents(events: PolicyEvent[]): string[] {
    return findingKeys(events, "waived");
}

function findingKeys(events: PolicyEvent[], status: string): string[] {
    const stackUrn = (urn: string | null | undefined): string => (urn === undefined || urn === null || urn.includes("::pulumi:pulumi:Stack::") ? "(stack)" : urn);
    return events
        .flatMap((event) => {
            const markers = [...event.message.matchAll(FINDING_MARKER)].map((match) => JSON.parse(match[1] ?? "{}") as { policy: string; urn?: string | null; status: string });
            if (markers.length === 0) return status === "violation" ? [`${event.policyName} ${stackUrn(event.resourceUrn)}`] : [];
            // A stack-wide finding names the Stack resource under the engine and `null` in the plan (its contract).
            return markers.filter((marker) => marker.status === status).map((marker) => `${marker.policy} ${stackUrn(marker.urn)}`);
        })
        .sort();
}

/** The plan's waived findings as `policy urn` keys. */
export function waivedFindings(doc: PlanJson): string[] {
    return doc.waived.map((waived) => `${waived.policy} ${waived.urn}`).sort();
}

/** The same keys from the plan. */
export function mandatoryViolations(doc: PlanJson): string[] {
    return doc.violations
        .filter((violation) => violation.level === "mandatory")
        .map((violation) => `${violation.policy} ${violation.urn ?? "(stack)"}`)
        .sort();
}
