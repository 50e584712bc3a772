/** XML text and attribute escaping (drops characters XML 1.0 cannot carry). */

const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/g;

export function xmlEscape(text: string): string {
    return text
        .replace(INVALID_XML, "")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&apos;");
}

/** ` a="1" b="2"` from a record (undefined values left out). */
export function xmlAttributes(attributes: Record<string, string | number | undefined>): string {
    return Object.entries(attributes)
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
        .join("");
}
