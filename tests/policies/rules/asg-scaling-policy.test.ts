/** `asg-scaling-policy`: every Auto Scaling group has a scaling policy (zero stage: or desired == max with the opt-out tag). */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { asgScalingPolicy } from "../../../policies/rules/autoscaling";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("asg-scaling-policy", () => {
    declaresMetadata(asgScalingPolicy, { name: "asg-scaling-policy", level: "mandatory", severity: "medium", frameworks: [{ name: "AWS Well-Architected", control: "REL07-BP01" }] });

    const optOut = [{ key: "runway:autoscaling-opt-out", value: "single box", propagateAtLaunch: false }];
    const asg = res(AWS_TYPE.asg, "workers", { name: "workers", maxSize: 1, desiredCapacity: 1, tags: optOut });

    it("blocks a group with no scaling policy, and ignores the opt-out tag outside the zero stage (no stage evidence: enterprise)", () => {
        assert.equal(violations(check(asgScalingPolicy, [asg])).length, 1);
    });
    it("passes the same group with a policy linked by name", () => {
        assert.equal(check(asgScalingPolicy, [asg, res(AWS_TYPE.asgPolicy, "p", { autoscalingGroupName: "workers" })]).length, 0);
    });
    it("honours the opt-out in the zero stage when desired == max, and blocks it when desired != max", () => {
        assert.equal(check(asgScalingPolicy, [asg], { stage: "zero" }).length, 0);
        const growing = res(AWS_TYPE.asg, "workers", { name: "workers", maxSize: 3, desiredCapacity: 1, tags: optOut });
        assert.equal(violations(check(asgScalingPolicy, [growing], { stage: "zero" })).length, 1);
    });
});
