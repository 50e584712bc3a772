/**
 * The stage-move preview as the plan CLI uses it (`npm run plan -- --from zero --stage hero`): run the same
 * program and stack at both stages under the mock runtime and compute the move.
 */
import { runProgram } from "../harness/run-program";
import { computeTransition } from "./compute";
import { renderTransitionMarkdown, renderTransitionText } from "./render";
import type { Transition } from "./types";

/** What to preview. */
export interface StageMoveRequest {
    /** The program's entry file (Runway's `index.ts`). */
    program: string;
    /** The stack that moves (its `Pulumi.<stack>.yaml` applies to both runs). */
    stack: string;
    /** Stage the stack is in. */
    from: string;
    /** Stage it moves to. */
    to: string;
    /** Config overrides for both runs (`runway:stage` is set per run). */
    config?: Record<string, string>;
    /** Extra overrides for the `to` run only (e.g. `runway:dbSnapshotIdentifier` for the migration). */
    toConfig?: Record<string, string>;
    /** Model `pulumi preview` (unknown provider outputs). Default false. */
    preview?: boolean;
    /** Per-run timeout. */
    timeoutMs?: number;
}

/** The preview: the JSON `transition` field, the exit verdict and both renderings. */
export interface StageMove {
    transition: Transition;
    blocked: boolean;
    text: string;
    markdown: string;
}

/** Runs the program at both stages and computes the move. Program errors propagate as the harness's `ProgramError`. */
export async function previewStageMove(request: StageMoveRequest): Promise<StageMove> {
    const base = { program: request.program, stack: request.stack, preview: request.preview ?? false, timeoutMs: request.timeoutMs };
    const fromRun = await runProgram({ ...base, config: { ...request.config, "runway:stage": request.from } });
    const toRun = await runProgram({ ...base, config: { ...request.config, ...request.toConfig, "runway:stage": request.to } });
    const transition = computeTransition(fromRun, toRun, { from: request.from, to: request.to });
    return { transition, blocked: transition.blocked, text: renderTransitionText(transition), markdown: renderTransitionMarkdown(transition) };
}
