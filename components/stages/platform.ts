import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { RunwayConfig } from "../../config/types";
import type { Account } from "../account";
import { Budget } from "../budget/budget";
import { Redis } from "../cache/redis";
import { Cdn } from "../cdn/cdn";
import { Postgres } from "../database/postgres";
import { Certificate } from "../edge/certificate";
import { LoadBalancer, ACCESS_LOG_PREFIX } from "../edge/load-balancer";
import { Waf } from "../edge/waf";
import { Network } from "../network/network";
import { Alerts } from "../observability/alerts";
import { child } from "../options";
import { Parameters } from "../parameters/parameters";
import { Queue } from "../queue/queue";
import { Repository } from "../registry/repository";
import { SecurityGroups } from "../security/groups";
import { Cluster } from "../service/cluster";
import { FargateService } from "../service/fargate-service";
import { TaskRoles } from "../service/task-roles";
import { Bucket } from "../storage/bucket";

/** Customer-managed keys enterprise adds; hero passes none and AWS-managed encryption applies. */
export interface PlatformKeys {
    /** Databases, buckets, parameters, secrets, backups. */
    readonly data: { readonly arn: pulumi.Output<string> };
    /** Log groups, flow logs, CloudTrail. */
    readonly logs: { readonly arn: pulumi.Output<string> };
    /** Queues and the alert topic. */
    readonly queues: { readonly arn: pulumi.Output<string> };
}

/** The blocks hero and enterprise share, for the enterprise stage to wire extras onto. */
export interface Platform {
    network: Network;
    groups: SecurityGroups;
    uploads: Bucket;
    assets: Bucket;
    cdn: Cdn;
    registry: Repository;
    queue: Queue;
    database: Postgres;
    cache: Redis;
    cluster: Cluster;
    loadBalancer: LoadBalancer;
    web: FargateService;
    worker: FargateService;
    alerts: Alerts;
    /** Public URL of the app. */
    url: pulumi.Output<string>;
}

/**
 * hero's architecture, declared into `scope` (the stage component) with the same child names in hero and
 * enterprise, so growing keeps URNs (see `stageAliases`). Enterprise passes keys and a bigger config:
 *
 *   internet ▶ WAF ▶ ALB (public subnets) ▶ web tasks (app subnets, NAT egress) ▶ Postgres / Redis (data subnets)
 *   CloudFront ▶ assets bucket (OAC)          worker tasks ◀ SQS (+DLQ)
 */
