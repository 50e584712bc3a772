/**
 * Keeps stdout for the report alone: while a program runs, anything it (or Pulumi, or ts-node) writes to stdout
 * goes to stderr instead, so `--format json` prints exactly one JSON document.
 */

/** Runs `work` with `process.stdout.write` redirected to stderr. */
export async function withStdoutOnStderr<T>(work: () => Promise<T>): Promise<T> {
    const original = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr);
    try {
        return await work();
    } finally {
        process.stdout.write = original;
    }
}
