/**
 * Gets `runProgram`'s timeout to fire even when the program is stuck in synchronous code (`while (true) {}` at
 * its top level or in an `apply`).
 *
 * A timer cannot fire while the main thread runs JavaScript that never yields. A watchdog thread can still act: it
 * watches a heartbeat the main thread bumps every 50 ms while a run is armed; when the run's deadline has passed
 * and the heartbeat has stood still for `STALL_MS`, the main thread is stuck, and the watchdog asks the main
 * thread's inspector to `Runtime.terminateExecution`. V8 unwinds the stuck task (uncatchably), cancels the
 * termination once that task has ended, and the event loop carries on: the overdue timeout timer fires and the
 * run fails with the usual `timeout` ProgramError, and the process is left usable.
 *
 * The watchdog never interrupts a main thread that is merely busy for a moment: it acts only after the deadline
 * AND a stall, and a run that ends disarms it. It is started on the first armed run (one unref'd thread per
 * process) and only on the process's main thread (a worker thread's inspector session cannot reach itself).
 * A program blocked inside native code (`execSync` of a command that never ends) is out of its reach.
 */
import { isMainThread, Worker } from "worker_threads";

/** How long the heartbeat must stand still after the deadline before the watchdog intervenes. */
export const STALL_MS = 500;
const HEARTBEAT_MS = 50;

/** The watchdog thread: plain JavaScript, evaluated as a worker. */
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
const inspector = require("inspector");
const heartbeat = new Int32Array(workerData.heartbeat);
const deadlines = new Map();
let lastBeat = Atomics.load(heartbeat, 0);
let lastChange = Date.now();
let session;
parentPort.on("message", (m) => {
    if (m.arm !== undefined) deadlines.set(m.arm, m.deadline);
    if (m.disarm !== undefined) deadlines.delete(m.disarm);
});
setInterval(() => {
    const beat = Atomics.load(heartbeat, 0);
    const now = Date.now();
    if (beat !== lastBeat) {
        lastBeat = beat;
        lastChange = now;
        return;
    }
    if (deadlines.size === 0 || now - lastChange < workerData.stallMs) return;
    const overdue = [...deadlines.values()].some((deadline) => now > deadline);
    if (!overdue) return;
    if (!session) {
        session = new inspector.Session();
        session.connectToMainThread();
    }
    const interruption = Atomics.add(heartbeat, 1, 1) + 1;
    session.post("Runtime.terminateExecution", () => {
        // A session left open makes Node print "Waiting for the debugger to disconnect..." at exit.
        session.disconnect();
        session = undefined;
        parentPort.postMessage({ disconnected: interruption });
    });
    lastChange = now;
}, 100);
`;

interface Watchdog {
    worker: Worker;
    heartbeat: Int32Array;
}

let watchdog: Watchdog | undefined;
let nextId = 0;
let armed = 0;
let beating: NodeJS.Timeout | undefined;

function start(): Watchdog {
    const heartbeat = new Int32Array(new SharedArrayBuffer(8));
    // The watchdog is plain JavaScript: it must not inherit the process's `-r ./harness/ts-register.js`, a path
    // relative to where the plan started that no longer resolves once the run has moved into the program's folder.
    const worker = new Worker(WATCHDOG_SOURCE, { eval: true, execArgv: [], workerData: { heartbeat: heartbeat.buffer, stallMs: STALL_MS } });
    worker.unref();
    worker.on("error", () => {
        watchdog = undefined;
    });
    return { worker, heartbeat };
}

/** How many times the watchdog has interrupted this process's main thread (tests). */
export function interruptions(): number {
    return watchdog ? Atomics.load(watchdog.heartbeat, 1) : 0;
}

/** Resolves once the watchdog has closed the inspector session of interruption `n` (at most `capMs` later). */
function sessionClosed(dog: Watchdog, n: number, capMs = 1_000): Promise<void> {
    return new Promise((resolve) => {
        const cap = setTimeout(done, capMs);
        function done(): void {
            clearTimeout(cap);
            dog.worker.off("message", onMessage);
            resolve();
        }
        function onMessage(m: { disconnected?: number }): void {
            if ((m.disconnected ?? 0) >= n) {
                done();
            }
        }
        dog.worker.on("message", onMessage);
    });
}

/**
 * Arms the watchdog until `deadline` (epoch ms); returns the disarm function, which resolves once the watchdog
 * is quiet (after an interruption: once its inspector session is closed). A no-op off the main thread.
 * Arm BEFORE the work starts, and let the work start in a later task than the caller's (the interrupted task is
 * the one that is stuck; the caller must be suspended in an `await` to see its timeout fire).
 */
export function armWatchdog(deadline: number): () => Promise<void> {
    if (!isMainThread) {
        return () => Promise.resolve();
    }
    watchdog ??= start();
    const dog = watchdog;
    const id = nextId++;
    const interruptedBefore = Atomics.load(dog.heartbeat, 1);
    dog.worker.postMessage({ arm: id, deadline });
    if (armed++ === 0) {
        beating = setInterval(() => Atomics.add(dog.heartbeat, 0, 1), HEARTBEAT_MS);
        beating.unref();
    }
    let done = false;
    return async () => {
        if (done) {
            return;
        }
        done = true;
        dog.worker.postMessage({ disarm: id });
        if (--armed === 0) {
            clearInterval(beating);
            beating = undefined;
        }
        const interrupted = Atomics.load(dog.heartbeat, 1);
        if (interrupted > interruptedBefore) {
            await sessionClosed(dog, interrupted);
        }
    };
}
