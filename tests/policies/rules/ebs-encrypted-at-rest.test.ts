/** `ebs-encrypted-at-rest`: EBS volumes are encrypted at rest, explicitly or by EBS encryption by default declared in the stack. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { ebsEncryptedAtRest } from "../../../policies/rules/encryption";
import { check, res, U, unknowns, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("ebs-encrypted-at-rest", () => {
    declaresMetadata(ebsEncryptedAtRest, {
        name: "ebs-encrypted-at-rest",
        level: "mandatory",
        severity: "high",
        frameworks: [{ name: "AWS FSBP", control: "EC2.3" }, { name: "AWS FSBP", control: "EC2.7" }, { name: "CIS AWS", version: "1.4", control: "2.2.1" }],
    });

    it("blocks an unencrypted data device beside an encrypted root, and a launch configuration whose root turns encryption off", () => {
        assert.equal(violations(check(ebsEncryptedAtRest, [res(AWS_TYPE.instance, "i", { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf" }] })])).length, 1);
        assert.equal(violations(check(ebsEncryptedAtRest, [res(AWS_TYPE.launchConfiguration, "lc", { rootBlockDevice: { encrypted: false } })])).length, 1);
    });
    it("passes launch template mappings that encrypt every EBS volume", () => {
        assert.equal(check(ebsEncryptedAtRest, [res(AWS_TYPE.launchTemplate, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] })]).length, 0);
    });
    describe("EBS encryption by default declared in the same program", () => {
        const byDefault = (props: Record<string, unknown> = { enabled: true }, extra = {}) => res(AWS_TYPE.ebsEncryptionByDefault, "ebs-default", props, extra);
        const bare = res(AWS_TYPE.instance, "web", { ami: "ami-1", instanceType: "t3.micro" });
        const volume = res(AWS_TYPE.ebsVolume, "data", { size: 20 });
        it("blocks an instance with no rootBlockDevice and a bare volume when nothing turns encryption on", () => {
            assert.equal(violations(check(ebsEncryptedAtRest, [bare, volume])).length, 2);
        });
        it("passes them when the stack declares aws.ebs.EncryptionByDefault (enabled defaults to true)", () => {
            assert.equal(check(ebsEncryptedAtRest, [bare, volume, byDefault()]).length, 0);
            assert.equal(check(ebsEncryptedAtRest, [bare, volume, byDefault({})]).length, 0);
        });
        it("passes them when option ebsEncryptionByDefault says the accounts enforce it outside the stack", () => {
            assert.equal(check(ebsEncryptedAtRest, [bare, volume], { ebsEncryptionByDefault: true }).length, 0);
        });
        it("still blocks when the setting is disabled, or set in another region than the resource's", () => {
            assert.equal(violations(check(ebsEncryptedAtRest, [bare, byDefault({ enabled: false })])).length, 1);
            assert.equal(violations(check(ebsEncryptedAtRest, [bare, byDefault({ enabled: true }, { providerProps: { region: "eu-west-1" } })])).length, 1);
            assert.equal(violations(check(ebsEncryptedAtRest, [bare, byDefault({ enabled: true, region: "eu-west-1" })])).length, 1, "a per-resource region (provider 7) counts too");
            assert.equal(check(ebsEncryptedAtRest, [{ ...bare, props: { ...bare.props, region: "eu-west-1" } }, byDefault({ enabled: true, region: "eu-west-1" })]).length, 0);
        });
        it("says not evaluated (not blocked) when the setting's enabled is unknown in preview", () => {
            const f = check(ebsEncryptedAtRest, [bare, byDefault({ enabled: U })]);
            assert.equal(violations(f).length, 0);
            assert.equal(unknowns(f).length, 1);
        });
    });
});
