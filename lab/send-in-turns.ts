/**
 * One run sent to several analyzers at once, in turns: each analyzer gets the run's calls in the engine's order,
 * one at a time (as `sendRun` of the harness sends them to one), but the analyzers take turns every `turnCalls`
 * calls, and which one goes first alternates from turn to turn. Each analyzer's time is the sum of its own turns,
 * so the machine's drift over the minutes of a large run weighs on every analyzer alike. The lab's gRPC rows use it.
 */
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type { AnalyzerConnection, EncodedRun, RunResponses } from "../harness";

const ANALYZE = AnalyzerService.analyze.path;
const ANALYZE_STACK = AnalyzerService.analyzeStack.path;

/** What `sendRunInTurns` measured of one analyzer: its answers, its time, or the error that stopped it. */
export interface TurnResult {
    responses?: RunResponses;
    /** The sum of its turns, ms: what `sendRun` alone would time, without the other analyzers' turns in between. */
    ms: number;
    error?: unknown;
}

/** Sends `run` to every connection in turns of `turnCalls` calls. An analyzer whose call fails drops out; the others go on. */
export async function sendRunInTurns(connections: readonly Pick<AnalyzerConnection, "channel">[], run: EncodedRun, turnCalls = 250): Promise<TurnResult[]> {
    const n = run.analyze.length;
    const state = connections.map(() => ({ analyze: new Array<Buffer>(n), stack: undefined as Buffer | undefined, ms: 0, error: undefined as unknown }));
    const turn = async (c: number, work: (channel: AnalyzerConnection["channel"]) => Promise<void>) => {
        const s = state[c];
        if (s.error !== undefined) return;
        const started = process.hrtime.bigint();
        try {
            await work(connections[c].channel);
        } catch (err) {
            s.error = err;
        }
        s.ms += Number(process.hrtime.bigint() - started) / 1e6;
    };
    let round = 0;
    for (let from = 0; from < n; from += turnCalls, round++) {
        const to = Math.min(n, from + turnCalls);
        for (let k = 0; k < connections.length; k++) {
            const c = (k + round) % connections.length;
            await turn(c, async (channel) => {
                for (let i = from; i < to; i++) state[c].analyze[i] = await channel.call(ANALYZE, run.analyze[i].request);
            });
        }
    }
    for (let k = 0; k < connections.length; k++) {
        const c = (k + round) % connections.length;
        await turn(c, async (channel) => {
            state[c].stack = await channel.call(ANALYZE_STACK, run.stack);
        });
    }
    return state.map((s) => (s.error !== undefined || !s.stack ? { ms: s.ms, error: s.error ?? new Error("no AnalyzeStack answer") } : { responses: { analyze: s.analyze, stack: s.stack }, ms: s.ms }));
}
