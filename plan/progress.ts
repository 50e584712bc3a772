/** Progress on stderr for plans that take more than a second (nothing at all for fast ones). */

/** The delay before the first progress line. */
export const PROGRESS_AFTER_MS = 1000;

export interface Progress {
    /** Says what the plan is doing now (printed only once the plan has taken longer than the delay). */
    step(message: string): void;
    /** Stops printing. */
    stop(): void;
}

/** Starts reporting; `write` is stderr, or undefined for no progress at all. */
export function startProgress(write: ((text: string) => void) | undefined): Progress {
    const started = Date.now();
    let current = "";
    let shown = false;
    let stopped = false;
    const show = () => {
        if (write && !stopped && current) {
            write(`runway plan: ${current}…\n`);
            shown = true;
        }
    };
    const timer = setTimeout(show, PROGRESS_AFTER_MS);
    timer.unref();
    return {
        step(message) {
            current = message;
            if (shown || Date.now() - started >= PROGRESS_AFTER_MS) show();
        },
        stop() {
            stopped = true;
            clearTimeout(timer);
        },
    };
}
