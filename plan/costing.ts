/**
 * The one place the plan meets the cost model (`cost/`): checks the usage option, prices the declared resources,
 * and makes sure nothing is silently free — remote components and anything the model did not price end up in
 * `unpriced` with a note.
 */
import * as fs from "fs";
import * as path from "path";
import { CostInputError, priceResources, type PriceOptions } from "../cost";
import { labelledAs, readUsageFile, type UsageLayer } from "../cost/usage";
import { toStackResources, type ProgramRun } from "../harness";
import type { PlanCost } from "./document";
import { BadInput } from "./errors";

/** Which usage assumptions to price with; a file is read once, here, and `layer` is what was read (shown as given). */
export type UsageChoice = { kind: "default" } | { kind: "none" } | { kind: "file"; file: string; layer: UsageLayer };

/** What to price. */
export interface CostRequest {
    region: string;
    /** Runway's stage (its usage file), or undefined for a program that is not Runway's (usage by type). */
    stage?: string;
    usage: UsageChoice;
}

/**
 * Checks `--usage`: "none", or an existing usage file — Runway's JSON/YAML shape or an Infracost usage file — whose
 * content is read and checked now, before the program runs (its resource names are checked after the run, against
 * the same reading).
 */
export function usageChoice(arg: string | undefined): UsageChoice {
    if (arg === undefined) {
        return { kind: "default" };
    }
    if (arg === "none") {
        return { kind: "none" };
    }
    const file = path.resolve(arg);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        throw new BadInput(`--usage ${arg}: no such file (give a usage file: Runway's JSON/YAML or an Infracost usage file; or "none" for the price floor)`);
    }
    try {
        return { kind: "file", file, layer: readUsageFile(file, arg, false) };
    } catch (err) {
        if (err instanceof CostInputError) throw new BadInput(`--usage ${err.message}`);
        throw err;
    }
}

/** The cost model's `usage` option for a usage choice: a file's layer as read, shown in `basis` by its full path. */
export function usageOption(usage: UsageChoice): PriceOptions["usage"] {
    return usage.kind === "none" ? "none" : usage.kind === "file" ? labelledAs(usage.layer, usage.file) : undefined;
}

/** Prices a run; bad prices or usage input (unknown region, malformed usage file) is `BadInput`. */
export function priceRun(run: ProgramRun, request: CostRequest): PlanCost {
    let report;
    try {
        report = priceResources(toStackResources(run), { region: request.region, stage: request.stage, usage: usageOption(request.usage) });
    } catch (err) {
        if (err instanceof CostInputError) {
            throw new BadInput(`cannot price the stack: ${err.message}`);
        }
        throw err;
    }
    const remote = run.resources.filter((r) => r.remote);
    // Components (not custom, not remote: e.g. `aws:s3:BucketEventSubscription`) cost nothing themselves.
    const components = new Set(run.resources.filter((r) => !r.custom && !r.remote).map((r) => r.urn));
    const unpricedResources = report.unpricedResources.filter((u) => !components.has(u.urn));
    const assumptions = [...report.assumptions];
    if (remote.length > 0) {
        assumptions.unshift(`${remote.length} remote component(s) (${[...new Set(remote.map((r) => r.type))].join(", ")}) not checked and not priced: their resources are created by a plugin and invisible offline`);
    }
    const notes = [...assumptions, ...unpricedResources.map((u) => `unpriced ${u.type} ${u.urn.split("::").pop() ?? ""}: ${u.reason}`)];
    return {
        monthlyUsd: report.monthlyUsd,
        currency: "USD",
        region: report.region,
        priceDate: report.priceDate,
        lines: report.lines.map((l) => ({ urn: l.urn, type: l.type, monthlyUsd: l.monthlyUsd, basis: l.basis, ...(l.range ? { range: l.range } : {}), ...(l.needsUsage ? { needsUsage: true } : {}) })),
        unpriced: [...new Set([...unpricedResources.map((u) => u.type), ...remote.map((r) => r.type)])].sort(),
        savings: report.savings.map((s) => ({ title: s.title, urn: s.urn, monthlyUsd: s.withUsd, comparedToUsd: s.withoutUsd, detail: s.explanation })),
        monthlyRange: report.monthlyRange,
        notes,
        assumptions,
        complete: unpricedResources.length === 0 && remote.length === 0,
        unpricedResources: [
            ...remote.map((r) => ({ urn: r.urn, type: r.type, reason: "remote component: its resources are created by a plugin and invisible offline" })),
            ...unpricedResources.map((u) => ({ urn: u.urn, type: u.type, reason: u.reason })),
        ],
    };
}
