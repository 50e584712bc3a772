/** Renders a plan document in the chosen format. */
import type { Format } from "../args";
import type { PlanDocument } from "../document";
import { renderJson } from "./json";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { renderSarif } from "./sarif";
import { renderText, type TextContext } from "./text";

export function render(doc: PlanDocument, format: Format, context: TextContext = {}): string {
    switch (format) {
        case "json":
            return renderJson(doc);
        case "markdown":
            return renderMarkdown(doc);
        case "sarif":
            return renderSarif(doc);
        case "junit":
            return renderJunit(doc);
        case "text":
            return renderText(doc, context);
    }
}
