/** `services-multi-az`: ECS services and Auto Scaling groups run in subnets of at least minAzs Availability Zones. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { servicesMultiAz } from "../../../policies/rules/resilience";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

const enterprise = { tags: { "runway:stage": "enterprise" } };

describe("services-multi-az", () => {
    declaresMetadata(servicesMultiAz, { name: "services-multi-az", level: "mandatory", severity: "high", frameworks: [{ name: "AWS FSBP", control: "AutoScaling.2" }, { name: "AWS Well-Architected", control: "REL10-BP01" }] });

    const a = res(AWS_TYPE.subnet, "a", { id: "subnet-a", availabilityZone: "us-east-1a" });
    const b = res(AWS_TYPE.subnet, "b", { id: "subnet-b", availabilityZone: "us-east-1b" });
    const svc = (subnets: string[], tags = enterprise) => res(AWS_TYPE.ecsService, "web", { ...tags, networkConfiguration: { subnets } });

    it("blocks an enterprise service in one Availability Zone", () => {
        assert.equal(violations(check(servicesMultiAz, [a, b, svc(["subnet-a"])])).length, 1);
    });
    it("passes the same service in subnets of two Availability Zones, and in zero", () => {
        assert.equal(check(servicesMultiAz, [a, b, svc(["subnet-a", "subnet-b"])]).length, 0);
        assert.equal(check(servicesMultiAz, [a, b, svc(["subnet-a"], { tags: { "runway:stage": "zero" } })]).length, 0);
    });
    it("blocks an Auto Scaling group listing one Availability Zone", () => {
        assert.equal(violations(check(servicesMultiAz, [res(AWS_TYPE.asg, "workers", { ...enterprise, availabilityZones: ["us-east-1a"] })])).length, 1);
    });
});
