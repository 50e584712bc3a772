/**
 * Stack configuration as the Pulumi CLI would assemble it: project defaults from `Pulumi.yaml`, the stack's
 * own values from `Pulumi.<stack>.yaml`, then `-c key=value` overrides. Keys without a namespace belong to
 * the project (`stage` in project `runway` is `runway:stage`).
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { isRecord } from "../model/wire";
import { findProjectFile } from "./project";

/** What `Pulumi.yaml` (and the stack file) told us. */
export interface StackConfig {
    /** Project name (`name:` in Pulumi.yaml), or "project" when there is none. */
    project: string;
    /** `<namespace>:<key>` → string value. */
    values: Record<string, string>;
    /** Keys whose value is secret (`secure:` in the stack file). */
    secretKeys: string[];
    /** Where each value came from: the project file's default, the stack file, or an override (`-c`). */
    origins: Record<string, ConfigOrigin>;
    /** The project file, when one was found. */
    projectFile?: string;
    /** The stack file, when one was found. */
    stackFile?: string;
}

/** Where a config value was set. */
export type ConfigOrigin = { kind: "project"; file: string } | { kind: "stack"; file: string } | { kind: "override" };

/** A config file or value that cannot be used, with the file and key named. */
export class StackConfigError extends Error {}

/** Placeholder for `secure:` values: there is no key to decrypt them offline. */
export const OFFLINE_SECRET_VALUE = "offline-placeholder-secret";

function readYaml(file: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = yaml.load(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new StackConfigError(`${file}: not valid YAML (${err instanceof Error ? err.message : String(err)})`);
    }
    if (parsed === undefined || parsed === null) {
        return {};
    }
    if (!isRecord(parsed)) {
        throw new StackConfigError(`${file}: expected a YAML mapping at the top level`);
    }
    return parsed;
}

function qualify(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Reads the program's `Pulumi.yaml` (`findProjectFile`: beside it, or up the tree; a program with none gets project
 * "project" and no defaults) and assembles the config of `stack`, with `overrides` (`key` or `namespace:key` →
 * value) applied last.
 */
export function loadStackConfig(programFile: string, stack: string, overrides: Record<string, string> = {}): StackConfig {
    const projectFile = findProjectFile(programFile);
    const result: StackConfig = { project: "project", values: {}, secretKeys: [], origins: {} };
    if (projectFile) {
        const doc = readYaml(projectFile);
        result.projectFile = projectFile;
        if (typeof doc.name === "string") {
            result.project = doc.name;
        }
        const declared = isRecord(doc.config) ? doc.config : {};
        for (const [key, spec] of Object.entries(declared)) {
            const value = isRecord(spec) ? ("default" in spec ? spec.default : spec.value) : spec;
            if (value !== undefined && value !== null) {
                result.values[qualify(result.project, key)] = asConfigString(value);
                result.origins[qualify(result.project, key)] = { kind: "project", file: projectFile };
            }
        }
        const stackFile = path.join(path.dirname(projectFile), `Pulumi.${stack}.yaml`);
        if (fs.existsSync(stackFile)) {
            result.stackFile = stackFile;
            const stackDoc = readYaml(stackFile);
            const values = isRecord(stackDoc.config) ? stackDoc.config : {};
            for (const [key, value] of Object.entries(values)) {
                const qualified = qualify(result.project, key);
                if (isRecord(value) && typeof value.secure === "string") {
                    result.values[qualified] = OFFLINE_SECRET_VALUE;
                    result.secretKeys.push(qualified);
                    result.origins[qualified] = { kind: "stack", file: stackFile };
                } else if (value !== null && value !== undefined) {
                    result.values[qualified] = asConfigString(value);
                    result.origins[qualified] = { kind: "stack", file: stackFile };
                }
            }
        }
    }
    for (const [key, value] of Object.entries(overrides)) {
        result.values[qualify(result.project, key)] = value;
        result.origins[qualify(result.project, key)] = { kind: "override" };
    }
    return result;
}

/** The stack files that exist beside a project file (`dev`, `prod`, ...). */
export function knownStacks(projectFile: string): string[] {
    const dir = path.dirname(projectFile);
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}
