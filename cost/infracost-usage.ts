/**
 * Infracost usage files (`infracost-usage.yml`, `version: 0.1`) read as Runway usage assumptions.
 *
 * Infracost keys usage by Terraform address (`aws_lambda_function.worker`) and by Terraform type
 * (`resource_type_default_usage`); Runway reads the same keys by **Pulumi logical name** (`worker`), also accepts the
 * Terraform address form (`aws_lambda_function.worker` → the Lambda function named `worker`) and Infracost's wildcard
 * keys (`worker[*]`, see `compileNamePattern`). Each Infracost key is converted to the Runway usage key the pricer of
 * that resource type reads (`INFRACOST_MAPPINGS`, documented in docs/prices.md "Infracost usage files"); the key
 * names are Infracost's own (`infracost-usage-example.yml` and `internal/resources/aws/*.go`, `INFRACOST_REFERENCE`).
 *
 * A key Runway does not map for the resource's type, or a resource name the program does not declare, is bad input.
 */
import { isRecord } from "../model/wire";
import { CostInputError } from "./errors";
import { MAX_USAGE_VALUE, plausibleUsage, type UsageKey } from "./usage-keys";

/** Where the key names were read: Infracost's usage-file reference and resource schemas. */
export const INFRACOST_REFERENCE = {
    repo: "infracost/infracost",
    paths: ["infracost-usage-example.yml", "internal/resources/aws/*.go (infracost_usage tags)"],
    commit: "95ba4f49a7abf5567b04f751a115543281a4ab18",
    date: "2026-08-21",
} as const;

/** Hours in a month, as both Infracost and Runway's price tables count them. */
const HOURS_PER_MONTH = 730;

/** An Infracost usage entry, flattened: nested objects become dotted keys (`standard.storage_gb`). */
export type InfracostValues = Readonly<Record<string, number>>;

/** A Runway usage value converted from Infracost keys, with the arithmetic in words. */
export interface ConvertedValue {
    value: number;
    /** e.g. `monthly_requests 100000 ÷ 1,000,000`. */
    from: string;
}

/** How one Pulumi type's Infracost keys become Runway usage keys. */
export interface InfracostTypeMapping {
    /** The Terraform types Infracost documents these keys for. */
    terraform: readonly string[];
    /** Infracost keys Runway reads for this type → what they mean. A key ending in `.*` takes any sub-key. */
    keys: Readonly<Record<string, string>>;
    /** Infracost keys of the Terraform type that Runway does not model, with the reason (shown in the error). */
    notModelled?: Readonly<Record<string, string>>;
    /** The Runway values the given keys produce. */
    convert(values: InfracostValues): Partial<Record<UsageKey, ConvertedValue>>;
}

const fmt = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** `values[key] × factor`, or nothing when the key is absent. */
function scaled(values: InfracostValues, key: string, factor: number, unit: string): ConvertedValue | undefined {
    const v = values[key];
    if (v === undefined) return undefined;
    const op = factor === 1 ? "" : factor < 1 ? ` ÷ ${fmt(1 / factor)}` : ` × ${fmt(factor)}`;
    return { value: v * factor, from: `${key} ${fmt(v)}${op}${unit ? ` → ${unit}` : ""}` };
}

/** Requests billed in `chunkKb` chunks (SQS/SNS 64 KB, HTTP API 512 KB, WebSocket 32 KB), in millions. */
function chunkedMillions(values: InfracostValues, countKey: string, sizeKey: string, chunkKb: number): ConvertedValue | undefined {
    const count = values[countKey];
    if (count === undefined) return undefined;
    const size = values[sizeKey];
    const chunks = size === undefined ? 1 : Math.max(1, Math.ceil(size / chunkKb));
    const chunkText = size === undefined ? "" : ` × ${chunks} (${sizeKey} ${fmt(size)} in ${chunkKb} KB chunks)`;
    return { value: (count * chunks) / 1e6, from: `${countKey} ${fmt(count)}${chunkText} ÷ 1,000,000` };
}

/** The sum of every `<prefix>.<sub>` value (and a scalar `<prefix>`), × factor. */
function summed(values: InfracostValues, prefixes: readonly string[], factor: number): ConvertedValue | undefined {
    const parts = Object.entries(values).filter(([key]) => prefixes.some((p) => key === p || key.startsWith(`${p}.`)));
    if (parts.length === 0) return undefined;
    const total = parts.reduce((sum, [, v]) => sum + v, 0);
    const op = factor === 1 ? "" : ` ÷ ${fmt(1 / factor)}`;
    return { value: total * factor, from: `${parts.map(([k, v]) => `${k} ${fmt(v)}`).join(" + ")}${op}` };
}

