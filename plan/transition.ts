/**
 * The stage-move preview hook (`--from <stage> --stage <stage>`, issue 12). The plan parses and checks `--from`
 * and hands it here; the preview itself is written separately and plugged in by setting `transition`.
 */
import type { Stage } from "../config/defaults";
import type { PlanDocument } from "./document";

/** What the hook gets: the two stages, and a way to plan the stack at any stage. */
export interface TransitionRequest {
    from: Stage;
    to: Stage;
    /** Plans the same program and stack at `stage` (runs the program under the mock runtime). */
    planStage(stage: Stage): Promise<PlanDocument>;
    /** The plan at the target stage (`to`). */
    target: PlanDocument;
}

/** What the hook returns: the `transition` field of the plan, and whether it blocks (exit 1). */
export interface TransitionResult {
    transition: unknown;
    blocked: boolean;
}

export type TransitionHook = (request: TransitionRequest) => Promise<TransitionResult>;

/** The installed stage-move preview; undefined until it is written. */
export const transition: TransitionHook | undefined = undefined;
