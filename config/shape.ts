import type { ConfigValues } from "./types";

/** The validated values, grouped the way components read them (`RunwayConfig`); empty optional strings become undefined. */
export function shapeConfig(v: ConfigValues) {
    return {
        /** Growth stage. */
        stage: v.stage,
        /** AWS region. */
        region: v.region,
        /** Region for AWS Backup copies (enterprise). */
        backupRegion: v.backupRegion,
        /** Public host name, when configured. */
        domain: optional(v.domain),
        /** Route 53 hosted zone of the domain, when configured. */
        hostedZoneId: optional(v.hostedZoneId),
        /** Alarm and budget email. */
        alertEmail: v.alertEmail,
        /** Owner tag. */
        owner: v.owner,
        /** Cost-centre tag. */
        costCentre: v.costCentre,
        /** Monthly budget (USD). */
        monthlyBudget: v.monthlyBudget,
        /** Protect stateful resources. */
        protect: v.protect,
        /** Network shape (hero, enterprise; zero takes only the CIDR). */
        network: { cidr: v.vpcCidr, azCount: v.azCount, natPerAz: v.natPerAz },
        /** zero's instance; `retainInHero` keeps declaring it in hero until the zero → hero cut-over. */
        server: { instanceType: v.instanceType, rootVolumeGb: v.rootVolumeGb, snapshotRetentionDays: v.snapshotRetentionDays, retainInHero: v.retainZeroServer },
        /** Container image (undefined: `<ECR repository>:<imageTag>`) and the web service's size and scaling. */
        web: {
            image: optional(v.containerImage),
            imageTag: v.imageTag,
            containerPort: v.containerPort,
            cpu: v.taskCpu,
            memory: v.taskMemory,
            minTasks: v.minTasks,
            maxTasks: v.maxTasks,
            desiredTasks: v.desiredTasks ?? v.minTasks,
            cpuTarget: v.cpuTarget,
            scaleInCooldown: v.scaleInCooldown,
            scaleOutCooldown: v.scaleOutCooldown,
        },
        /** The queue worker and its queue. */
        worker: {
            minTasks: v.workerMinTasks,
            maxTasks: v.workerMaxTasks,
            messagesPerWorker: v.messagesPerWorker,
            visibilityTimeout: v.queueVisibilityTimeout,
            maxReceiveCount: v.queueMaxReceiveCount,
        },
        /** The database (RDS PostgreSQL in hero, Aurora Serverless v2 in enterprise). */
        database: {
            engineVersion: v.dbEngineVersion,
            instanceClass: v.dbInstanceClass,
            allocatedStorage: v.dbAllocatedStorage,
            multiAz: v.dbMultiAz,
            backupRetentionDays: v.dbBackupRetentionDays,
            snapshotIdentifier: optional(v.dbSnapshotIdentifier),
            retainHeroInstance: v.retainHeroDatabase,
            auroraMinAcu: v.auroraMinAcu,
            auroraMaxAcu: v.auroraMaxAcu,
            auroraReaders: v.auroraReaders,
        },
        /** Redis. */
        cache: { nodeType: v.cacheNodeType, nodes: v.cacheNodes },
        /** Log retention (days). */
        logRetentionDays: v.logRetentionDays,
        /** Assets lifecycle (enterprise). */
        assets: { iaDays: v.assetsIaDays, archiveDays: v.assetsArchiveDays },
        /** ECR tagged images kept. */
        ecrKeepImages: v.ecrKeepImages,
        /** AWS Backup retention (days). */
        backupRetentionDays: v.backupRetentionDays,
        /** Off-hours schedule. */
        schedule: { offHours: v.scheduleOffHours, scaleDown: v.offHoursScaleDown, scaleUp: v.offHoursScaleUp },
    };
}

/** `value`, or undefined when it is empty. */
function optional(value: string): string | undefined {
    return value === "" ? undefined : value;
}
