import { strict as assert } from "assert";
import { priceResources } from "../../cost";
import { stack } from "./fixtures";
import { c, lineOf } from "./helpers";

describe("cost: EC2, EBS and public IPv4", () => {
    describe("Auto Scaling groups", () => {
        const template = { type: "aws:ec2/launchTemplate:LaunchTemplate", name: "lt", props: { instanceType: "t3.micro", blockDeviceMappings: [{ ebs: { volumeSize: 8, volumeType: "gp3" } }] } };
        const group = { type: "aws:autoscaling/group:Group", name: "asg", props: { name: "asg", minSize: 1, maxSize: 4, desiredCapacity: 2 }, deps: { launchTemplate: ["lt"] } };
        // t3.micro $0.0104/h (us-east-1, https://aws.amazon.com/ec2/pricing/on-demand/) + 8 GB gp3 × $0.08/GB-mo.
        const perInstance = 730 * 0.0104 + 8 * 0.08;
        it("runs desiredCapacity instances when nothing in the stack scales the group", () => {
            const line = lineOf(priceResources(stack(template, group)), "asg");
            assert.equal(line.monthlyUsd, c(2 * perInstance));
            assert.match(line.basis, /2 instances \(desiredCapacity; no scaling policy in the stack\)/);
        });
        it("never prices a scaled group below its desiredCapacity", () => {
            const policy = { type: "aws:autoscaling/policy:Policy", name: "cpu", props: { autoscalingGroupName: "asg", policyType: "TargetTrackingScaling" } };
            const line = lineOf(priceResources(stack(template, group, policy)), "asg");
            assert.ok(line.monthlyUsd >= c(2 * perInstance), line.basis);
            assert.match(line.basis, /desired 2/);
        });
    });

    it("prices one t4g.micro with 8 GB gp3 and an Elastic IP to the cent", () => {
        const report = priceResources(
            stack(
                { type: "aws:ec2/instance:Instance", name: "app", props: { instanceType: "t4g.micro", rootBlockDevice: { volumeSize: 8, volumeType: "gp3" } } },
                { type: "aws:ec2/eip:Eip", name: "ip", props: { domain: "vpc" }, deps: { instance: ["app"] } },
            ),
        );
        assert.equal(lineOf(report, "app").monthlyUsd, c(730 * 0.0084 + 8 * 0.08)); // 6.77
        assert.equal(lineOf(report, "ip").monthlyUsd, 3.65);
        assert.equal(report.monthlyUsd, 10.42);
        assert.match(lineOf(report, "app").basis, /730 h × \$0\.0084\/h \(t4g\.micro\)/);
        assert.match(lineOf(report, "ip").basis, /public IPv4/);
        assert.deepEqual(report.unpriced, []);
    });

    it("charges internet egress beyond the account's free 100 GB once", () => {
        const report = priceResources(
            stack(
                { type: "aws:ec2/instance:Instance", name: "a", props: { instanceType: "t4g.small", associatePublicIpAddress: true } },
                { type: "aws:ec2/instance:Instance", name: "b", props: { instanceType: "t4g.small", associatePublicIpAddress: true } },
                { type: "aws:ec2/instance:Instance", name: "c", props: { instanceType: "t4g.small", associatePublicIpAddress: true } },
            ),
        );
        // 50 GB each (by-type default): a and b use the free 100 GB, c pays 50 GB × $0.09.
        const base = 730 * 0.0168 + 8 * 0.08 + 730 * 0.005;
        assert.equal(lineOf(report, "a").monthlyUsd, c(base));
        assert.equal(lineOf(report, "b").monthlyUsd, c(base));
        assert.equal(lineOf(report, "c").monthlyUsd, c(base + 50 * 0.09));
        assert.match(lineOf(report, "a").basis, /root volume 8 GB gp3 .*AMI default 8 GB assumed/);
    });

    it("leaves an instance type without a price unpriced, with the reason", () => {
        const report = priceResources(stack({ type: "aws:ec2/instance:Instance", name: "big", props: { instanceType: "u-24tb1.metal" } }));
        assert.deepEqual(report.unpriced, ["aws:ec2/instance:Instance"]);
        assert.match(report.unpricedResources[0].reason, /no price for instance type u-24tb1\.metal/);
        assert.equal(report.monthlyUsd, 0);
    });

    it("prices gp3 volumes with IOPS and throughput above the baseline", () => {
        const report = priceResources(stack({ type: "aws:ebs/volume:Volume", name: "data", props: { size: 100, type: "gp3", iops: 4000, throughput: 250 } }));
        assert.equal(lineOf(report, "data").monthlyUsd, c(100 * 0.08 + 1000 * 0.005 + 125 * 0.04));
    });

    it("prices DLM snapshots from usage, not as free", () => {
        const report = priceResources(stack({ type: "aws:dlm/lifecyclePolicy:LifecyclePolicy", name: "daily" }), { stage: "zero" });
        const line = lineOf(report, "daily");
        assert.equal(line.monthlyUsd, c(10 * 0.05));
        assert.equal(line.usageBased, true);
        assert.match(line.basis, /usage-zero\.json: ebsSnapshot\.gbStored 10/);
    });
});
