/** `ecs-service-autoscaling`: every ECS service has an autoscaling target (min < max) with a target-tracking or step policy. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { ecsServiceAutoscaling } from "../../../policies/rules/autoscaling";
import { check, res, U, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("ecs-service-autoscaling", () => {
    declaresMetadata(ecsServiceAutoscaling, { name: "ecs-service-autoscaling", level: "mandatory", severity: "medium", frameworks: [{ name: "AWS Well-Architected", control: "REL07-BP01" }] });

    const cluster = res(AWS_TYPE.ecsCluster, "cluster", { name: "apps", arn: "arn:aws:ecs:us-east-1:1:cluster/apps" });
    const service = res(AWS_TYPE.ecsService, "web", { name: "web", cluster: "arn:aws:ecs:us-east-1:1:cluster/apps" });
    const target = (resourceId: unknown, deps: string[] = [], extra: Record<string, unknown> = {}) => res(AWS_TYPE.scalingTarget, "web-target", { resourceId, serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", minCapacity: 2, maxCapacity: 10, ...extra }, { propertyDependencies: { resourceId: deps } });
    const policy = (deps: string[], resourceId: unknown = U) => res(AWS_TYPE.scalingPolicy, "web-cpu", { policyType: "TargetTrackingScaling", resourceId }, { propertyDependencies: { resourceId: deps } });

    it("blocks a service with no scaling target", () => assert.equal(violations(check(ecsServiceAutoscaling, [cluster, service])).length, 1));
    it("passes a service linked by its known resource id", () => {
        const t = target("service/apps/web");
        assert.equal(check(ecsServiceAutoscaling, [cluster, service, t, policy([], "service/apps/web")]).length, 0);
    });
    it("passes a service linked through propertyDependencies in preview", () => {
        const t = target(U, [cluster.urn, service.urn]);
        assert.equal(check(ecsServiceAutoscaling, [cluster, service, t, policy([t.urn])]).length, 0);
    });
    it("blocks a target without a policy, and a target that cannot scale (max <= min)", () => {
        assert.equal(violations(check(ecsServiceAutoscaling, [cluster, service, target("service/apps/web")])).length, 1);
        const stuck = target("service/apps/web", [], { minCapacity: 2, maxCapacity: "2" });
        assert.equal(violations(check(ecsServiceAutoscaling, [cluster, service, stuck, policy([stuck.urn])])).length, 1);
    });
    it("does not link a target of another service (no leak to a sibling)", () => {
        const other = res(AWS_TYPE.ecsService, "api", { name: "api", cluster: "apps" });
        const f = violations(check(ecsServiceAutoscaling, [cluster, service, other, target("service/apps/web"), policy([], "service/apps/web")]));
        assert.deepEqual(f.map((x) => x.resource?.name), ["api"]);
    });
    it("skips a DAEMON service: one task per instance, nothing to scale", () => {
        assert.equal(check(ecsServiceAutoscaling, [cluster, res(AWS_TYPE.ecsService, "agent", { name: "agent", cluster: "apps", schedulingStrategy: "DAEMON" })]).length, 0);
    });
});
