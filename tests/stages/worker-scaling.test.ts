import { strict as assert } from "assert";
import type { ProgramRun } from "../../harness";
import { QUEUE_SCALING_COOLDOWNS } from "../../components/service/scaling";
import { input, named, runStage } from "./helpers";

const TRACKING = "targetTrackingScalingPolicyConfiguration";

/** [scale-in, scale-out] cooldowns of a scaling policy. */
function cooldowns(run: ProgramRun, policy: string): unknown[] {
    const resource = named(run, policy);
    return [input(resource, `${TRACKING}.scaleInCooldown`), input(resource, `${TRACKING}.scaleOutCooldown`)];
}

describe("worker scaling cooldowns (the web service's are web-only)", () => {
    it("runway:scaleInCooldown / runway:scaleOutCooldown change the web service's cooldowns and leave the worker's at its own defaults", async () => {
        const run = await runStage("dev", { "runway:scaleInCooldown": "900", "runway:scaleOutCooldown": "120" });
        assert.deepEqual(cooldowns(run, "web-cpu-scaling"), [900, 120]);
        assert.deepEqual(cooldowns(run, "worker-queue-scaling"), [QUEUE_SCALING_COOLDOWNS.scaleInCooldown, QUEUE_SCALING_COOLDOWNS.scaleOutCooldown]);
    });

    it("the worker's own defaults are 300 s in / 60 s out, what it has always deployed with", async () => {
        assert.deepEqual(QUEUE_SCALING_COOLDOWNS, { scaleInCooldown: 300, scaleOutCooldown: 60 });
        for (const stack of ["dev", "prod"]) assert.deepEqual(cooldowns(await runStage(stack), "worker-queue-scaling"), [300, 60], stack);
    });
});
