/**
 * `@pulumi/pulumi` 3.270 targets Node 22 and calls `fs.promises.glob` (Node ≥ 22) when it serializes a function
 * (e.g. `bucket.onObjectCreated(...)`) inside an npm workspace. On Node 20 that call does not exist; this installs a
 * minimal stand-in for the patterns it uses (workspace globs such as `packages/*\/package.json`), only when missing.
 */
import * as fs from "fs";
import * as path from "path";

type Glob = (pattern: string) => AsyncIterable<string>;

function segmentMatcher(segment: string): RegExp {
    const escaped = segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
    return new RegExp(`^${escaped}$`);
}

/** Expands `pattern` (absolute, with `*`, `?` and `**` segments) to the existing paths it matches. */
export function expandGlob(pattern: string): string[] {
    const absolute = path.resolve(pattern).split(path.sep).join("/");
    const [first, ...segments] = absolute.split("/");
    let matches = [first === "" ? "/" : first];
    for (const segment of segments) {
        const next: string[] = [];
        for (const dir of matches) {
            if (segment === "**") {
                const walk = (d: string): void => {
                    next.push(d);
                    for (const entry of safeReaddir(d)) if (entry.isDirectory()) walk(path.join(d, entry.name));
                };
                walk(dir);
            } else if (!/[*?]/.test(segment)) {
                const candidate = path.join(dir, segment);
                if (fs.existsSync(candidate)) next.push(candidate);
            } else {
                const matcher = segmentMatcher(segment);
                for (const entry of safeReaddir(dir)) if (matcher.test(entry.name)) next.push(path.join(dir, entry.name));
            }
        }
        matches = next;
    }
    return [...new Set(matches)];
}

function safeReaddir(dir: string): fs.Dirent[] {
    try {
        return fs.readdirSync(dir, { withFileTypes: true });
    } catch {
        return [];
    }
}

/** Installs `fs.promises.glob` when the running Node lacks it. */
export function installNodeCompat(): void {
    const promises = fs.promises as unknown as { glob?: Glob };
    if (typeof promises.glob === "function") return;
    promises.glob = async function* glob(pattern: string) {
        yield* expandGlob(pattern);
    };
}
