import { strict as assert } from "assert";
import { QUEUE_SCALING_COOLDOWNS, targetTracking } from "../../components/service/scaling";

describe("components/service/scaling: target tracking", () => {
    it("takes the CPU policy's cooldowns as given (the web service's, from runway:scaleInCooldown / runway:scaleOutCooldown)", () => {
        const tracking = targetTracking({ kind: "cpu", targetPercent: 70, scaleInCooldown: 900, scaleOutCooldown: 120 }, "cluster", "web");
        assert.deepEqual([tracking.targetValue, tracking.scaleInCooldown, tracking.scaleOutCooldown], [70, 900, 120]);
        assert.deepEqual(tracking.predefinedMetricSpecification, { predefinedMetricType: "ECSServiceAverageCPUUtilization" });
    });

    it("gives queue-backlog scaling QUEUE_SCALING_COOLDOWNS when it names no cooldowns", () => {
        const tracking = targetTracking({ kind: "queue", queueName: "jobs", messagesPerTask: 100 }, "cluster", "worker");
        assert.deepEqual([tracking.targetValue, tracking.scaleInCooldown, tracking.scaleOutCooldown], [100, QUEUE_SCALING_COOLDOWNS.scaleInCooldown, QUEUE_SCALING_COOLDOWNS.scaleOutCooldown]);
    });

    it("lets queue-backlog scaling override either cooldown", () => {
        const tracking = targetTracking({ kind: "queue", queueName: "jobs", messagesPerTask: 100, scaleOutCooldown: 30 }, "cluster", "worker");
        assert.deepEqual([tracking.scaleInCooldown, tracking.scaleOutCooldown], [QUEUE_SCALING_COOLDOWNS.scaleInCooldown, 30]);
    });
});
