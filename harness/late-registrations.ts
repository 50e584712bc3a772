/**
 * Libraries register resources late, in a `beforeExit` handler they add once when their module loads (e.g.
 * `@pulumi/aws`'s `bucket.onObjectCreated` creates the `BucketNotification` there). Modules under node_modules stay
 * cached between runs, so such a handler is added only in the first run of a process; this remembers every
 * `beforeExit` handler a library adds, whenever it adds it, so each run can run them as Node would on exit.
 */
type Listener = NodeJS.BeforeExitListener;

const libraryListeners = new Set<Listener>();
let watching = false;

/** True when the code adding a listener lives under node_modules (not the program). */
function addedByLibrary(): boolean {
    const frames = (new Error().stack ?? "").split("\n").slice(1);
    const caller = frames.find((f) => !f.includes(__filename) && !f.includes("node:") && /[\\/]/.test(f));
    return caller !== undefined && /[\\/]node_modules[\\/]/.test(caller);
}

/** Starts watching `beforeExit` registrations (once per process; delegates to Node's own methods). */
export function watchLibraryBeforeExit(): void {
    if (watching) return;
    watching = true;
    for (const method of ["on", "addListener", "prependListener"] as const) {
        const original = process[method].bind(process) as (event: string | symbol, listener: (...args: unknown[]) => void) => NodeJS.Process;
        (process as unknown as Record<string, unknown>)[method] = (event: string | symbol, listener: (...args: unknown[]) => void) => {
            if (event === "beforeExit" && addedByLibrary()) {
                libraryListeners.add(listener as Listener);
            }
            return original(event, listener);
        };
    }
}

/** `beforeExit` handlers added by libraries (still attached to the process). */
export function libraryBeforeExitListeners(): Listener[] {
    const attached = new Set(process.listeners("beforeExit"));
    return [...libraryListeners].filter((l) => attached.has(l));
}
