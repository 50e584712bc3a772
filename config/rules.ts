import { FARGATE_MEMORY, REDIS_NODES, S3_IA_MIN_DAYS } from "./aws-limits";
import { CONFIG_SCHEMA, fullKey, type KeyName } from "./schema";
import type { ConfigValues } from "./types";

/** A rule between keys (or between a key and the stage), blamed on `key`. */
export interface Rule {
    /** The key the error names. */
    readonly key: KeyName;
    /** What `key` allows when `values` break the rule; undefined when they keep it. */
    broken(values: ConfigValues): string | undefined;
}

/** The rules each key's own kind cannot check, in the order they are checked (after every key's own check). */
export const RULES: readonly Rule[] = [
    {
        key: "backupRegion",
        broken: (v) => (v.stage === "enterprise" && v.backupRegion === v.region ? `a region other than ${fullKey("region")} (${v.region}) for cross-region backup copies` : undefined),
    },
    {
        key: "domain",
        broken: (v) =>
            v.domain === "" && v.stage !== "zero" ? `${CONFIG_SCHEMA.domain.allowed} (required for stage ${v.stage}: the HTTPS listener needs an ACM certificate)` : undefined,
    },
    {
        key: "minTasks",
        broken: (v) => (v.minTasks > v.maxTasks ? `an integer no greater than ${fullKey("maxTasks")} (${v.maxTasks})` : undefined),
    },
    {
        key: "desiredTasks",
        broken: (v) =>
            v.desiredTasks !== undefined && (v.desiredTasks < v.minTasks || v.desiredTasks > v.maxTasks)
                ? `an integer from ${fullKey("minTasks")} (${v.minTasks}) to ${fullKey("maxTasks")} (${v.maxTasks})`
                : undefined,
    },
    {
        key: "workerMinTasks",
        broken: (v) => (v.workerMinTasks > v.workerMaxTasks ? `an integer no greater than ${fullKey("workerMaxTasks")} (${v.workerMaxTasks})` : undefined),
    },
    {
        key: "taskMemory",
        broken: (v) => {
            const sizes = FARGATE_MEMORY[v.taskCpu] ?? [];
            return sizes.includes(v.taskMemory) ? undefined : `one of ${sizes.join(", ")} (the sizes ${fullKey("taskCpu")} ${v.taskCpu} allows)`;
        },
    },
    {
        key: "auroraMinAcu",
        broken: (v) => (v.auroraMinAcu > v.auroraMaxAcu ? `a capacity no greater than ${fullKey("auroraMaxAcu")} (${v.auroraMaxAcu})` : undefined),
    },
    {
        key: "cacheNodes",
        broken: (v) =>
            v.stage === "enterprise" && v.cacheNodes < REDIS_NODES.failoverMin
                ? `an integer from ${REDIS_NODES.failoverMin} to ${REDIS_NODES.max} for stage enterprise (automatic failover needs a replica)`
                : undefined,
    },
    {
        key: "assetsArchiveDays",
        broken: (v) =>
            v.assetsArchiveDays < v.assetsIaDays + S3_IA_MIN_DAYS
                ? `an integer at least ${S3_IA_MIN_DAYS} days after ${fullKey("assetsIaDays")} (${v.assetsIaDays + S3_IA_MIN_DAYS} or more)`
                : undefined,
    },
    {
        key: "retainZeroServer",
        broken: (v) =>
            v.retainZeroServer && v.stage === "enterprise"
                ? "false for stage enterprise (zero's server is kept only beside hero: finish the zero → hero cut-over in docs/growth.md first)"
                : undefined,
    },
    {
        key: "retainHeroDatabase",
        broken: (v) =>
            v.retainHeroDatabase && v.stage === "zero"
                ? "false for stage zero (hero's RDS instance is kept only beside Aurora in enterprise: finish the hero → enterprise cut-over in docs/growth.md first)"
                : undefined,
    },
];
