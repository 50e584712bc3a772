/** `sg-no-world-admin-ports`: no security group allows ingress from the world to SSH, RDP or all ports. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { sgNoWorldAdminPorts } from "../../../policies/rules/access";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("sg-no-world-admin-ports", () => {
    declaresMetadata(sgNoWorldAdminPorts, {
        name: "sg-no-world-admin-ports",
        level: "mandatory",
        severity: "high",
        frameworks: [
            { name: "AWS FSBP", control: "EC2.13" },
            { name: "AWS FSBP", control: "EC2.14" },
            { name: "AWS FSBP", control: "EC2.53" },
            { name: "AWS FSBP", control: "EC2.54" },
            { name: "AWS FSBP", control: "EC2.19" },
            { name: "CIS AWS", version: "3.0", control: "5.2" },
            { name: "CIS AWS", version: "3.0", control: "5.3" },
        ],
    });

    it("blocks SSH, RDP and all-ports from the world, inline or as separate rules", () => {
        assert.equal(violations(check(sgNoWorldAdminPorts, [res(AWS_TYPE.securityGroup, "sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] })])).length, 1);
        assert.equal(violations(check(sgNoWorldAdminPorts, [res(AWS_TYPE.sgIngressRule, "r", { ipProtocol: "-1", cidrIpv6: "::/0" })])).length, 1);
        assert.equal(violations(check(sgNoWorldAdminPorts, [res(AWS_TYPE.sgRule, "r", { type: "ingress", protocol: "tcp", fromPort: 3000, toPort: 4000, cidrBlocks: ["0.0.0.0/0"] })])).length, 1);
    });
    it("passes SSH from another security group and egress rules", () => {
        assert.equal(check(sgNoWorldAdminPorts, [res(AWS_TYPE.securityGroup, "sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, securityGroups: ["sg-1"] }] })]).length, 0);
        assert.equal(check(sgNoWorldAdminPorts, [res(AWS_TYPE.sgRule, "r", { type: "egress", protocol: "-1", cidrBlocks: ["0.0.0.0/0"] })]).length, 0);
    });
    it("takes its admin ports from option adminPorts", () => {
        const db = res(AWS_TYPE.securityGroup, "sg", { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] });
        assert.equal(check(sgNoWorldAdminPorts, [db]).length, 0);
        assert.equal(violations(check(sgNoWorldAdminPorts, [db], { adminPorts: [22, 5432] })).length, 1);
    });
});
