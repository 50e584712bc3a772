/**
 * `--usage <file>` against a program run: an Infracost usage file's resource names and keys must fit the resources
 * the program declared (the file's own shape is checked by `usageChoice` before the run, which reads it once).
 */
import * as path from "path";
import { CostInputError } from "../cost";
import { checkUsageLayer, labelledAs } from "../cost/usage";
import type { ProgramRun } from "../harness";
import type { UsageChoice } from "./costing";
import { BadInput } from "./errors";

/**
 * Throws `BadInput` (exit 2) when the usage file names a resource the run does not declare, or a key its type does
 * not take. Without a run (`--compare` plans several runs inside), each entry's keys must fit some mapped type.
 */
export function checkUsageAgainstRun(usage: UsageChoice, run: ProgramRun | undefined): void {
    if (usage.kind !== "file") return;
    const shownAs = path.relative(process.cwd(), usage.file) || usage.file;
    try {
        checkUsageLayer(labelledAs(usage.layer, shownAs), run?.resources.filter((r) => r.custom));
    } catch (err) {
        if (err instanceof CostInputError) throw new BadInput(`--usage ${err.message}`);
        throw err;
    }
}
