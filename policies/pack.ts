/**
 * The Runway policy pack as data — imported by `index.ts` (which serves it) and by tests, the plan and the
 * harness (which evaluate it in-process). Importing this module starts no server.
 *
 * Order matters: `runway-settings` first (records pack-wide settings), the companions `runway-waivers` and
 * `runway-advisory` last (they report what the rules left for them in the same request); `createPolicies` builds them.
 */
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { createPolicies } from "./lib/policy";
import type { ResourceRule, Rule, StackRule } from "./lib/rule";
import { albListenerHttps, cloudfrontHttpsOnly, ec2Imdsv2Required, ecrScanOnPush, iamNoAdminStar, rdsManagedCredentials, sgNoWorldAdminPorts, sgWorldIngressWebOnly } from "./rules/access";
import { asgScalingPolicy, ecsServiceAutoscaling } from "./rules/autoscaling";
import { customerManagedKeys, dataEncryptedInTransit, ebsEncryptedAtRest, storageEncryptedAtRest } from "./rules/encryption";
import { albAccessLogs, cloudtrailEnabled, vpcFlowLogs } from "./rules/logging";
import { noPublicDataStores } from "./rules/public-data-stores";
import { dbBackupRetention, dbDeletionProtection, dbHighAvailability, instanceSnapshots, servicesMultiAz, statefulResourcesProtected } from "./rules/resilience";
import { s3BucketEncryption, s3BucketPublicAccess, s3PublicAccessBlock } from "./rules/s3";
// An import (not a require) so that tsc copies the manifest beside the compiled pack (bin/package.json).
import manifest from "./package.json";

export const PACK_NAME = "runway";
export const PACK_VERSION: string = manifest.version;
export const PACK_DESCRIPTION: string = manifest.description;

/** Every rule, in the order the analyzer runs them. */
export const rules: readonly Rule[] = [
    // Databases reachable from the internet
    noPublicDataStores,
    // Unencrypted storage
    s3BucketEncryption,
    s3BucketPublicAccess,
    s3PublicAccessBlock,
    storageEncryptedAtRest,
    ebsEncryptedAtRest,
    dataEncryptedInTransit,
    customerManagedKeys,
    // Missing autoscaling
    ecsServiceAutoscaling,
    asgScalingPolicy,
    // Access
    sgNoWorldAdminPorts,
    sgWorldIngressWebOnly,
    ec2Imdsv2Required,
    iamNoAdminStar,
    rdsManagedCredentials,
    albListenerHttps,
    cloudfrontHttpsOnly,
    ecrScanOnPush,
    // Resilience and logging by stage
    dbHighAvailability,
    dbDeletionProtection,
    dbBackupRetention,
    statefulResourcesProtected,
    servicesMultiAz,
    instanceSnapshots,
    vpcFlowLogs,
    cloudtrailEnabled,
    albAccessLogs,
];

/** Rules checked on each resource's inputs (`Analyze`): one CrossGuard resource policy each, named after the rule. */
export const resourceRules: readonly ResourceRule[] = rules.filter((r): r is ResourceRule => r.kind === "resource");
/** Rules checked on the resource graph (`AnalyzeStack`): all run inside the one stack policy `runway-graph`. */
export const graphRules: readonly StackRule[] = rules.filter((r): r is StackRule => r.kind === "stack");

/**
 * The CrossGuard policies: `runway-settings`, one resource policy per resource rule, `runway-graph` (every graph
 * rule; see `graphPolicy` for why one), `runway-waivers`, `runway-advisory`. Four stack policies in all.
 */
export const policies: Policies = createPolicies(rules);

/** What `new PolicyPack(name, { policies, enforcementLevel })` is given (the harness's PolicyPackDefinition). */
export const runwayPack: { name: string; version: string; enforcementLevel?: EnforcementLevel; policies: Policies } = {
    name: PACK_NAME,
    version: PACK_VERSION,
    policies,
};
