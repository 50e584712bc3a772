/** `alb-access-logs`: in the enterprise profile application load balancers write access logs. */
import { strict as assert } from "assert";
import { albAccessLogs } from "../../../policies/rules/logging";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

const enterprise = { tags: { "runway:stage": "enterprise" } };

describe("alb-access-logs", () => {
    declaresMetadata(albAccessLogs, { name: "alb-access-logs", level: "mandatory", severity: "low", frameworks: [{ name: "AWS FSBP", control: "ELB.5" }] });

    it("blocks an enterprise ALB with an access-log bucket but enabled unset (defaults to false even with a bucket)", () => {
        assert.equal(violations(check(albAccessLogs, [res("aws:lb/loadBalancer:LoadBalancer", "alb", { ...enterprise, accessLogs: { bucket: "logs" } })])).length, 1);
    });
    it("passes the same ALB with enabled: true", () => {
        assert.equal(check(albAccessLogs, [res("aws:lb/loadBalancer:LoadBalancer", "alb", { ...enterprise, accessLogs: { bucket: "logs", enabled: true } })]).length, 0);
    });
    it("leaves network load balancers and other profiles alone", () => {
        assert.equal(check(albAccessLogs, [res("aws:lb/loadBalancer:LoadBalancer", "nlb", { ...enterprise, loadBalancerType: "network" })]).length, 0);
        assert.equal(check(albAccessLogs, [res("aws:lb/loadBalancer:LoadBalancer", "alb", { tags: { "runway:stage": "hero" } })]).length, 0);
    });
});
