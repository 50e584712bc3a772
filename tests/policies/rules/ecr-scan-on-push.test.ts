/** `ecr-scan-on-push`: ECR repositories scan images on push (or a registry scanning configuration in the stack does). */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { ecrScanOnPush } from "../../../policies/rules/access";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("ecr-scan-on-push", () => {
    declaresMetadata(ecrScanOnPush, { name: "ecr-scan-on-push", level: "advisory", severity: "low", frameworks: [{ name: "AWS FSBP", control: "ECR.1" }] });

    const repo = res(AWS_TYPE.ecrRepository, "app", {});

    it("blocks a repository that leaves scanOnPush unset (default false)", () => {
        assert.equal(violations(check(ecrScanOnPush, [repo])).length, 1);
    });
    it("passes a repository with scanOnPush, and one covered by an ENHANCED registry scanning configuration", () => {
        assert.equal(check(ecrScanOnPush, [res(AWS_TYPE.ecrRepository, "app", { imageScanningConfiguration: { scanOnPush: true } })]).length, 0);
        assert.equal(check(ecrScanOnPush, [repo, res(AWS_TYPE.ecrRegistryScanning, "reg", { scanType: "ENHANCED" })]).length, 0);
    });
});
