/** `--format json`: the plan document, one JSON document, nothing else. */
import type { PlanDocument } from "../document";

export function renderJson(doc: PlanDocument): string {
    return `${JSON.stringify(doc, null, 2)}\n`;
}