/** Drops the absent conversions. */
function defined(entries: Record<string, ConvertedValue | undefined>): Partial<Record<UsageKey, ConvertedValue>> {
    const out: Partial<Record<UsageKey, ConvertedValue>> = {};
    for (const [key, value] of Object.entries(entries)) {
        if (value !== undefined) out[key as UsageKey] = value;
    }
    return out;
}

const RESERVED = "Runway prices on-demand list prices only (no Reserved Instances, no Savings Plans)";
const INSTANCE_NOT_MODELLED = {
    operating_system: "Runway prices Linux only",
    reserved_instance_type: RESERVED,
    reserved_instance_term: RESERVED,
    reserved_instance_payment_option: RESERVED,
    monthly_cpu_credit_hrs: "burstable CPU credits are not modelled",
    vcpu_count: "burstable CPU credits are not modelled",
};

const loadBalancer: InfracostTypeMapping = {
    terraform: ["aws_lb", "aws_alb"],
    keys: {
        new_connections: "new connections per second (average)",
        active_connections: "active connections per minute (average)",
        processed_bytes_gb: "GB processed per hour (average; Infracost's reading)",
        rule_evaluations: "rule evaluations per second (ALB only)",
    },
    convert(v) {
        // AWS's capacity-unit dimensions (https://aws.amazon.com/elasticloadbalancing/pricing/): the highest counts.
        const dims = (per: Record<string, number>): ConvertedValue | undefined => {
            const parts = Object.entries(per).filter(([key]) => v[key] !== undefined).map(([key, div]) => ({ key, div, lcu: (v[key] ?? 0) / div }));
            if (parts.length === 0) return undefined;
            const top = parts.reduce((a, b) => (b.lcu > a.lcu ? b : a));
            return { value: top.lcu, from: `max(${parts.map((p) => `${p.key} ${fmt(v[p.key] ?? 0)} ÷ ${fmt(p.div)}`).join(", ")}) = ${top.key}` };
        };
        return defined({
            "alb.avgLcu": dims({ new_connections: 25, active_connections: 3000, processed_bytes_gb: 1, rule_evaluations: 1000 }),
            "nlb.avgNlcu": dims({ new_connections: 800, active_connections: 100000, processed_bytes_gb: 1 }),
        });
    },
};

/**
 * Infracost's AWS keys Runway reads, per Pulumi type token. Runway usage keys are per family (`lambda.*`), so a
 * value converted for one type is only ever read by resources of that family.
 */
