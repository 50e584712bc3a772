/**
 * One reading of a property for the whole product: a string-typed boolean or number (as programs pass them and the
 * provider accepts them) means the same to the policies, the cost model and the transition engine.
 */
import * as assert from "assert";
import { priceResources } from "../../cost";
import { AWS_TYPE } from "../../model/aws-types";
import { dbHighAvailability } from "../../policies/rules/resilience";
import { computeTransition } from "../../transition";
import { stack } from "../cost/fixtures";
import { lineOf } from "../cost/helpers";
import { programRun, resource } from "../growth/lib/runs";
import { check, res, violations } from "../policies/helpers";

const database = (multiAz: boolean | string) => ({ engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, multiAz, tags: { "runway:stage": "enterprise" } });

describe("one property reader: multiAz \"true\" is multi-AZ everywhere", () => {
    it("the policies read it as true", () => {
        assert.equal(violations(check(dbHighAvailability, [res(AWS_TYPE.rdsInstance, "db", database("true"))])).length, 0);
    });

    it("the cost model prices it as Multi-AZ, the same as multiAz: true", () => {
        const asText = lineOf(priceResources(stack({ type: AWS_TYPE.rdsInstance, name: "db", props: database("true") })), "db");
        const asBool = lineOf(priceResources(stack({ type: AWS_TYPE.rdsInstance, name: "db", props: database(true) })), "db");
        assert.equal(asText.monthlyUsd, asBool.monthlyUsd);
        assert.ok(asText.monthlyUsd > lineOf(priceResources(stack({ type: AWS_TYPE.rdsInstance, name: "db", props: database(false) })), "db").monthlyUsd);
    });

    it("the transition engine sees \"true\" → true as no change", () => {
        const t = computeTransition(programRun("a", [resource(AWS_TYPE.rdsInstance, "db", database("true"))]), programRun("b", [resource(AWS_TYPE.rdsInstance, "db", database(true))]));
        assert.equal(t.resources.find((r) => r.urn.endsWith("::db"))?.action, "keep");
    });
});
