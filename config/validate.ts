import { LIMITS, SHARED_DEFAULTS, STAGE_DEFAULTS, STAGES } from "./defaults";
import { ConfigError } from "./errors";
import { ConfigReader, type RawConfig } from "./reader";
import { KNOWN_KEYS } from "./schema";
import type { RunwayConfig } from "./types";

export { ConfigError } from "./errors";
export type { RawConfig } from "./reader";

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const TAG_VALUE = /^[A-Za-z0-9 _.:/=+@-]{1,256}$/;
const HOSTED_ZONE = /^Z[A-Z0-9]{1,31}$/;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const GRAVITON = /^[a-z]+\d+g[a-z]*\.(nano|micro|small|medium|large|\d*xlarge|metal)$/;
const IMAGE = /^[a-z0-9][A-Za-z0-9./_:@-]*$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const ENGINE_VERSION = /^\d+(\.\d+)?$/;
const DB_CLASS = /^db\.[a-z0-9]+\.[a-z0-9]+$/;
const CACHE_NODE = /^cache\.[a-z0-9]+\.[a-z0-9]+$/;
const SNAPSHOT = /^(arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:(cluster-)?snapshot:[A-Za-z0-9:-]+|[A-Za-z][A-Za-z0-9:-]{0,254})$/;
const SCHEDULE = /^(cron|rate|at)\(.+\)$/;

const COUNT = { min: 0, max: 1000 };

/** Throws when a `runway:` key is not declared in the schema (a typo would otherwise be ignored). */
function rejectUnknownKeys(raw: RawConfig): void {
    for (const key of Object.keys(raw)) {
        if (key.startsWith("runway:") && !KNOWN_KEYS.has(key)) {
            throw new ConfigError(key, raw[key] ?? "", "a key declared in Pulumi.yaml's config block (see the README config reference)");
        }
    }
}

/** Throws unless `cidr` is a valid IPv4 network between /16 and /20. */
function checkCidr(key: string, cidr: string): void {
    const match = CIDR.exec(cidr);
    const allowed = "an IPv4 CIDR block from /16 to /20, e.g. 10.0.0.0/16";
    if (!match) throw new ConfigError(key, cidr, allowed);
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((octet) => octet > 255) || prefix < 16 || prefix > 20) throw new ConfigError(key, cidr, allowed);
}

/**
 * Validates raw stack config (full key → string) and fills every default. Pure: no Pulumi calls, no I/O.
 * Throws one `ConfigError` for the first bad value, naming the key, the value and what is allowed.
 */