export const INFRACOST_MAPPINGS: Readonly<Record<string, InfracostTypeMapping>> = {
    "aws:lambda/function:Function": {
        terraform: ["aws_lambda_function"],
        keys: { monthly_requests: "requests per month", request_duration_ms: "average duration of a request (ms)" },
        convert: (v) =>
            defined({
                "lambda.requestsMillionsPerMonth": scaled(v, "monthly_requests", 1e-6, "million"),
                "lambda.avgDurationMs": scaled(v, "request_duration_ms", 1, ""),
            }),
    },
    "aws:apigateway/restApi:RestApi": {
        terraform: ["aws_api_gateway_rest_api"],
        keys: { monthly_requests: "REST API requests per month" },
        convert: (v) => defined({ "apiGateway.requestsMillionsPerMonth": scaled(v, "monthly_requests", 1e-6, "million") }),
    },
    "aws:apigatewayv2/api:Api": {
        terraform: ["aws_apigatewayv2_api"],
        keys: {
            monthly_requests: "HTTP API requests per month",
            request_size_kb: "average HTTP request size (KB, metered in 512 KB increments)",
            monthly_messages: "WebSocket messages per month",
            message_size_kb: "average WebSocket message size (KB, metered in 32 KB increments)",
        },
        notModelled: { monthly_connection_mins: "WebSocket connection minutes are not modelled" },
        convert(v) {
            if (v.monthly_requests !== undefined && v.monthly_messages !== undefined) {
                throw new Error("give monthly_requests (an HTTP API) or monthly_messages (a WebSocket API), not both: Runway reads one request count per API");
            }
            return defined({
                "apiGateway.requestsMillionsPerMonth":
                    v.monthly_messages !== undefined
                        ? chunkedMillions(v, "monthly_messages", "message_size_kb", 32)
                        : chunkedMillions(v, "monthly_requests", "request_size_kb", 512),
            });
        },
    },
    "aws:dynamodb/table:Table": {
        terraform: ["aws_dynamodb_table"],
        keys: {
            monthly_write_request_units: "on-demand write request units per month",
            monthly_read_request_units: "on-demand read request units per month",
            storage_gb: "table storage (GB)",
        },
        notModelled: {
            pitr_backup_storage_gb: "point-in-time recovery storage is not modelled",
            on_demand_backup_storage_gb: "on-demand backups are not modelled",
            monthly_data_restored_gb: "restores are not modelled",
            monthly_streams_read_request_units: "DynamoDB Streams reads are not modelled",
        },
        convert: (v) =>
            defined({
                "dynamodb.writeMillionsPerMonth": scaled(v, "monthly_write_request_units", 1e-6, "million"),
                "dynamodb.readMillionsPerMonth": scaled(v, "monthly_read_request_units", 1e-6, "million"),
                "dynamodb.gbStored": scaled(v, "storage_gb", 1, ""),
            }),
    },
    "aws:sqs/queue:Queue": {
        terraform: ["aws_sqs_queue"],
        keys: { monthly_requests: "requests per month", request_size_kb: "average request size (KB, billed in 64 KB chunks)" },
        convert: (v) => defined({ "sqs.requestsMillionsPerMonth": chunkedMillions(v, "monthly_requests", "request_size_kb", 64) }),
    },
    "aws:sns/topic:Topic": {
        terraform: ["aws_sns_topic"],
        keys: { monthly_requests: "publishes per month", request_size_kb: "average publish size (KB, billed in 64 KB chunks)" },
        notModelled: {
            http_subscriptions: "deliveries are not modelled (SQS and Lambda deliveries are free)",
            email_subscriptions: "deliveries are not modelled",
            kinesis_subscriptions: "deliveries are not modelled",
            mobile_push_subscriptions: "deliveries are not modelled",
            macos_subscriptions: "deliveries are not modelled",
            sms_subscriptions: "SMS is not modelled",
            sms_notification_price: "SMS is not modelled",
        },
        convert: (v) => defined({ "sns.publishesMillionsPerMonth": chunkedMillions(v, "monthly_requests", "request_size_kb", 64) }),
    },
    "aws:s3/bucket:Bucket": s3Mapping(),
    "aws:s3/bucketV2:BucketV2": s3Mapping(),
    "aws:ecr/repository:Repository": {
        terraform: ["aws_ecr_repository"],
        keys: { storage_gb: "image storage (GB)" },
        convert: (v) => defined({ "ecr.gbStored": scaled(v, "storage_gb", 1, "") }),
    },
    "aws:efs/fileSystem:FileSystem": {
        terraform: ["aws_efs_file_system"],
        keys: { storage_gb: "Standard storage (GB)" },
        notModelled: {
            infrequent_access_storage_gb: "EFS Infrequent Access is not modelled",
            monthly_infrequent_access_read_gb: "EFS Infrequent Access is not modelled",
            monthly_infrequent_access_write_gb: "EFS Infrequent Access is not modelled",
        },
        convert: (v) => defined({ "efs.gbStored": scaled(v, "storage_gb", 1, "") }),
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        terraform: ["aws_cloudwatch_log_group"],
        keys: { monthly_data_ingested_gb: "GB ingested per month" },
        notModelled: {
            storage_gb: "Runway derives stored GB from ingestion × retention × logs.storedCompressionRatio (set that ratio in a Runway usage file)",
            monthly_data_scanned_gb: "Logs Insights queries are not modelled",
        },
        convert: (v) => defined({ "logs.gbIngestedPerMonth": scaled(v, "monthly_data_ingested_gb", 1, "") }),
    },
    "aws:ec2/natGateway:NatGateway": {
        terraform: ["aws_nat_gateway"],
        keys: { monthly_data_processed_gb: "GB processed per month" },
        convert: (v) => defined({ "nat.gbProcessedPerMonth": scaled(v, "monthly_data_processed_gb", 1, "") }),
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        terraform: ["aws_vpc_endpoint"],
        keys: { monthly_data_processed_gb: "GB processed per month (interface endpoints)" },
        convert: (v) => defined({ "vpcEndpoint.gbProcessedPerMonth": scaled(v, "monthly_data_processed_gb", 1, "") }),
    },
    "aws:lb/loadBalancer:LoadBalancer": loadBalancer,
    "aws:alb/loadBalancer:LoadBalancer": loadBalancer,
    "aws:rds/instance:Instance": {
        terraform: ["aws_db_instance"],
        keys: { additional_backup_storage_gb: "backup storage beyond 100 % of the allocated storage (GB)" },
        notModelled: {
            monthly_standard_io_requests: "magnetic-storage I/O is not modelled",
            monthly_additional_performance_insights_requests: "Performance Insights API requests are not modelled",
            ...INSTANCE_NOT_MODELLED,
        },
        convert: (v) => defined({ "rds.backupGbBeyondFree": scaled(v, "additional_backup_storage_gb", 1, "") }),
    },
    "aws:rds/cluster:Cluster": {
        terraform: ["aws_rds_cluster"],
        keys: {
            storage_gb: "cluster storage (GB)",
            write_requests_per_sec: "writes per second (I/O requests, Aurora Standard)",
            read_requests_per_sec: "reads per second (I/O requests, Aurora Standard)",
        },
        notModelled: {
            capacity_units_per_hr: "Aurora Serverless v1 is not modelled; for Serverless v2 put capacity_units_per_hr on the db.serverless cluster instance",
            backup_snapshot_size_gb: "Runway reads backup beyond the free 100 % as aurora.backupGbBeyondFree (set it in a Runway usage file)",
            average_statements_per_hr: "Backtrack is not modelled (Aurora MySQL)",
            change_records_per_statement: "Backtrack is not modelled (Aurora MySQL)",
            backtrack_window_hrs: "Backtrack is not modelled (Aurora MySQL)",
            snapshot_export_size_gb: "snapshot export is not modelled",
        },
        convert(v) {
            const perSec = summed(v, ["write_requests_per_sec", "read_requests_per_sec"], 1);
            return defined({
                "aurora.gbStored": scaled(v, "storage_gb", 1, ""),
                "aurora.ioMillionsPerMonth":
                    perSec === undefined
                        ? undefined
                        : { value: (perSec.value * HOURS_PER_MONTH * 3600) / 1e6, from: `(${perSec.from}) × ${HOURS_PER_MONTH} h × 3,600 s ÷ 1,000,000` },
            });
        },
    },
    "aws:rds/clusterInstance:ClusterInstance": {
        terraform: ["aws_rds_cluster_instance"],
        keys: { capacity_units_per_hr: "average ACUs (Aurora Serverless v2, instance class db.serverless)" },
        notModelled: { monthly_additional_performance_insights_requests: "Performance Insights API requests are not modelled", ...INSTANCE_NOT_MODELLED },
        convert: (v) => defined({ "aurora.avgAcu": scaled(v, "capacity_units_per_hr", 1, "") }),
    },
    "aws:kinesis/stream:Stream": {
        terraform: ["aws_kinesis_stream"],
        keys: {
            monthly_on_demand_data_in_gb: "GB ingested per month (on-demand streams)",
            monthly_provisioned_put_units: "PUT payload units per month (provisioned streams)",
        },
        notModelled: Object.fromEntries(
            [
                "monthly_on_demand_data_out_gb",
                "monthly_on_demand_efo_data_out_gb",
                "monthly_on_demand_extended_retention_gb",
                "monthly_on_demand_long_term_retention_gb",
                "monthly_provisioned_extended_retention_gb",
                "monthly_provisioned_long_term_retention_gb",
                "monthly_provisioned_long_term_retrieval_gb",
                "monthly_provisioned_efo_data_out_gb",
                "monthly_provisioned_efo_consumer_hours",
            ].map((key) => [key, "retention, retrieval and enhanced fan-out are not modelled"]),
        ),
        convert: (v) =>
            defined({
                "kinesis.gbInPerMonth": scaled(v, "monthly_on_demand_data_in_gb", 1, ""),
                "kinesis.putPayloadUnitsMillionsPerMonth": scaled(v, "monthly_provisioned_put_units", 1e-6, "million"),
            }),
    },
    "aws:sfn/stateMachine:StateMachine": {
        terraform: ["aws_sfn_state_machine"],
        keys: { monthly_transitions: "state transitions per month (Standard)", monthly_requests: "requests per month (Express)" },
        notModelled: {
            memory_mb: "Express workflow duration (GB-seconds) is not modelled",
            workflow_duration_ms: "Express workflow duration (GB-seconds) is not modelled",
        },
        convert: (v) =>
            defined({
                "stepFunctions.transitionsMillionsPerMonth": scaled(v, "monthly_transitions", 1e-6, "million"),
                "stepFunctions.requestsMillionsPerMonth": scaled(v, "monthly_requests", 1e-6, "million"),
            }),
    },
    "aws:secretsmanager/secret:Secret": {
        terraform: ["aws_secretsmanager_secret"],
        keys: { monthly_requests: "API calls per month" },
        convert: (v) => defined({ "secretsManager.apiCalls10kPerMonth": scaled(v, "monthly_requests", 1e-4, "10k") }),
    },
    "aws:wafv2/webAcl:WebAcl": {
        terraform: ["aws_wafv2_web_acl"],
        keys: { monthly_requests: "web requests per month" },
        notModelled: {
            rule_group_rules: "Runway counts the web ACL's rules from its declaration",
            managed_rule_group_rules: "Runway counts the web ACL's rules from its declaration",
        },
        convert: (v) => defined({ "waf.requestsMillionsPerMonth": scaled(v, "monthly_requests", 1e-6, "million") }),
    },
    "aws:waf/webAcl:WebAcl": wafClassic("aws_waf_web_acl"),
    "aws:wafregional/webAcl:WebAcl": wafClassic("aws_wafregional_web_acl"),
    "aws:cloudfront/distribution:Distribution": {
        terraform: ["aws_cloudfront_distribution"],
        keys: {
            "monthly_data_transfer_to_internet_gb.*": "GB to the internet per month, by edge region (summed; priced at the North America/Europe rate)",
            "monthly_https_requests.*": "HTTPS requests per month, by edge region (summed)",
            "monthly_http_requests.*": "HTTP requests per month, by edge region (summed with HTTPS: an upper bound)",
        },
        notModelled: {
            "monthly_data_transfer_to_origin_gb.*": "transfer to the origin is not modelled",
            "monthly_shield_requests.*": "Origin Shield is not modelled",
            monthly_invalidation_requests: "invalidations are not modelled",
            monthly_encryption_requests: "field-level encryption is not modelled",
            monthly_log_lines: "real-time logs are not modelled",
            custom_ssl_certificates: "dedicated-IP custom SSL is not modelled",
        },
        convert: (v) =>
            defined({
                "cloudfront.gbOutPerMonth": summed(v, ["monthly_data_transfer_to_internet_gb"], 1),
                "cloudfront.httpsRequests10kPerMonth": summed(v, ["monthly_https_requests", "monthly_http_requests"], 1e-4),
            }),
    },
    "aws:cloudfront/function:Function": {
        terraform: ["aws_cloudfront_function"],
        keys: { monthly_requests: "invocations per month" },
        convert: (v) => defined({ "cloudfront.functionInvocationsMillionsPerMonth": scaled(v, "monthly_requests", 1e-6, "million") }),
    },
    "aws:cloudtrail/trail:Trail": {
        terraform: ["aws_cloudtrail"],
        keys: {
            monthly_additional_management_events: "management events per month recorded by this trail beyond the free first copy",
            monthly_data_events: "data events per month",
        },
        notModelled: { monthly_insight_events: "CloudTrail Insights is not modelled" },
        convert: (v) =>
            defined({
                "cloudtrail.managementEvents100kPerMonth": scaled(v, "monthly_additional_management_events", 1e-5, "100k"),
                "cloudtrail.dataEvents100kPerMonth": scaled(v, "monthly_data_events", 1e-5, "100k"),
            }),
    },
    "aws:route53/zone:Zone": {
        terraform: ["aws_route53_zone"],
        keys: { monthly_standard_queries: "standard queries per month (Infracost keys them on records; Runway prices queries per hosted zone)" },
        notModelled: {
            monthly_latency_based_queries: "latency-based queries are not modelled",
            monthly_geo_queries: "geo DNS queries are not modelled",
        },
        convert: (v) => defined({ "route53.queriesMillionsPerMonth": scaled(v, "monthly_standard_queries", 1e-6, "million") }),
    },
    "aws:backup/plan:Plan": {
        terraform: ["aws_backup_plan"],
        keys: Object.fromEntries(
            ["monthly_efs_warm_backup_gb", "monthly_ebs_snapshot_gb", "monthly_rds_snapshot_gb", "monthly_aurora_snapshot_gb", "monthly_dynamodb_backup_gb"].map((key) => [
                key,
                "warm backup storage (GB; Infracost keys these on the vault, Runway prices them on the plan; summed)",
            ]),
        ),
        notModelled: Object.fromEntries(
            [
                "monthly_efs_cold_backup_gb",
                "monthly_efs_warm_restore_gb",
                "monthly_efs_cold_restore_gb",
                "monthly_efs_item_restore_requests",
                "monthly_dynamodb_restore_gb",
                "monthly_fsx_windows_backup_gb",
                "monthly_fsx_lustre_backup_gb",
            ].map((key) => [key, "cold storage, restores and FSx backups are not modelled"]),
        ),
        convert: (v) =>
            defined({
                "backup.warmGbStored": summed(
                    v,
                    ["monthly_efs_warm_backup_gb", "monthly_ebs_snapshot_gb", "monthly_rds_snapshot_gb", "monthly_aurora_snapshot_gb", "monthly_dynamodb_backup_gb"],
                    1,
                ),
            }),
    },
};

