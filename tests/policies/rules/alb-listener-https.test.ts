/** `alb-listener-https`: application load balancer listeners use HTTPS; an HTTP listener may only redirect to HTTPS. */
import { strict as assert } from "assert";
import { albListenerHttps } from "../../../policies/rules/access";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("alb-listener-https", () => {
    declaresMetadata(albListenerHttps, { name: "alb-listener-https", level: "advisory", severity: "medium", frameworks: [{ name: "AWS FSBP", control: "ELB.1" }, { name: "AWS FSBP", control: "ELB.2" }] });

    it("blocks an HTTP listener (protocol unset: HTTP) that forwards", () => {
        assert.equal(violations(check(albListenerHttps, [res("aws:alb/listener:Listener", "http", { port: 80, defaultActions: [{ type: "forward" }] })])).length, 1);
    });
    it("passes an HTTP listener that only redirects to HTTPS (aws:lb token)", () => {
        assert.equal(check(albListenerHttps, [res("aws:lb/listener:Listener", "http", { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS" } }] })]).length, 0);
    });
    it("ignores NLB TCP listeners", () => {
        assert.equal(check(albListenerHttps, [res("aws:lb/listener:Listener", "tcp", { protocol: "TCP" })]).length, 0);
    });
});
