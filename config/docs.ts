/**
 * `Pulumi.yaml`'s `config:` block and the README's config reference, rendered from the schema. `write-docs.ts`
 * (`npm run config:docs`) writes them; `tests/config/reference.test.ts` fails when the files differ.
 */
import { STAGES } from "./defaults";
import type { KeySpec } from "./key-spec";
import { CONFIG_SCHEMA, KEY_NAMES, fullKey } from "./schema";

/** The heading of the README section this module owns (up to the next `## ` heading). */
export const README_HEADING = "## Config reference";

const SPECS: readonly [string, KeySpec<unknown>][] = KEY_NAMES.map((name) => [fullKey(name), CONFIG_SCHEMA[name]]);

function appliesEverywhere(spec: KeySpec<unknown>): boolean {
    return STAGES.every((stage) => spec.stages.includes(stage));
}

/** What the key accepts, with what `auto` stands for. */
function accepts(spec: KeySpec<unknown>): string {
    return spec.auto === undefined ? spec.allowed : `${spec.allowed} (auto = ${spec.auto})`;
}

/** The `description:` of a key in `Pulumi.yaml`: its stages, what it is for, what it accepts. */
function pulumiDescription(spec: KeySpec<unknown>): string {
    const stages = appliesEverywhere(spec) ? "" : `${spec.stages.join("/")}: `;
    return `${stages}${spec.description}. Accepts ${accepts(spec)}.`;
}

/** The `config:` block of `Pulumi.yaml`, every key in schema order. */
export function renderConfigBlock(): string {
    const lines = ["config:"];
    for (const [key, spec] of SPECS) {
        const fallback = spec.type === "string" ? JSON.stringify(String(spec.default)) : String(spec.default);
        lines.push(`  ${key}:`, `    type: ${spec.type}`, `    default: ${fallback}`, `    description: ${JSON.stringify(pulumiDescription(spec))}`);
    }
    return `${lines.join("\n")}\n`;
}

/** A README table cell: pipes escaped. */
function cell(text: string): string {
    return text.replace(/\|/g, "\\|");
}

/** The README's config reference section, heading to table. */
export function renderConfigReference(): string {
    const rows = SPECS.map(([key, spec]) => {
        const fallback = spec.default === "" ? '""' : String(spec.default);
        const stages = appliesEverywhere(spec) ? "all" : spec.stages.join(", ");
        return `| \`${key}\` | ${spec.type} | \`${fallback}\` | ${stages} | ${cell(accepts(spec))} | ${cell(spec.description)}. |`;
    });
    return [
        README_HEADING,
        "",
        "Generated from `config/schema.ts`, the one place a key's kind, default, stages and description are set:",
        "`npm run config:docs` rewrites this table and the `config:` block of `Pulumi.yaml`, and a test fails when either",
        'differs from the schema. `auto` means "the stage\'s default". Stages are those whose resources the key shapes;',
        "every key is validated in every stage, before anything is declared.",
        "",
        "| Key | Type | Default | Stages | Accepts | Description |",
        "| --- | --- | --- | --- | --- | --- |",
        ...rows,
        "",
        "",
    ].join("\n");
}

/** `pulumiYaml` with its top-level `config:` block (up to the next top-level key) replaced by `renderConfigBlock()`. */
export function withConfigBlock(pulumiYaml: string): string {
    const lines = pulumiYaml.split("\n");
    const start = lines.findIndex((line) => /^config:\s*$/.test(line));
    if (start < 0) return `${pulumiYaml.replace(/\n*$/, "\n")}${renderConfigBlock()}`;
    const next = lines.findIndex((line, i) => i > start && /^\S/.test(line));
    const rest = next < 0 ? "" : lines.slice(next).join("\n");
    return `${lines.slice(0, start).join("\n")}\n${renderConfigBlock()}${rest}`;
}

/** `readme` with its config reference section replaced by `renderConfigReference()`; throws when it has none. */
export function withConfigReference(readme: string): string {
    const start = readme.indexOf(`\n${README_HEADING}\n`);
    if (start < 0) throw new Error(`README.md has no "${README_HEADING}" section`);
    const next = readme.indexOf("\n## ", start + 1);
    return `${readme.slice(0, start + 1)}${renderConfigReference()}${next < 0 ? "" : readme.slice(next + 1)}`;
}