function s3Mapping(): InfracostTypeMapping {
    const other = ["intelligent_tiering", "standard_infrequent_access", "one_zone_infrequent_access", "glacier_flexible_retrieval", "glacier_deep_archive"];
    return {
        terraform: ["aws_s3_bucket"],
        keys: {
            "standard.storage_gb": "S3 Standard storage (GB; Runway spreads it over the bucket's lifecycle classes)",
            "standard.monthly_tier_1_requests": "PUT, COPY, POST, LIST requests per month",
            "standard.monthly_tier_2_requests": "GET and other requests per month",
        },
        notModelled: {
            object_tags: "object tags are not modelled",
            "standard.monthly_select_data_scanned_gb": "S3 Select is not modelled",
            "standard.monthly_select_data_returned_gb": "S3 Select is not modelled",
            ...Object.fromEntries(other.map((cls) => [`${cls}.*`, "Runway derives the storage-class mix from the bucket's lifecycle rules: give the bucket's total as standard.storage_gb"])),
        },
        convert: (v) =>
            defined({
                "s3.gbStored": scaled(v, "standard.storage_gb", 1, ""),
                "s3.putRequests1kPerMonth": scaled(v, "standard.monthly_tier_1_requests", 1e-3, "1k"),
                "s3.getRequests1kPerMonth": scaled(v, "standard.monthly_tier_2_requests", 1e-3, "1k"),
            }),
    };
}