export function declarePlatform(scope: pulumi.ComponentResource, cfg: RunwayConfig, account: Account, keys?: PlatformKeys): Platform {
    const parent = { parent: scope };
    const stack = pulumi.getStack();
    const enterprise = cfg.stage === "enterprise";

    const network = new Network(
        "network",
        { region: cfg.region, cidr: cfg.network.cidr, azCount: cfg.network.azCount, privateSubnets: true, nat: cfg.network.natPerAz ? "perAz" : "single" },
        parent,
    );
    const groups = new SecurityGroups("security", { vpcId: network.vpcId, vpcCidr: network.vpcCidr, containerPort: cfg.web.containerPort, endpoints: enterprise }, parent);

    const uploads = new Bucket("uploads", { kmsKeyArn: keys?.data.arn, protect: cfg.protect }, parent);
    const assets = new Bucket(
        "assets",
        { manageBucketPolicy: false, lifecycle: enterprise ? { iaDays: cfg.assets.iaDays, archiveDays: cfg.assets.archiveDays } : undefined, protect: cfg.protect },
        parent,
    );
    const elbAccount = aws.elb.getServiceAccountOutput({}, parent);
    const albLogs = new Bucket(
        "alb-logs",
        {
            protect: cfg.protect,
            policyStatements: (bucketArn) => [
                {
                    Sid: "ElbLogDelivery",
                    Effect: "Allow",
                    Principal: { AWS: elbAccount.arn },
                    Action: "s3:PutObject",
                    Resource: pulumi.interpolate`${bucketArn}/${ACCESS_LOG_PREFIX}/AWSLogs/${account.accountId}/*`,
                },
            ],
        },
        parent,
    );
    const cdn = new Cdn("cdn", { bucketName: assets.bucketName, bucketArn: assets.arn, bucketRegionalDomainName: assets.regionalDomainName }, parent);

    const registry = new Repository("registry", { keepImages: cfg.ecrKeepImages, protect: cfg.protect }, parent);
    const queue = new Queue("jobs", { visibilityTimeoutSeconds: cfg.worker.visibilityTimeout, maxReceiveCount: cfg.worker.maxReceiveCount, kmsKeyArn: keys?.queues.arn, protect: cfg.protect }, parent);
    const databaseCommon = {
        subnetIds: network.dataSubnetIds,
        securityGroupId: groups.dbSecurityGroupId,
        engineVersion: cfg.database.engineVersion,
        backupRetentionDays: cfg.database.backupRetentionDays,
        deletionProtection: cfg.protect,
        snapshotIdentifier: cfg.database.snapshotIdentifier,
        kmsKeyArn: keys?.data.arn,
        protect: cfg.protect,
    };
    const instanceSizing = { instanceClass: cfg.database.instanceClass, allocatedStorage: cfg.database.allocatedStorage, multiAz: cfg.database.multiAz };
    const database = new Postgres(
        "database",
        enterprise
            ? {
                  ...databaseCommon,
                  kind: "aurora",
                  aurora: { minAcu: cfg.database.auroraMinAcu, maxAcu: cfg.database.auroraMaxAcu, readers: cfg.database.auroraReaders },
                  retainedHeroInstance: cfg.database.retainHeroInstance ? instanceSizing : undefined,
              }
            : { ...databaseCommon, ...instanceSizing, kind: "instance" },
        parent,
    );
    const cache = new Redis(
        "cache",
        { subnetIds: network.dataSubnetIds, securityGroupId: groups.cacheSecurityGroupId, nodeType: cfg.cache.nodeType, nodes: cfg.cache.nodes, snapshotRetentionDays: cfg.database.backupRetentionDays, protect: cfg.protect },
        parent,
    );

    const parameterPath = `/runway/${stack}`;
    const parameters = new Parameters(
        "config",
        {
            account,
            path: parameterPath,
            values: { "database-host": database.endpoint, "redis-host": cache.primaryEndpoint, "queue-url": queue.url, "assets-bucket": assets.bucketName, "uploads-bucket": uploads.bucketName },
            secureValues: { "redis-auth-token": cache.authToken },
            kmsKeyArn: keys?.data.arn,
        },
        parent,
    );

    const logGroupPrefix = `/runway/${stack}`;
    const roles = new TaskRoles(
        "tasks",
        {
            account,
            logGroupPrefix,
            repositoryArn: cfg.web.image === undefined ? registry.arn : undefined,
            queueArn: queue.arn,
            bucketArns: [uploads.arn, assets.arn],
            parameterPathArn: parameters.pathArn,
            secretArns: [database.masterSecretArn],
            kmsKeyArns: keys ? [keys.data.arn, keys.queues.arn] : [],
        },
        parent,
    );
    const cluster = new Cluster("cluster", {}, parent);

    const certificate = new Certificate("certificate", { domain: cfg.domain ?? "", hostedZoneId: cfg.hostedZoneId }, parent);
    const loadBalancer = new LoadBalancer(
        "edge",
        {
            vpcId: network.vpcId,
            subnetIds: network.publicSubnetIds,
            securityGroupId: groups.albSecurityGroupId,
            certificateArn: certificate.certificateArn,
            targetPort: cfg.web.containerPort,
            accessLogsBucket: albLogs.bucketName,
            deletionProtection: cfg.protect,
        },
        { parent: scope, dependsOn: [albLogs] },
    );
    new Waf("waf", { resourceArn: loadBalancer.arn }, parent);
    if (cfg.hostedZoneId !== undefined && cfg.domain !== undefined) {
        new aws.route53.Record(
            "app-dns",
            { zoneId: cfg.hostedZoneId, name: cfg.domain, type: "A", aliases: [{ name: loadBalancer.dnsName, zoneId: loadBalancer.zoneId, evaluateTargetHealth: true }] },
            child(scope),
        );
    }

    const image = cfg.web.image ?? pulumi.interpolate`${registry.repositoryUrl}:${cfg.web.imageTag}`;
    const environment = {
        DATABASE_HOST: database.endpoint,
        DATABASE_SECRET_ARN: database.masterSecretArn.apply((arn) => arn ?? ""),
        REDIS_HOST: cache.primaryEndpoint,
        QUEUE_URL: queue.url,
        ASSETS_BUCKET: assets.bucketName,
        UPLOADS_BUCKET: uploads.bucketName,
        CONFIG_PATH: parameterPath,
    };
    const redisToken = parameters.arns["redis-auth-token"];
    const offHours = cfg.schedule.offHours ? { scaleDown: cfg.schedule.scaleDown, scaleUp: cfg.schedule.scaleUp } : undefined;
    const common = {
        clusterArn: cluster.arn,
        clusterName: cluster.clusterName,
        executionRoleArn: roles.executionRoleArn,
        taskRoleArn: roles.taskRoleArn,
        image,
        cpu: cfg.web.cpu,
        memory: cfg.web.memory,
        secrets: { REDIS_AUTH_TOKEN: redisToken },
        subnetIds: network.appSubnetIds,
        securityGroupId: groups.appSecurityGroupId,
        logRetentionDays: cfg.logRetentionDays,
        logKmsKeyArn: keys?.logs.arn,
        protect: cfg.protect,
        offHours,
        region: cfg.region,
    };
    const web = new FargateService(
        "web",
        {
            ...common,
            containerPort: cfg.web.containerPort,
            environment: { ...environment, ROLE: "web", PORT: String(cfg.web.containerPort) },
            logGroupName: `${logGroupPrefix}/web`,
            targetGroupArn: loadBalancer.targetGroupArn,
            dependsOn: [loadBalancer],
            minTasks: cfg.web.minTasks,
            maxTasks: cfg.web.maxTasks,
            desiredTasks: cfg.web.desiredTasks,
            scaling: { kind: "cpu", targetPercent: cfg.web.cpuTarget, scaleInCooldown: cfg.web.scaleInCooldown, scaleOutCooldown: cfg.web.scaleOutCooldown },
        },
        parent,
    );
    const worker = new FargateService(
        "worker",
        {
            ...common,
            environment: { ...environment, ROLE: "worker" },
            logGroupName: `${logGroupPrefix}/worker`,
            minTasks: cfg.worker.minTasks,
            maxTasks: cfg.worker.maxTasks,
            desiredTasks: cfg.worker.minTasks,
            scaling: { kind: "queue", queueName: queue.queueName, messagesPerTask: cfg.worker.messagesPerWorker },
        },
        parent,
    );

    const alerts = new Alerts("alerts", { email: cfg.alertEmail, account, protect: cfg.protect }, parent);
    new Budget("budget", { monthlyLimitUsd: cfg.monthlyBudget, email: cfg.alertEmail }, parent);

    return { network, groups, uploads, assets, cdn, registry, queue, database, cache, cluster, loadBalancer, web, worker, alerts, url: pulumi.output(`https://${cfg.domain ?? ""}`) };
}
