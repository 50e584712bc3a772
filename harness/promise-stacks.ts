/**
 * Pulumi's SDK records `new Error().stack` on every promise it creates (`debuggablePromise`, for its promise-leak
 * report only), and ts-node's source-map support maps every frame of each of those stacks: about half a second of a
 * cold enterprise plan. The harness leaves those stacks unmapped for every program it runs (plan, tests,
 * benchmarks). Every other stack — a resource's own, whose frames give its source position, and every error
 * message — is mapped as before. With
 * `PULUMI_DEBUG_PROMISE_LEAKS` set (someone debugging leaks) nothing changes.
 */

/** The SDK function whose stacks are only kept for its promise-leak report. */
const PROMISE_STACK_OWNER = "debuggablePromise";

/** What the leak report gets instead of a mapped stack. */
export const UNMAPPED_PROMISE_STACK = "Error\n    at debuggablePromise (stack not source-mapped by Runway's harness)";

let installed = false;

/** Installs the shortcut on top of the current `Error.prepareStackTrace` (ts-node's source-map support), once. */
export function skipPromiseStackMapping(): void {
    const mapped = Error.prepareStackTrace;
    if (installed || mapped === undefined || process.env.PULUMI_DEBUG_PROMISE_LEAKS) {
        return;
    }
    installed = true;
    Error.prepareStackTrace = (error, frames) => (frames[0]?.getFunctionName() === PROMISE_STACK_OWNER ? UNMAPPED_PROMISE_STACK : mapped(error, frames));
}
