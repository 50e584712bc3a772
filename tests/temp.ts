/**
 * Temporary folders for tests: all under one folder per test process, removed when that process exits (mocha's
 * parallel workers included), so that `npm test` leaves nothing behind in the system's temporary folder.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

let root: string | undefined;

/** A fresh, empty folder; `label` names it for a person looking at it while the tests run. */
export function tempDir(label: string): string {
    if (root === undefined) {
        const created = fs.mkdtempSync(path.join(os.tmpdir(), "runway-tests-"));
        process.on("exit", () => fs.rmSync(created, { recursive: true, force: true }));
        root = created;
    }
    return fs.mkdtempSync(path.join(root, `${label}-`));
}
