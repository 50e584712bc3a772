/** `stateful-resources-protected`: stateful resources have the Pulumi `protect` option (mandatory in enterprise). */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { statefulResourcesProtected } from "../../../policies/rules/resilience";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("stateful-resources-protected", () => {
    declaresMetadata(statefulResourcesProtected, { name: "stateful-resources-protected", level: "mandatory", severity: "medium", frameworks: [] });

    it("blocks a DynamoDB table without protect", () => {
        assert.equal(violations(check(statefulResourcesProtected, [res(AWS_TYPE.dynamoTable, "t")])).length, 1);
    });
    it("passes the same table with protect in its resource options", () => {
        assert.equal(check(statefulResourcesProtected, [res(AWS_TYPE.dynamoTable, "t", {}, { protect: true })]).length, 0);
    });
    it("leaves stateless resources alone", () => {
        assert.equal(check(statefulResourcesProtected, [res(AWS_TYPE.securityGroup, "sg")]).length, 0);
    });
});
