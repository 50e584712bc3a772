/**
 * What happens to a rule's finding: reported at its policy's level, or left for a companion because it must be
 * advisory whatever that level is (not evaluated in preview, waived, advisory in this stage profile), with the
 * waiver or the profile that decided it said in the finding. Internal errors of a rule become one advisory finding
 * naming the rule, never a crashed preview.
 */
import type { Finding } from "../../model/finding";
import type { StackResource } from "../../model/resource";
import { asRecord, UNKNOWN } from "../../model/values";
import type { PackScope } from "./pack-scope";
import type { RuleContext, RuleFinding, RuleMeta } from "./rule";
import type { PackSettings } from "./settings";
import { configWaiverIndex, configWaiversOf, isActive, isExpired, parseWaiverTag, WAIVER_TAG, type PolicyCatalog, type Waiver } from "./waivers";

function describeError(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
}

/** The advisory finding that says policy `policy` failed on a resource (or the stack). */
export function internalError(policy: string, urn: string | undefined, err: unknown): Finding {
    return {
        policy,
        status: "notEvaluated",
        urn,
        message: `internal error in policy ${policy}; it could not evaluate ${urn ? "this resource" : "this stack"}: ${describeError(err)}`,
        remediation: "Report this to the policy pack owners with the resource's definition; the rest of the pack ran normally.",
    };
}

/**
 * Runs `work`; any error becomes one advisory finding naming the policy, left for `runway-advisory` in `request`.
 * Synchronous work stays synchronous (rules are): a promise is returned only for asynchronous work.
 */
export function guarded(scope: PackScope, policy: string, request: string, urn: string | undefined, work: () => void | Promise<void>): void | Promise<void> {
    try {
        const pending = work();
        if (pending) {
            return pending.catch((err: unknown) => scope.advisory.leave(request, internalError(policy, urn, err)));
        }
    } catch (err) {
        scope.advisory.leave(request, internalError(policy, urn, err));
    }
}

interface WaiverVerdict {
    active?: Waiver;
    expired?: Waiver;
}

function waiverFor(rule: RuleMeta, r: StackResource | undefined, settings: PackSettings, catalog: PolicyCatalog): WaiverVerdict {
    if (!r || rule.neverWaivable === true) {
        return {};
    }
    const candidates: Waiver[] = [];
    const tags = asRecord(r.props.tags);
    if (tags !== UNKNOWN && tags !== undefined && tags[WAIVER_TAG] !== undefined) {
        candidates.push(...parseWaiverTag(tags[WAIVER_TAG], settings.now, catalog).waivers);
    }
    candidates.push(...configWaiversOf(configWaiverIndex(settings.waivers, settings.now), r.urn, r.name));
    const mine = candidates.filter((w) => w.policy === rule.name);
    const active = mine.find((w) => isActive(w, settings.now, catalog));
    return active ? { active } : { expired: mine.find((w) => isExpired(w, settings.now)) };
}

/** Reports `f` at the level of the policy running the rule (`report`), or leaves it for a companion in `request`. */
export function dispatch(scope: PackScope, rule: RuleMeta, f: RuleFinding, ctx: RuleContext, request: string, report: (finding: Finding) => void): void {
    const r = f.resource;
    const base: Finding = {
        policy: rule.name,
        status: f.status ?? "violation",
        urn: r?.urn,
        message: f.message,
        remediation: f.remediation ?? rule.remediationSteps,
        severity: rule.severity,
        property: f.property,
        path: f.path,
    };
    if (base.status === "notEvaluated") {
        if (ctx.settings.strictUnknowns) {
            report({ ...base, message: `${base.message} (strictUnknowns: reported at the policy's level)` });
        } else {
            scope.advisory.leave(request, base);
        }
        return;
    }
    const waiver = waiverFor(rule, r, ctx.settings, scope.catalog);
    if (waiver.active) {
        const { reason, expires, owner } = waiver.active;
        scope.waived.leave(request, { ...base, status: "waived", waiver: { reason, expires, owner } });
        return;
    }
    if (waiver.expired) {
        base.message = `${base.message} (a waiver for this existed but expired on ${waiver.expired.expires}; it no longer applies)`;
    }
    const stage = ctx.stage(r);
    if (rule.mandatoryIn && !rule.mandatoryIn.includes(stage)) {
        scope.advisory.leave(request, { ...base, message: `${base.message} (advisory in the ${stage} profile; mandatory in ${rule.mandatoryIn.join(", ")})` });
        return;
    }
    report(base);
}
