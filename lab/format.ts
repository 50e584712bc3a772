/** How the lab prints: progress lines on stderr, times and numbers for the table and the summary. */

/** A progress line on stderr (the table and the summary go to stdout). */
export const log = (line: string) => process.stderr.write(`${line}\n`);

/** A number rounded to one decimal (a time in ms, a rate); null when it is not finite. */
export const num = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 10) / 10 : null);

/** `850 ms`, `12.3 s`, or `n/a`. */
export function fmtMs(ms: number | null): string {
    if (ms === null || !Number.isFinite(ms)) {
        return "n/a";
    }
    return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** `text` padded to `width`, on the left when `right`. */
export function pad(text: string, width: number, right = false): string {
    return right ? text.padStart(width) : text.padEnd(width);
}
