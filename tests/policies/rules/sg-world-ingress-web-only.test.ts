/** `sg-world-ingress-web-only`: ingress from the world only on web ports, and only to a load balancer's security group. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { sgWorldIngressWebOnly } from "../../../policies/rules/access";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("sg-world-ingress-web-only", () => {
    declaresMetadata(sgWorldIngressWebOnly, { name: "sg-world-ingress-web-only", level: "advisory", severity: "medium", frameworks: [{ name: "AWS FSBP", control: "EC2.18" }, { name: "AWS FSBP", control: "EC2.19" }] });

    const lbSg = res(AWS_TYPE.securityGroup, "lb", { id: "sg-lb", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });

    it("blocks 443 from the world on a security group no load balancer uses", () => {
        assert.equal(violations(check(sgWorldIngressWebOnly, [lbSg])).length, 1);
    });
    it("passes 443 from the world on a load balancer's security group", () => {
        const lb = res("aws:alb/loadBalancer:LoadBalancer", "alb", { securityGroups: ["sg-lb"] });
        assert.equal(check(sgWorldIngressWebOnly, [lbSg, lb]).length, 0);
    });
    it("blocks a port other than 80/443 from the world", () => {
        const app = res(AWS_TYPE.securityGroup, "app", { ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }] });
        assert.equal(violations(check(sgWorldIngressWebOnly, [app])).length, 1);
    });
});