export function validateConfig(raw: RawConfig): RunwayConfig {
    rejectUnknownKeys(raw);
    const read = new ConfigReader(raw);
    const d = SHARED_DEFAULTS;

    const stage = read.oneOf("runway:stage", STAGES, d.stage);
    const s = STAGE_DEFAULTS[stage];
    const region = read.string("runway:region", d.region, REGION, "an AWS region name such as us-east-1");
    const backupRegion = read.string("runway:backupRegion", d.backupRegion, REGION, "an AWS region name such as us-west-2");
    if (stage === "enterprise" && backupRegion === region) {
        throw new ConfigError("runway:backupRegion", backupRegion, `a region other than runway:region (${region}) for cross-region backup copies`);
    }
    const domain = read.string("runway:domain", "", DOMAIN, "a lower-case DNS name such as app.example.com");
    if (domain === "" && stage !== "zero") {
        throw new ConfigError("runway:domain", "", `a lower-case DNS name such as app.example.com (required for stage ${stage}: the HTTPS listener needs an ACM certificate)`);
    }
    const hostedZoneId = read.string("runway:hostedZoneId", "", HOSTED_ZONE, "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ");

    const vpcCidr = read.string("runway:vpcCidr", d.vpcCidr);
    checkCidr("runway:vpcCidr", vpcCidr);

    const minTasks = read.int("runway:minTasks", d.minTasks, COUNT);
    const maxTasks = read.int("runway:maxTasks", d.maxTasks, { min: 1, max: COUNT.max });
    if (minTasks > maxTasks) throw new ConfigError("runway:minTasks", String(minTasks), `an integer no greater than runway:maxTasks (${maxTasks})`);
    const desiredTasks = read.int("runway:desiredTasks", minTasks, COUNT, true);
    if (desiredTasks < minTasks || desiredTasks > maxTasks) {
        throw new ConfigError("runway:desiredTasks", String(desiredTasks), `an integer from runway:minTasks (${minTasks}) to runway:maxTasks (${maxTasks})`);
    }
    const workerMinTasks = read.int("runway:workerMinTasks", d.workerMinTasks, COUNT);
    const workerMaxTasks = read.int("runway:workerMaxTasks", d.workerMaxTasks, { min: 1, max: COUNT.max });
    if (workerMinTasks > workerMaxTasks) {
        throw new ConfigError("runway:workerMinTasks", String(workerMinTasks), `an integer no greater than runway:workerMaxTasks (${workerMaxTasks})`);
    }

    const cpuChoices = Object.keys(LIMITS.fargateMemory).map(Number);
    const taskCpu = read.intOneOf("runway:taskCpu", s.taskCpu, cpuChoices, true);
    const taskMemory = read.intOneOf("runway:taskMemory", s.taskMemory, LIMITS.fargateMemory[taskCpu] ?? [], true);

    const auroraMinAcu = read.decimal("runway:auroraMinAcu", d.auroraMinAcu, { min: LIMITS.minAcu, max: LIMITS.maxAcu }, 0.5);
    const auroraMaxAcu = read.decimal("runway:auroraMaxAcu", d.auroraMaxAcu, { min: LIMITS.minAcu, max: LIMITS.maxAcu }, 0.5);
    if (auroraMinAcu > auroraMaxAcu) {
        throw new ConfigError("runway:auroraMinAcu", String(auroraMinAcu), `a capacity no greater than runway:auroraMaxAcu (${auroraMaxAcu})`);
    }

    const cacheNodes = read.int("runway:cacheNodes", s.cacheNodes, { min: 1, max: 6 }, true);
    if (stage === "enterprise" && cacheNodes < 2) {
        throw new ConfigError("runway:cacheNodes", String(cacheNodes), "an integer from 2 to 6 for stage enterprise (automatic failover needs a replica)");
    }

    const iaDays = read.int("runway:assetsIaDays", d.assetsIaDays, { min: LIMITS.minIaDays, max: 3650 });
    const archiveDays = read.int("runway:assetsArchiveDays", d.assetsArchiveDays, { min: LIMITS.minIaDays, max: 36500 });
    if (archiveDays < iaDays + 30) {
        throw new ConfigError("runway:assetsArchiveDays", String(archiveDays), `an integer at least 30 days after runway:assetsIaDays (${iaDays + 30} or more)`);
    }

    const retainZeroServer = read.bool("runway:retainZeroServer", d.retainZeroServer);
    if (retainZeroServer && stage === "enterprise") {
        throw new ConfigError(
            "runway:retainZeroServer",
            "true",
            "false for stage enterprise (zero's server is kept only beside hero: finish the zero → hero cut-over in docs/growth.md first)",
        );
    }
    const retainHeroDatabase = read.bool("runway:retainHeroDatabase", d.retainHeroDatabase);
    if (retainHeroDatabase && stage === "zero") {
        throw new ConfigError(
            "runway:retainHeroDatabase",
            "true",
            "false for stage zero (hero's RDS instance is kept only beside Aurora in enterprise: finish the hero → enterprise cut-over in docs/growth.md first)",
        );
    }
    const snapshotIdentifier = read.string("runway:dbSnapshotIdentifier", "", SNAPSHOT, "an RDS snapshot identifier or snapshot ARN");
    const image = read.string("runway:containerImage", "", IMAGE, "a container image reference such as ghcr.io/acme/app:1.2.3");

    return {
        stage,
        region,
        backupRegion,
        domain: domain === "" ? undefined : domain,
        hostedZoneId: hostedZoneId === "" ? undefined : hostedZoneId,
        alertEmail: read.string("runway:alertEmail", d.alertEmail, EMAIL, "an email address such as ops@example.com"),
        owner: read.string("runway:owner", d.owner, TAG_VALUE, "1-256 letters, digits, spaces or _.:/=+@-"),
        costCentre: read.string("runway:costCentre", d.costCentre, TAG_VALUE, "1-256 letters, digits, spaces or _.:/=+@-"),
        monthlyBudget: read.int("runway:monthlyBudget", s.monthlyBudget, { min: 1, max: 10_000_000 }, true),
        protect: read.bool("runway:protect", s.protect, true),
        network: {
            cidr: vpcCidr,
            azCount: read.int("runway:azCount", s.azCount, { min: LIMITS.minAzCount, max: LIMITS.maxAzCount }, true),
            natPerAz: read.bool("runway:natPerAz", s.natPerAz, true),
        },
        server: {
            instanceType: read.string("runway:instanceType", d.instanceType, GRAVITON, "a Graviton (arm64) instance type such as t4g.micro or t4g.small"),
            rootVolumeGb: read.int("runway:rootVolumeGb", d.rootVolumeGb, { min: 8, max: 16384 }),
            snapshotRetentionDays: read.int("runway:snapshotRetentionDays", d.snapshotRetentionDays, { min: 1, max: 1000 }),
            retainInHero: retainZeroServer,
        },
        web: {
            image: image === "" ? undefined : image,
            imageTag: read.string("runway:imageTag", d.imageTag, IMAGE_TAG, "an image tag of letters, digits, _ . - (up to 128)"),
            containerPort: read.int("runway:containerPort", d.containerPort, { min: 1, max: 65535 }),
            cpu: taskCpu,
            memory: taskMemory,
            minTasks,
            maxTasks,
            desiredTasks,
            cpuTarget: read.int("runway:cpuTarget", d.cpuTarget, { min: 1, max: 100 }),
            scaleInCooldown: read.int("runway:scaleInCooldown", d.scaleInCooldown, { min: 0, max: 3600 }),
            scaleOutCooldown: read.int("runway:scaleOutCooldown", d.scaleOutCooldown, { min: 0, max: 3600 }),
        },
        worker: {
            minTasks: workerMinTasks,
            maxTasks: workerMaxTasks,
            messagesPerWorker: read.int("runway:messagesPerWorker", d.messagesPerWorker, { min: 1, max: 100_000 }),
            visibilityTimeout: read.int("runway:queueVisibilityTimeout", d.queueVisibilityTimeout, { min: 0, max: 43200 }),
            maxReceiveCount: read.int("runway:queueMaxReceiveCount", d.queueMaxReceiveCount, { min: 1, max: 1000 }),
        },
        database: {
            engineVersion: read.string("runway:dbEngineVersion", d.dbEngineVersion, ENGINE_VERSION, "a PostgreSQL version such as 16.6"),
            instanceClass: read.string("runway:dbInstanceClass", d.dbInstanceClass, DB_CLASS, "an RDS instance class such as db.t4g.micro"),
            allocatedStorage: read.int("runway:dbAllocatedStorage", d.dbAllocatedStorage, { min: 20, max: 65536 }),
            multiAz: read.bool("runway:dbMultiAz", d.dbMultiAz),
            backupRetentionDays: read.int(
                "runway:dbBackupRetentionDays",
                s.dbBackupRetentionDays,
                { min: LIMITS.minDbBackupRetentionDays, max: LIMITS.maxDbBackupRetentionDays },
                true,
            ),
            snapshotIdentifier: snapshotIdentifier === "" ? undefined : snapshotIdentifier,
            retainHeroInstance: retainHeroDatabase,
            auroraMinAcu,
            auroraMaxAcu,
            auroraReaders: read.int("runway:auroraReaders", d.auroraReaders, { min: 1, max: 15 }),
        },
        cache: {
            nodeType: read.stringOrAuto("runway:cacheNodeType", s.cacheNodeType, CACHE_NODE, "an ElastiCache node type such as cache.t4g.micro"),
            nodes: cacheNodes,
        },
        logRetentionDays: read.intOneOf("runway:logRetentionDays", s.logRetentionDays, LIMITS.logRetentionDays, true),
        assets: { iaDays, archiveDays },
        ecrKeepImages: read.int("runway:ecrKeepImages", d.ecrKeepImages, { min: 1, max: 1000 }),
        backupRetentionDays: read.int("runway:backupRetentionDays", d.backupRetentionDays, { min: 1, max: 36500 }),
        schedule: {
            offHours: read.bool("runway:scheduleOffHours", d.scheduleOffHours),
            scaleDown: read.string("runway:offHoursScaleDown", d.offHoursScaleDown, SCHEDULE, "an Application Auto Scaling schedule such as cron(0 20 ? * MON-FRI *)"),
            scaleUp: read.string("runway:offHoursScaleUp", d.offHoursScaleUp, SCHEDULE, "an Application Auto Scaling schedule such as cron(0 7 ? * MON-FRI *)"),
        },
    };
}
