import { strict as assert } from "assert";
import { priceResources } from "../../cost";
import { UNKNOWN_STRING } from "../../model/wire";
import { stack, type FixtureResource } from "./fixtures";
import { c, lineOf, tempJson } from "./helpers";

const ARM_TASK_HOUR = 0.25 * 0.03238 + 0.5 * 0.00356;
const X86_TASK_HOUR = 0.25 * 0.04048 + 0.5 * 0.004445;

function fargate(extra: FixtureResource[] = [], targetProps: Record<string, unknown> = { minCapacity: 2, maxCapacity: 10 }): FixtureResource[] {
    return [
        { type: "aws:ecs/taskDefinition:TaskDefinition", name: "web-task", props: { family: "web", cpu: "256", memory: "512", runtimePlatform: { cpuArchitecture: "ARM64" } } },
        { type: "aws:ecs/service:Service", name: "web", props: { launchType: "FARGATE", desiredCount: 2, taskDefinition: UNKNOWN_STRING }, deps: { taskDefinition: ["web-task"] } },
        { type: "aws:appautoscaling/target:Target", name: "web-scaling", props: targetProps, deps: { resourceId: ["web"] } },
        ...extra,
    ];
}

describe("cost: Fargate services at their autoscaled average", () => {
    it("prices at the average between min and max, not at desiredCount, and shows the range", () => {
        const report = priceResources(stack(...fargate()), { stage: "hero" });
        const line = lineOf(report, "web");
        // hero: avgTaskFraction 0.15 → 2 + 0.15 × 8 = 3.2 tasks
        assert.equal(line.monthlyUsd, c(3.2 * ARM_TASK_HOUR * 730));
        assert.deepEqual(line.range, { minUsd: c(2 * ARM_TASK_HOUR * 730), maxUsd: c(10 * ARM_TASK_HOUR * 730) });
        assert.match(line.basis, /avg 3\.2 tasks \(min 2\.\.max 10, usage-hero\.json: ecs\.avgTaskFraction 0\.15\)/);
        assert.notEqual(line.monthlyUsd, c(2 * ARM_TASK_HOUR * 730), "not priced at desiredCount");
        const saving = report.savings.find((s) => s.urn === line.urn);
        assert.ok(saving);
        assert.equal(saving.withoutUsd, c(10 * ARM_TASK_HOUR * 730));
    });

    it("prices a service without an autoscaling target at desiredCount, X86_64 by default", () => {
        const report = priceResources(
            stack(
                { type: "aws:ecs/taskDefinition:TaskDefinition", name: "api-task", props: { family: "api", cpu: "0.25 vCPU", memory: "0.5 GB" } },
                { type: "aws:ecs/service:Service", name: "api", props: { launchType: "FARGATE", desiredCount: 2, taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:3" } },
            ),
        );
        assert.equal(lineOf(report, "api").monthlyUsd, c(2 * X86_TASK_HOUR * 730));
        assert.match(lineOf(report, "api").basis, /desiredCount, no autoscaling target/);
    });

    it("links the target by its resourceId when there is no property dependency", () => {
        const report = priceResources(
            stack(
                { type: "aws:ecs/taskDefinition:TaskDefinition", name: "w-task", props: { family: "w", cpu: "512", memory: "1024", runtimePlatform: { cpuArchitecture: "ARM64" } } },
                { type: "aws:ecs/service:Service", name: "w", props: { name: "worker", cluster: "arn:aws:ecs:us-east-1:1:cluster/main", launchType: "FARGATE", taskDefinition: "w" } },
                { type: "aws:appautoscaling/target:Target", name: "w-target", props: { resourceId: "service/main/worker", minCapacity: 1, maxCapacity: 5 } },
            ),
            { usage: tempJson({ fields: { "ecs.avgTasks": 2 } }) },
        );
        const line = lineOf(report, "w");
        assert.equal(line.monthlyUsd, c(2 * (0.5 * 0.03238 + 1 * 0.00356) * 730));
        assert.match(line.basis, /avg 2 tasks \(min 1\.\.max 5, .*ecs\.avgTasks 2\)/);
    });

    it("runs a night-scheduled service only its scheduled hours and lists the saving", () => {
        const report = priceResources(
            stack(
                ...fargate([
                    { type: "aws:appautoscaling/scheduledAction:ScheduledAction", name: "night-off", props: { schedule: "cron(0 20 ? * MON-FRI *)", scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } }, deps: { resourceId: ["web-scaling"] } },
                    { type: "aws:appautoscaling/scheduledAction:ScheduledAction", name: "morning-on", props: { schedule: "cron(0 8 ? * MON-FRI *)", scalableTargetAction: { minCapacity: 2, maxCapacity: 10 } }, deps: { resourceId: ["web-scaling"] } },
                ]),
            ),
            { usage: tempJson({ fields: { "ecs.avgTaskFraction": 0 } }) },
        );
        const hours = 12 * (730 / 24) * (5 / 7);
        const line = lineOf(report, "web");
        assert.equal(line.monthlyUsd, c(2 * ARM_TASK_HOUR * hours));
        assert.match(line.basis, /scheduled on 12 h\/day, 5 days\/week/);
        const night = report.savings.find((s) => s.title.includes("scheduled off at night"));
        assert.ok(night);
        assert.equal(night.withoutUsd, c(2 * ARM_TASK_HOUR * 730));
    });

    it("refuses a service whose task size cannot be known, instead of guessing", () => {
        const report = priceResources(stack({ type: "aws:ecs/service:Service", name: "orphan", props: { launchType: "FARGATE", taskDefinition: UNKNOWN_STRING } }));
        assert.deepEqual(report.unpriced, ["aws:ecs/service:Service"]);
        assert.match(report.unpricedResources[0].reason, /task definition not linked/);
    });
});