function wafClassic(terraform: string): InfracostTypeMapping {
    return {
        terraform: [terraform],
        keys: { monthly_requests: "web requests per month" },
        notModelled: { rule_group_rules: "Runway counts the web ACL's rules from its declaration" },
        convert: (v) => defined({ "waf.requestsMillionsPerMonth": scaled(v, "monthly_requests", 1e-6, "million") }),
    };
}

/** Keys Infracost users sometimes write that are not Infracost keys, with the key Runway maps instead. */
export const KEY_HINTS: Readonly<Record<string, string>> = {
    average_acu_per_hour: "Infracost's key for Aurora Serverless v2 capacity is capacity_units_per_hr (on the cluster instance)",
    monthly_outbound_data_gb: "Infracost keys internet egress on its aws_data_transfer pseudo-resource; Runway reads internetEgress.gbOutPerMonth per entry point (set it in a Runway usage file)",
    storage: "the key is storage_gb",
    average_request_duration: "the key is request_duration_ms",
};

/** True when `key` is one of the mapping's keys (`a.*` patterns take `a.<sub>` and a scalar `a`). */
function matchesKey(patterns: readonly string[], key: string): boolean {
    return patterns.some((p) => (p.endsWith(".*") ? key === p.slice(0, -2) || key.startsWith(p.slice(0, -1)) : key === p));
}

