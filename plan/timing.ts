/**
 * Phase timings on stderr, for profiling a cold plan: `RUNWAY_PLAN_TIMING=1 npm run plan -- ...` prints one line
 * per phase (milliseconds since the process started). Silent otherwise; never on stdout.
 */

/** The environment variable that turns the timings on. */
export const TIMING_ENV = "RUNWAY_PLAN_TIMING";

const enabled = process.env[TIMING_ENV] === "1";
let last = performance.now();

/** Marks the end of a phase. */
export function phase(name: string): void {
    if (!enabled) return;
    const now = performance.now();
    process.stderr.write(`runway plan: timing ${name.padEnd(28)} +${Math.round(now - last)} ms (at ${Math.round(now)} ms)\n`);
    last = now;
}
