import * as pulumi from "@pulumi/pulumi";
import { TRAIL_RETENTION_DAYS } from "../../config/defaults";
import { lookupAccount, type Account } from "../account";
import { Backup } from "../backup/backup";
import { Endpoints } from "../network/endpoints";
import { FlowLogs } from "../network/flow-logs";
import { Alarms } from "../observability/alarms";
import { platformAlarmSpecs } from "../observability/alarm-specs";
import { Dashboard } from "../observability/dashboard";
import { AppSecrets } from "../secrets/app-secrets";
import { SecurityBaseline } from "../security/baseline";
import { Key } from "../security/key";
import { declarePlatform, type Platform, type PlatformKeys } from "./platform";
import { STAGE_NAME, STAGE_TYPES, stageAliases, type StageArgs, type StageOutputs } from "./stage";

/** Keys for data, logs and queues, with the service grants each needs. */
function declareKeys(scope: pulumi.ComponentResource, account: Account, protect: boolean): PlatformKeys {
    const { accountId, partition, region } = account;
    const parent = { parent: scope };
    const data = new Key("data-key", { description: "Runway data stores", account, services: [], protect }, parent);
    const logs = new Key(
        "logs-key",
        {
            description: "Runway logs and audit trail",
            account,
            services: [
                { principal: `logs.${region}.amazonaws.com`, condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:${partition}:logs:${region}:${accountId}:log-group:*` } } },
                { principal: "cloudtrail.amazonaws.com", condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": pulumi.interpolate`arn:${partition}:cloudtrail:*:${accountId}:trail/*` } } },
            ],
            protect,
        },
        parent,
    );
    const queues = new Key(
        "queues-key",
        {
            description: "Runway queues and alert topic",
            account,
            services: [
                { principal: "cloudwatch.amazonaws.com", condition: { StringEquals: { "aws:SourceAccount": accountId } } },
                { principal: "sns.amazonaws.com", condition: { StringEquals: { "aws:SourceAccount": accountId } } },
            ],
            protect,
        },
        parent,
    );
    return { data, logs, queues };
}

/** The dashboard's graphs. */
function dashboardWidgets(p: Platform) {
    return [
        { title: "Requests and 5xx", stat: "Sum", metrics: [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", p.loadBalancer.arnSuffix], ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", p.loadBalancer.arnSuffix]] },
        { title: "Target response time p95", stat: "p95", metrics: [["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", p.loadBalancer.arnSuffix]] },
        { title: "Web and worker CPU", stat: "Average", metrics: [["AWS/ECS", "CPUUtilization", "ClusterName", p.cluster.clusterName, "ServiceName", p.web.serviceName], ["AWS/ECS", "CPUUtilization", "ClusterName", p.cluster.clusterName, "ServiceName", p.worker.serviceName]] },
        { title: "Database connections", stat: "Maximum", metrics: [["AWS/RDS", "DatabaseConnections", p.database.metricDimension, p.database.identifier]] },
        { title: "Queue depth and age", stat: "Maximum", metrics: [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", p.queue.queueName], ["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", p.queue.queueName]] },
    ];
}

/**
 * enterprise — hero across 3 AZs with a NAT gateway per AZ, plus:
 *   Aurora Serverless v2 (writer + readers), replicated Multi-AZ Redis, KMS keys (data, logs, queues),
 *   Secrets Manager, VPC endpoints, flow logs, CloudTrail, GuardDuty, Security Hub (FSBP), AWS Backup with a
 *   cross-region copy, S3 lifecycle 30 d → IA, 90 d → Deep Archive, alarms + dashboard.
 */
export class EnterpriseStage extends pulumi.ComponentResource implements StageOutputs {
    readonly url: pulumi.Output<string>;
    readonly dbEndpoint: pulumi.Output<string>;
    readonly assetsBucket: pulumi.Output<string>;
    readonly dashboardUrl: pulumi.Output<string>;
    /** CloudFront domain of the assets. */
    readonly cdnDomain: pulumi.Output<string>;
    /** ECR repository to push images to. */
    readonly repositoryUrl: pulumi.Output<string>;

    constructor(args: StageArgs, opts?: pulumi.ComponentResourceOptions) {
        super(STAGE_TYPES.enterprise, STAGE_NAME, {}, { ...opts, aliases: stageAliases("enterprise") });
        const cfg = args.config;
        if (args.backupProvider === undefined) throw new Error("EnterpriseStage needs a backupProvider in runway:backupRegion");
        const parent = { parent: this };
        const account = lookupAccount(this, cfg.region);
        const keys = declareKeys(this, account, cfg.protect);
        const platform = declarePlatform(this, cfg, account, keys);
        const { network, groups } = platform;

        new Endpoints(
            "endpoints",
            {
                region: cfg.region,
                vpcId: network.vpcId,
                subnetIds: network.appSubnetIds,
                routeTableIds: [...network.appRouteTableIds, ...(network.dataRouteTableId ? [network.dataRouteTableId] : [])],
                securityGroupId: groups.endpointSecurityGroupId ?? groups.appSecurityGroupId,
            },
            parent,
        );
        new FlowLogs("flow-logs", { vpcId: network.vpcId, retentionDays: cfg.logRetentionDays, kmsKeyArn: keys.logs.arn, protect: cfg.protect }, parent);
        new SecurityBaseline("baseline", { account, trailKmsKeyArn: keys.logs.arn, trailRetentionDays: TRAIL_RETENTION_DAYS, protect: cfg.protect }, parent);
        new AppSecrets("app-secrets", { kmsKeyArn: keys.data.arn, protect: cfg.protect }, parent);
        new Backup(
            "backup",
            {
                account,
                kmsKeyArn: keys.data.arn,
                backupProvider: args.backupProvider,
                backupRegion: cfg.backupRegion,
                resourceArns: [platform.database.arn, platform.uploads.arn],
                retentionDays: cfg.backupRetentionDays,
                protect: cfg.protect,
            },
            parent,
        );
        new Alarms(
            "alarms",
            {
                topicArn: platform.alerts.topicArn,
                alarms: platformAlarmSpecs({
                    loadBalancer: platform.loadBalancer.arnSuffix,
                    targetGroup: platform.loadBalancer.targetGroupArnSuffix,
                    clusterName: platform.cluster.clusterName,
                    webServiceName: platform.web.serviceName,
                    database: { dimension: platform.database.metricDimension, identifier: platform.database.identifier },
                    queueName: platform.queue.queueName,
                }),
            },
            parent,
        );
        const dashboard = new Dashboard("dashboard", { region: cfg.region, widgets: dashboardWidgets(platform) }, parent);

        this.url = platform.url;
        this.dbEndpoint = platform.database.endpoint;
        this.assetsBucket = platform.assets.bucketName;
        this.dashboardUrl = dashboard.url;
        this.cdnDomain = platform.cdn.domainName;
        this.repositoryUrl = platform.registry.repositoryUrl;
        this.registerOutputs({
            url: this.url,
            dbEndpoint: this.dbEndpoint,
            assetsBucket: this.assetsBucket,
            dashboardUrl: this.dashboardUrl,
            cdnDomain: this.cdnDomain,
            repositoryUrl: this.repositoryUrl,
        });
    }
}
