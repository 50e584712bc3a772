import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { assumeRolePolicy, policyDocument } from "../iam/documents";
import { child, stateful } from "../options";
import { allowIn, allowOut } from "../security/rules";
import { DailySnapshots } from "./snapshots";
import { renderUserData } from "./user-data";

/** Arguments of zero's single instance. */
export interface WebServerArgs {
    /** VPC of the instance. */
    readonly vpcId: pulumi.Input<string>;
    /** Public subnet the instance runs in. */
    readonly subnetId: pulumi.Input<string>;
    /**
     * Graviton instance type.
     * @default `CONFIG_SCHEMA.instanceType` (`t4g.micro`), through `runway:instanceType`
     */
    readonly instanceType: string;
    /**
     * Encrypted gp3 root volume size (GiB).
     * @default `CONFIG_SCHEMA.rootVolumeGb` (20), through `runway:rootVolumeGb`
     */
    readonly rootVolumeGb: number;
    /**
     * Daily snapshots kept.
     * @default `CONFIG_SCHEMA.snapshotRetentionDays` (7), through `runway:snapshotRetentionDays`
     */
    readonly snapshotRetentionDays: number;
    /** Host name for Caddy's automatic TLS (`runway:domain`); Caddy serves plain :80 when unset. */
    readonly domain?: string;
    /** App container image (`runway:containerImage`); Caddy answers with a placeholder when unset. */
    readonly image?: string;
    /**
     * App container port.
     * @default `CONFIG_SCHEMA.containerPort` (8080), through `runway:containerPort`
     */
    readonly appPort: number;
    /** Bucket the instance may read and write (uploads, backups). */
    readonly bucketArn: pulumi.Input<string>;
    /**
     * Protect the instance (its root volume holds zero's data). It is retained on delete whatever this says.
     * @default `CONFIG_SCHEMA.protect` (zero and hero false), through `runway:protect`
     */
    readonly protect: boolean;
}

/** Tag that selects volumes for the daily snapshot policy. */
export const SNAPSHOT_TAG = { "runway:snapshot": "daily" } as const;
/** UTC time of the daily snapshot. */
export const SNAPSHOT_TIME = "03:00";

/** Amazon Linux 2023, arm64, newest at creation (later AMIs do not replace the instance: `ami` is ignored). */
const AL2023_ARM64 = "al2023-ami-2023.*-kernel-*-arm64";

/**
 * zero: one Graviton instance serving front and back end behind Caddy. Reachable on 80/443 only, managed
 * through SSM Session Manager (no SSH, no key pair), IMDSv2 only, encrypted root volume with daily
 * snapshots, and a fixed Elastic IP. The instance is `retainOnDelete` and its root volume outlives
 * termination, in every stage: removing it from the stack never destroys zero's data.
 */
export class WebServer extends pulumi.ComponentResource {
    /** Instance id. */
    readonly instanceId: pulumi.Output<string>;
    /** Elastic IP address. */
    readonly publicIp: pulumi.Output<string>;
    /** Security group id. */
    readonly securityGroupId: pulumi.Output<string>;

    constructor(name: string, args: WebServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:server:WebServer", name, {}, opts);

        const sg = new aws.ec2.SecurityGroup(`${name}-sg`, { vpcId: args.vpcId, description: "zero instance: HTTP/HTTPS only; shell through SSM" }, child(this));
        allowIn(this, { name: `${name}-in-https`, groupId: sg.id, port: 443, peer: { cidr: "0.0.0.0/0" }, description: "HTTPS" });
        allowIn(this, { name: `${name}-in-http`, groupId: sg.id, port: 80, peer: { cidr: "0.0.0.0/0" }, description: "HTTP (ACME challenge, redirect)" });
        allowOut(this, { name: `${name}-out-https`, groupId: sg.id, port: 443, peer: { cidr: "0.0.0.0/0" }, description: "SSM, S3, image pulls, ACME" });
        allowOut(this, { name: `${name}-out-http`, groupId: sg.id, port: 80, peer: { cidr: "0.0.0.0/0" }, description: "Package repositories" });

        const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: assumeRolePolicy("ec2.amazonaws.com") }, child(this));
        new aws.iam.RolePolicyAttachment(`${name}-ssm`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }, child(this));
        new aws.iam.RolePolicyAttachment(`${name}-cw-agent`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy" }, child(this));
        new aws.iam.RolePolicy(
            `${name}-bucket-access`,
            {
                role: role.id,
                policy: policyDocument([
                    { Effect: "Allow", Action: ["s3:ListBucket"], Resource: args.bucketArn },
                    { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: pulumi.interpolate`${args.bucketArn}/*` },
                ]),
            },
            child(this),
        );
        const profile = new aws.iam.InstanceProfile(`${name}-profile`, { role: role.name }, child(this));

        const ami = aws.ec2.getAmiOutput(
            { owners: ["amazon"], mostRecent: true, filters: [{ name: "name", values: [AL2023_ARM64] }, { name: "architecture", values: ["arm64"] }] },
            { parent: this },
        );
        const instance = new aws.ec2.Instance(
            `${name}-instance`,
            {
                ami: ami.id,
                instanceType: args.instanceType,
                subnetId: args.subnetId,
                vpcSecurityGroupIds: [sg.id],
                iamInstanceProfile: profile.name,
                associatePublicIpAddress: false,
                monitoring: false,
                disableApiTermination: args.protect,
                metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
                rootBlockDevice: { encrypted: true, volumeType: "gp3", volumeSize: args.rootVolumeGb, deleteOnTermination: false, tags: { ...SNAPSHOT_TAG } },
                userData: renderUserData({ domain: args.domain, image: args.image, appPort: args.appPort }),
                userDataReplaceOnChange: false,
            },
            // The root volume is zero's database: a stack that stops declaring the instance (a stage move, a
            // destroy) leaves it running in AWS, and terminating it by hand leaves the volume behind.
            { ...stateful(this, args.protect, { ignoreChanges: ["ami"] }), retainOnDelete: true },
        );
        const eip = new aws.ec2.Eip(`${name}-eip`, { domain: "vpc", instance: instance.id }, child(this));

        new DailySnapshots(`${name}-snapshots`, { targetTags: { ...SNAPSHOT_TAG }, retainCount: args.snapshotRetentionDays, time: SNAPSHOT_TIME }, { parent: this });

        this.instanceId = instance.id;
        this.publicIp = eip.publicIp;
        this.securityGroupId = sg.id;
        this.registerOutputs({ instanceId: this.instanceId, publicIp: this.publicIp, securityGroupId: this.securityGroupId });
    }
}