/** True when the mapping reads `key`. */
export function mapsKey(mapping: InfracostTypeMapping, key: string): boolean {
    return matchesKey(Object.keys(mapping.keys), key);
}

/** Why Runway does not read `key` for this mapping's type, when Infracost documents it. */
export function notModelledReason(mapping: InfracostTypeMapping, key: string): string | undefined {
    const found = Object.entries(mapping.notModelled ?? {}).find(([pattern]) => matchesKey([pattern], key));
    return found?.[1];
}

/** Pulumi types whose Infracost keys Runway maps, by Terraform type. */
export function pulumiTypesOf(terraformType: string): string[] {
    return Object.entries(INFRACOST_MAPPINGS)
        .filter(([, m]) => m.terraform.includes(terraformType))
        .map(([type]) => type);
}

/** Every Terraform type with a mapping. */
export function mappedTerraformTypes(): string[] {
    return [...new Set(Object.values(INFRACOST_MAPPINGS).flatMap((m) => [...m.terraform]))].sort();
}

/**
 * A name key's matcher. A key with `*` is a wildcard: `[*]` stands for Infracost's "any index" and matches
 * `name`, `name[…]`, `name-<anything>`, `name_<anything>`, `name.<anything>` and `name<digits>` (how Pulumi programs
 * usually name resources declared in a loop); any other `*` matches any characters.
 */
export function compileNamePattern(pattern: string): RegExp {
    const parts = pattern.split("[*]").map((part) =>
        part
            .split("*")
            .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
            .join(".*"),
    );
    return new RegExp(`^${parts.join("(?:\\[[^\\]]*\\]|[-_.][^]*|\\d+)?")}$`);
}

/** One `resource_usage` entry. */
export interface InfracostEntry {
    /** The key as written (`worker`, `aws_lambda_function.worker`, `worker[*]`). */
    key: string;
    /** The logical name (or pattern) it names. */
    name: string;
    /** Set for a wildcard key. */
    pattern?: RegExp;
    /** Set for a Terraform address: the Pulumi types it may name. */
    types?: string[];
    values: InfracostValues;
}

/** A parsed Infracost usage file. */
export interface InfracostDocument {
    file: string;
    entries: InfracostEntry[];
    /** `resource_type_default_usage`, by Terraform type. */
    typeDefaults: { terraform: string; values: InfracostValues }[];
}

/** True when a parsed usage document has Infracost's shape (`version` with `resource_usage` or type defaults). */
export function isInfracostShape(value: unknown): boolean {
    return isRecord(value) && ("resource_usage" in value || "resource_type_default_usage" in value || ("version" in value && !("fields" in value) && !("byName" in value)));
}

