/** `aws.iam.getPolicyDocument` offline: the statements rendered to the JSON AWS would return. */
import { isRecord } from "../model/wire";

function records(value: unknown): Record<string, unknown>[] {
    return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** One `statements` entry as IAM JSON. */
function renderStatement(s: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { Effect: s.effect ?? "Allow" };
    if (s.sid) out.Sid = s.sid;
    if (s.actions) out.Action = s.actions;
    if (s.notActions) out.NotAction = s.notActions;
    if (s.resources) out.Resource = s.resources;
    if (s.notResources) out.NotResource = s.notResources;
    if (Array.isArray(s.principals)) {
        const principal: Record<string, unknown> = {};
        for (const p of records(s.principals)) {
            principal[String(p.type)] = p.identifiers;
        }
        out.Principal = principal;
    }
    if (Array.isArray(s.conditions)) {
        const condition: Record<string, Record<string, unknown>> = {};
        for (const c of records(s.conditions)) {
            const test = String(c.test);
            condition[test] = { ...(condition[test] ?? {}), [String(c.variable)]: c.values };
        }
        out.Condition = condition;
    }
    return out;
}

/** The policy document of `getPolicyDocument`'s inputs, as AWS renders it. */
export function policyDocument(inputs: Record<string, unknown>): { Version: string; Statement: Record<string, unknown>[] } {
    return { Version: "2012-10-17", Statement: records(inputs.statements).map(renderStatement) };
}
