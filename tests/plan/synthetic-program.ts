/**
 * A large Pulumi program on disk, for reports that must stay readable (and under GitHub's comment limit) however
 * big the stack: the shared synthetic stack (`fixtures/synthetic-stack/`: hero units with planted violations, in
 * update mode) written as a program that declares each resource with its inputs, in a temporary folder.
 */
import * as fs from "fs";
import * as path from "path";
import { generateStack } from "../../fixtures/synthetic-stack";
import { tempDir } from "../temp";
import { ROOT } from "./helpers";

const PROGRAM = `import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";

interface Declared { type: string; name: string; inputs: Record<string, unknown> }

/** Any provider resource, by its type token. */
class Resource extends pulumi.CustomResource {
    constructor(type: string, name: string, inputs: Record<string, unknown>) {
        super(type, name, inputs);
    }
}

const declared = JSON.parse(fs.readFileSync(path.join(__dirname, "resources.json"), "utf8")) as Declared[];
for (const r of declared) {
    new Resource(r.type, r.name, r.inputs);
}
`;

/** Writes a program of exactly `resources` resources; returns its entry file. */
export function writeSyntheticProgram(resources: number): string {
    const dir = tempDir(`synthetic-${resources}`);
    const stack = generateStack({ resources, mode: "update" });
    const declared = stack.run.resources.map((r) => ({ type: r.type, name: r.name, inputs: r.inputs }));
    fs.writeFileSync(path.join(dir, "resources.json"), JSON.stringify(declared));
    fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
    // A program has its own node_modules; this one borrows Runway's (the same @pulumi/pulumi the harness runs).
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return path.join(dir, "index.ts");
}