/** Flattens an entry: `{ standard: { storage_gb: 1 } }` → `{ "standard.storage_gb": 1 }`; `null` values are unset. */
function flatten(value: unknown, where: string, fail: (field: string, problem: string) => never, prefix = ""): Record<string, number> {
    if (!isRecord(value)) return fail(where, "must map usage keys to numbers");
    const out: Record<string, number> = {};
    for (const [key, raw] of Object.entries(value)) {
        const full = prefix === "" ? key : `${prefix}.${key}`;
        if (raw === null || raw === undefined) continue;
        if (isRecord(raw)) {
            Object.assign(out, flatten(raw, where, fail, full));
            continue;
        }
        if (typeof raw !== "number" || !plausibleUsage(raw)) {
            fail(`${where}: key "${full}"`, `must be a non-negative number of at most ${MAX_USAGE_VALUE.toExponential()}, got ${JSON.stringify(raw)} (Runway models on-demand Linux list prices; options such as operating_system are not read)`);
        }
        out[full] = raw as number;
    }
    return out;
}

/** The logical name, wildcard and Terraform-type restriction a `resource_usage` key stands for. */
function entryName(key: string): Pick<InfracostEntry, "name" | "pattern" | "types"> {
    const dot = key.indexOf(".");
    const tf = dot > 0 ? key.slice(0, dot) : "";
    const types = tf.startsWith("aws_") ? pulumiTypesOf(tf) : [];
    const name = types.length > 0 ? key.slice(dot + 1) : key;
    return { name, ...(name.includes("*") ? { pattern: compileNamePattern(name) } : {}), ...(types.length > 0 ? { types } : {}) };
}

/**
 * Parses an Infracost usage document (already read from YAML or JSON). Bad shape is a `CostInputError` naming the
 * file, and so are the keys of entries whose type is known here (type defaults, Terraform addresses); the keys of an
 * entry named by logical name are checked against the program's resources (`checkInfracostAgainst`).
 */
export function parseInfracostDocument(value: unknown, file: string): InfracostDocument {
    const fail = (field: string, problem: string): never => {
        throw new CostInputError(`${file}: ${field} ${problem}`);
    };
    if (!isRecord(value)) return fail("(top level)", "must be an object { version, resource_usage }");
    for (const key of Object.keys(value)) {
        if (!["version", "resource_usage", "resource_type_default_usage"].includes(key)) {
            fail(key, "is not an Infracost usage-file field (allowed: version, resource_type_default_usage, resource_usage)");
        }
    }
    if (String(value.version).replace(/^v/, "") !== "0.1") fail("version", `must be 0.1 (Infracost's usage-file version), got ${JSON.stringify(value.version)}`);
    const entries: InfracostEntry[] = [];
    const usage = value.resource_usage ?? {};
    if (!isRecord(usage)) return fail("resource_usage", "must map resource names to usage keys");
    for (const [key, raw] of Object.entries(usage)) {
        if (key.trim() === "") fail("resource_usage", "keys must not be empty");
        const where = `resource_usage["${key}"]`;
        entries.push({ key, ...entryName(key), values: raw === null ? {} : flatten(raw, where, fail) });
    }
    const typeDefaults: InfracostDocument["typeDefaults"] = [];
    const defaults = value.resource_type_default_usage ?? {};
    if (!isRecord(defaults)) return fail("resource_type_default_usage", "must map Terraform resource types to usage keys");
    for (const [terraform, raw] of Object.entries(defaults)) {
        const where = `resource_type_default_usage["${terraform}"]`;
        if (pulumiTypesOf(terraform).length === 0) {
            fail(where, `is not a Terraform type Runway maps (mapped: ${mappedTerraformTypes().join(", ")})`);
        }
        typeDefaults.push({ terraform, values: raw === null ? {} : flatten(raw, where, fail) });
    }
    const doc = { file, entries, typeDefaults };
    for (const d of typeDefaults) convertValues(doc, `resource_type_default_usage["${d.terraform}"]`, d.values, pulumiTypesOf(d.terraform), d.terraform);
    for (const e of entries.filter((x) => x.types !== undefined)) convertValues(doc, `resource_usage["${e.key}"]`, e.values, e.types, e.key.split(".")[0]);
    return doc;
}

/** `allowed: a, b` for a mapping, with a hint for a near miss. */
function allowedText(mapping: InfracostTypeMapping, key: string): string {
    const reason = notModelledReason(mapping, key) ?? KEY_HINTS[key];
    return `${reason ? `${reason}; ` : ""}allowed: ${Object.keys(mapping.keys).join(", ")}`;
}

/**
 * Converts one entry's values to Runway usage values. With `types` (a Terraform address or type default, or the
 * types of the resources the entry names) every key must be mapped for one of them; without, for some mapped type
 * that takes all of the entry's keys.
 */
