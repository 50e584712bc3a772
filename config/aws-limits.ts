/** What AWS accepts, where a config key must stay inside it. */

/** Fargate CPU units and the memory sizes (MiB) each allows. */
export const FARGATE_MEMORY: Readonly<Record<number, readonly number[]>> = {
    256: [512, 1024, 2048],
    512: [1024, 2048, 3072, 4096],
    1024: [2048, 3072, 4096, 5120, 6144, 7168, 8192],
    2048: [4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384],
    4096: [8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384, 17408, 18432, 19456, 20480, 21504, 22528, 23552, 24576, 25600, 26624, 27648, 28672, 29696, 30720],
};

/** Fargate CPU units per task. */
export const FARGATE_CPU: readonly number[] = Object.keys(FARGATE_MEMORY).map(Number);

/** The smallest and largest Fargate memory size (MiB). */
export const FARGATE_MEMORY_RANGE = { min: Math.min(...Object.values(FARGATE_MEMORY).flat()), max: Math.max(...Object.values(FARGATE_MEMORY).flat()) };

/** CloudWatch Logs retention periods (days). */
export const LOG_RETENTION_DAYS: readonly number[] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** RDS automated backups: at least a week (Runway's floor), at most 35 days. */
export const DB_BACKUP_RETENTION_DAYS = { min: 7, max: 35 };

/** Aurora Serverless v2 capacity (ACU) and its step. */
export const AURORA_ACU = { min: 0.5, max: 256, step: 0.5 };

/** S3 moves objects to STANDARD_IA from 30 days after creation, and keeps them there 30 days before the next transition. */
export const S3_IA_MIN_DAYS = 30;

/** ElastiCache Redis replication group: nodes (primary + replicas), and the nodes automatic failover needs. */
export const REDIS_NODES = { min: 1, max: 6, failoverMin: 2 };

/** VPC IPv4 prefix lengths Runway's subnet layout fits in. */
export const VPC_PREFIX = { min: 16, max: 20 };
