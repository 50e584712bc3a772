/**
 * `npm run config:docs`: rewrites `Pulumi.yaml`'s `config:` block and the README's config reference from the schema.
 * `npm run config:docs -- --check` writes nothing and exits 1 when either file differs from the schema.
 */
import * as fs from "fs";
import * as path from "path";
import { withConfigBlock, withConfigReference } from "./docs";

const ROOT = path.resolve(__dirname, "..");

/** Each generated file and how to bring its text in step with the schema. */
const GENERATED_FILES: readonly { file: string; sync: (text: string) => string }[] = [
    { file: path.join(ROOT, "Pulumi.yaml"), sync: withConfigBlock },
    { file: path.join(ROOT, "README.md"), sync: withConfigReference },
];

function main(argv: readonly string[]): number {
    const check = argv.includes("--check");
    let stale = 0;
    for (const { file, sync } of GENERATED_FILES) {
        const current = fs.readFileSync(file, "utf8");
        const synced = sync(current);
        if (synced === current) continue;
        stale++;
        if (check) process.stderr.write(`${path.relative(ROOT, file)} differs from config/schema.ts: run npm run config:docs\n`);
        else fs.writeFileSync(file, synced);
    }
    if (!check) process.stdout.write(stale === 0 ? "Pulumi.yaml and README.md already match config/schema.ts\n" : `rewrote ${stale} file(s) from config/schema.ts\n`);
    return check && stale > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