export function convertValues(
    doc: Pick<InfracostDocument, "file">,
    where: string,
    values: InfracostValues,
    types: readonly string[] | undefined,
    typeLabel?: string,
): Partial<Record<UsageKey, ConvertedValue>> {
    const fail = (problem: string): never => {
        throw new CostInputError(`${doc.file}: ${where}${typeLabel ? ` (${typeLabel})` : ""}: ${problem}`);
    };
    const keys = Object.keys(values);
    const pool = (types ?? Object.keys(INFRACOST_MAPPINGS)).filter((t) => INFRACOST_MAPPINGS[t] !== undefined);
    if (types !== undefined && pool.length === 0) {
        return fail(`Runway reads no Infracost usage keys for ${types.join(", ")} (types with keys: ${mappedTerraformTypes().join(", ")})`);
    }
    const candidates = pool.filter((t) => keys.every((k) => mapsKey(INFRACOST_MAPPINGS[t], k)));
    if (candidates.length === 0) {
        if (types !== undefined) {
            const mapping = INFRACOST_MAPPINGS[pool[0]];
            const bad = keys.find((k) => !pool.some((t) => mapsKey(INFRACOST_MAPPINGS[t], k))) ?? keys[0];
            return fail(`key "${bad}" is not an Infracost key Runway maps for ${mapping.terraform.join("/")} (${allowedText(mapping, bad)})`);
        }
        const bad = keys.find((k) => !pool.some((t) => mapsKey(INFRACOST_MAPPINGS[t], k)));
        if (bad !== undefined) {
            const known = pool.find((t) => notModelledReason(INFRACOST_MAPPINGS[t], bad) !== undefined);
            const hint = known !== undefined ? `${notModelledReason(INFRACOST_MAPPINGS[known], bad)} (${INFRACOST_MAPPINGS[known].terraform.join("/")})` : KEY_HINTS[bad];
            return fail(`key "${bad}" is not an Infracost usage key Runway maps for any resource type${hint ? ` (${hint})` : ""}; see docs/prices.md "Infracost usage files"`);
        }
        return fail(`keys ${keys.join(", ")} do not belong to one resource type; see docs/prices.md "Infracost usage files"`);
    }
    const out: Partial<Record<UsageKey, ConvertedValue>> = {};
    for (const type of candidates) {
        let converted: Partial<Record<UsageKey, ConvertedValue>>;
        try {
            converted = INFRACOST_MAPPINGS[type].convert(values);
        } catch (err) {
            return fail((err as Error).message);
        }
        for (const [key, value] of Object.entries(converted) as [UsageKey, ConvertedValue][]) {
            const seen = out[key];
            if (seen !== undefined && Math.abs(seen.value - value.value) > 1e-12) {
                return fail(`keys ${keys.join(", ")} give ${key} two values (${seen.from}; ${value.from}): name the type with its Terraform address (e.g. ${INFRACOST_MAPPINGS[type].terraform[0]}.<name>)`);
            }
            out[key] = value;
        }
    }
    return out;
}

/** A declared resource as the check sees it. */
export interface NamedResource {
    name: string;
    type: string;
}

/** True when `entry` names `r`. */
export function entryMatches(entry: InfracostEntry, r: NamedResource): boolean {
    if (entry.types !== undefined && !entry.types.includes(r.type)) return false;
    return entry.pattern !== undefined ? entry.pattern.test(r.name) : entry.name === r.name;
}

/**
 * Checks the file against the program's resources: every `resource_usage` key names a declared resource (by logical
 * name, Terraform address or wildcard), and each of its keys is one Runway maps for that resource's type. Without
 * `resources` (a run that is not at hand), each entry's keys must fit some mapped type.
 */
export function checkInfracostAgainst(doc: InfracostDocument, resources?: readonly NamedResource[]): void {
    if (resources === undefined) {
        for (const e of doc.entries) convertValues(doc, `resource_usage["${e.key}"]`, e.values, e.types, e.types === undefined ? undefined : e.key.split(".")[0]);
        return;
    }
    const priced = resources.filter((r) => INFRACOST_MAPPINGS[r.type] !== undefined);
    for (const entry of doc.entries) {
        const where = `resource_usage["${entry.key}"]`;
        const matched = resources.filter((r) => entryMatches(entry, r));
        if (matched.length === 0) {
            const names = [...new Set(priced.map((r) => r.name))];
            const shown = names.slice(0, 15).join(", ") + (names.length > 15 ? `, … (${names.length - 15} more)` : "");
            throw new CostInputError(
                `${doc.file}: ${where}: no resource ${entry.pattern ? "matches" : "named"} ${JSON.stringify(entry.name)}${entry.types ? ` of type ${entry.types.join("/")}` : ""} in the program (resources that read usage: ${shown || "none"})`,
            );
        }
        const types = [...new Set(matched.map((r) => r.type))];
        const label = matched.length === 1 ? `${matched[0].name}, ${matched[0].type}` : `${matched.length} resources: ${types.join(", ")}`;
        convertValues(doc, where, entry.values, types, label);
    }
}
