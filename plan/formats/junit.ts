/**
 * `--format junit`: one JUnit XML document. A test suite per policy; each violation is a failed test case naming
 * the policy, the resource and its source location; a policy with no finding is one passing case; waived findings
 * and what could not be evaluated are skipped cases (visible, never green). With `--from`, a `stage-move` suite: each
 * stateful resource the move deletes or replaces is a case, failed when it has no migration path (data loss).
 */
import { create } from "xmlbuilder2";
import type { PlanDocument } from "../document";
import { destructiveRows } from "../transition";
import { location, resourceIndex, urnName } from "./common";

/** The suite of the stage move (`--from`). */
export const STAGE_MOVE_SUITE = "stage-move";

interface Case {
    name: string;
    classname: string;
    file?: string;
    line?: number;
    failure?: { message: string; type: string; body: string };
    skipped?: string;
}

export function renderJunit(doc: PlanDocument): string {
    const byUrn = resourceIndex(doc);
    const suites = new Map<string, Case[]>();
    const add = (suite: string, c: Case) => suites.set(suite, [...(suites.get(suite) ?? []), c]);
    for (const p of doc.pack.policies) suites.set(p.name, []);
    const placed = (urn: string | null) => {
        const r = urn ? byUrn.get(urn) : undefined;
        return { file: r?.source?.file ?? doc.program, line: r?.source?.line };
    };
    for (const v of doc.violations) {
        const r = v.urn ? byUrn.get(v.urn) : undefined;
        const where = location(r);
        add(v.policy, {
            name: `${v.policy} on ${r?.type ?? ""} ${urnName(v.urn)}`.replace(/\s+/g, " "),
            classname: `runway.${v.policy}`,
            ...placed(v.urn),
            failure: {
                message: v.message.split("\n")[0],
                type: `${v.level}/${v.severity}`,
                body: [v.message, `policy: ${v.policy}`, `resource: ${v.urn ?? "(stack)"}`, `location: ${where || doc.program}`, ...(v.path ? [`path: ${v.path.join(" -> ")}`] : [])].join("\n"),
            },
        });
    }
    for (const w of doc.waived) {
        add(w.policy, { name: `${w.policy} on ${urnName(w.urn)} (waived)`, classname: `runway.${w.policy}`, ...placed(w.urn), skipped: `waived: ${w.reason} (owner ${w.owner}, expires ${w.expires})` });
    }
    for (const n of doc.notEvaluated) {
        add("not-evaluated", { name: `${n.policy === "*" ? "all policies" : n.policy} on ${urnName(n.urn)}`, classname: "runway.not-evaluated", ...placed(n.urn), skipped: `not evaluated: ${n.property}` });
    }
    if (doc.transition) {
        const t = doc.transition;
        const { lost, migrated } = destructiveRows(t);
        suites.set(STAGE_MOVE_SUITE, []);
        for (const r of [...lost, ...migrated]) {
            const body = [r.reason, `resource: ${r.urn}`, ...(r.recipe ? [`recipe: ${r.recipe.title} (${r.recipe.doc})`] : []), ...(r.hint ? [`hint: ${r.hint}`] : [])].join("\n");
            add(STAGE_MOVE_SUITE, {
                name: `${t.from} → ${t.to}: ${r.action} ${r.type} ${urnName(r.urn)}`,
                classname: "runway.stage-move",
                file: r.source?.file ?? doc.program,
                line: r.source?.line,
                ...(r.dataLoss === true ? { failure: { message: `${r.action} loses data: ${r.reason.split(";")[0]}`, type: "stage-move/data-loss", body } } : {}),
            });
        }
        if (lost.length === 0 && migrated.length === 0) {
            add(STAGE_MOVE_SUITE, { name: `${t.from} → ${t.to}: no stateful resource deleted or replaced`, classname: "runway.stage-move" });
        }
    }
    for (const [policy, cases] of suites) {
        if (policy !== "not-evaluated" && policy !== STAGE_MOVE_SUITE && !cases.some((c) => c.failure)) {
            cases.unshift({ name: `${policy}: all resources pass`, classname: `runway.${policy}` });
        }
    }
    const all = [...suites.values()].flat();
    const failures = (cases: Case[]) => cases.filter((c) => c.failure).length;
    const skipped = (cases: Case[]) => cases.filter((c) => c.skipped !== undefined).length;
    // Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped; attributes left undefined are left out.
    const root = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" }).ele("testsuites", {
        name: `runway plan ${doc.stack}/${doc.stage}`,
        tests: all.length,
        failures: failures(all),
        errors: 0,
        skipped: skipped(all),
        time: 0,
    });
    for (const [policy, cases] of suites) {
        const suite = root.ele("testsuite", { name: policy, tests: cases.length, failures: failures(cases), errors: 0, skipped: skipped(cases), time: 0 });
        for (const c of cases) {
            const testcase = suite.ele("testcase", { name: c.name, classname: c.classname, file: c.file, line: c.line, time: 0 });
            if (c.failure) testcase.ele("failure", { message: c.failure.message, type: c.failure.type }).txt(c.failure.body);
            else if (c.skipped !== undefined) testcase.ele("skipped", { message: c.skipped });
        }
    }
    return `${root.end({ prettyPrint: true, indent: "  ", newline: "\n" })}\n`;
}
