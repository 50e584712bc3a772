/**
 * S3: an explicit server-side-encryption configuration and a full public-access block for every bucket,
 * and no public ACL. In AWS provider v7 these are separate resources (`BucketServerSideEncryptionConfiguration`,
 * `BucketPublicAccessBlock`, `BucketAcl`, and their legacy `*V2` type tokens) linked to the bucket by name, id
 * or — in preview — by propertyDependencies, so these are stack policies over the graph.
 *
 * What we enforce, and why:
 * - Since 5 January 2023 S3 encrypts every new object with SSE-S3 when the bucket has no configuration
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html), so a bucket without one
 *   is not plaintext. We still require an explicit configuration (inline, deprecated, or the separate resource):
 *   the key choice is then deliberate, reviewed and drift-detected. Option `requireKms` also requires SSE-KMS.
 * - Since April 2023 new buckets get all four Block Public Access settings and ACLs disabled by default
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-overview.html). That default is not
 *   drift-detected by the program, so we require an explicit block with all four flags (or an account-level
 *   `AccountPublicAccessBlock` with all four in the same stack).
 */
import { BUCKET_ACL, BUCKET_SSE, BUCKETS, AWS_TYPE } from "../../model/aws-types";
import type { Graph } from "../../model/graph";
import type { StackResource } from "../../model/resource";
import { finding, notEvaluated, type ResourceRule, type RuleFinding, type StackRule } from "../lib/rule";
import { cisAws, fsbp } from "./frameworks";
import { asArray, asBool, asList, asString, at, UNKNOWN } from "../../model/values";

const PUBLIC_CANNED_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GRANTEES = ["http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"];
const PAB_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** Bucket URN → linked resources of `types` (by `bucket` name/id or dependencies); plus links that stay unknown. */
function linkedToBuckets(g: Graph, types: readonly string[]): { byBucket: Map<string, StackResource[]>; unresolved: StackResource[] } {
    return g.view(`s3-links:${types.join(",")}`, (graph) => {
        const byBucket = new Map<string, StackResource[]>();
        const unresolved: StackResource[] = [];
        for (const r of graph.ofType(...types)) {
            const ref = graph.ref(r, "bucket", BUCKETS);
            if (ref.unknown) unresolved.push(r);
            for (const b of ref.targets) byBucket.set(b.urn, [...(byBucket.get(b.urn) ?? []), r]);
        }
        return { byBucket, unresolved };
    });
}

function sseAlgorithms(rules: unknown): string[] | typeof UNKNOWN {
    const list = asList(rules);
    if (list === UNKNOWN) return UNKNOWN;
    const out: string[] = [];
    for (const rule of list ?? []) {
        const alg = asString(at(rule, "applyServerSideEncryptionByDefault", "sseAlgorithm"));
        if (alg === UNKNOWN) return UNKNOWN;
        if (typeof alg === "string") out.push(alg);
    }
    return out;
}

export const s3BucketEncryption: StackRule = {
    kind: "stack",
    name: "s3-bucket-encryption",
    description: "Every S3 bucket has an explicit server-side-encryption configuration (SSE-S3 or SSE-KMS; SSE-KMS when requireKms).",
    severity: "medium",
    enforcementLevel: "mandatory",
    topic: "storage",
    frameworks: [...fsbp("S3.4", "S3.17"), ...cisAws("1.4", "2.1.1")],
    remediationSteps: "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket (bucket: bucket.id) with rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: \"aws:kms\" }, bucketKeyEnabled: true }].",
    options: { requireKms: { type: "boolean", default: false, description: "Require SSE-KMS (aws:kms or aws:kms:dsse), not SSE-S3." } },
    check(ctx) {
        const out: RuleFinding[] = [];
        const links = linkedToBuckets(ctx.graph, BUCKET_SSE);
        const requireKms = ctx.options.requireKms === true;
        for (const bucket of ctx.graph.ofType(...BUCKETS)) {
            const configs: { holder: StackResource; rules: unknown }[] = (links.byBucket.get(bucket.urn) ?? []).map((c) => ({ holder: c, rules: c.props.rule ?? c.props.rules }));
            if (bucket.props.serverSideEncryptionConfiguration !== undefined) {
                configs.push({ holder: bucket, rules: at(bucket.props.serverSideEncryptionConfiguration, "rule") ?? at(bucket.props.serverSideEncryptionConfiguration, "rules") });
            }
            if (configs.length === 0) {
                out.push(links.unresolved.length > 0
                    ? notEvaluated(links.unresolved[0], "bucket", `encryption of bucket ${bucket.name}`)
                    : finding(bucket, `bucket ${bucket.name} has no server-side-encryption configuration (AWS applies SSE-S3 by default, but the program neither chooses nor pins it)`));
                continue;
            }
            if (requireKms) {
                const algs = configs.map((c) => ({ holder: c.holder, algs: sseAlgorithms(c.rules) }));
                const unknown = algs.find((a) => a.algs === UNKNOWN);
                if (unknown) out.push(notEvaluated(unknown.holder, "rules", `encryption algorithm of bucket ${bucket.name}`));
                else if (!algs.some((a) => Array.isArray(a.algs) && a.algs.some((x) => x.startsWith("aws:kms")))) out.push(finding(bucket, `bucket ${bucket.name} is encrypted with SSE-S3, and requireKms asks for SSE-KMS`));
            }
        }
        return out;
    },
};

function publicAcl(holder: StackResource, bucket: StackResource): RuleFinding[] {
    const acl = asString(holder.props.acl);
    if (acl === UNKNOWN) return [notEvaluated(holder, "acl", `ACL of bucket ${bucket.name}`)];
    if (typeof acl === "string" && PUBLIC_CANNED_ACLS.has(acl)) {
        return [finding(bucket, `bucket ${bucket.name} has the public canned ACL "${acl}"${holder === bucket ? "" : ` (from ${holder.name})`}`, { path: [bucket.name, holder === bucket ? "acl" : `acl ${holder.name}`, acl] })];
    }
    const grants = holder === bucket ? asArray(holder.props.grants) : asArray(at(holder.props.accessControlPolicy, "grants"));
    if (grants === UNKNOWN) return [notEvaluated(holder, holder === bucket ? "grants" : "accessControlPolicy", `ACL grants of bucket ${bucket.name}`)];
    for (const grant of grants ?? []) {
        const uri = asString(at(grant, "grantee", "uri")) ?? asString(at(grant, "uri"));
        if (typeof uri === "string" && PUBLIC_GRANTEES.includes(uri)) {
            return [finding(bucket, `bucket ${bucket.name} grants access to ${uri.split("/").pop()}`, { path: [bucket.name, `acl ${holder.name}`, uri] })];
        }
    }
    return [];
}

function accountBlockComplete(g: Graph): boolean {
    return g.ofType(AWS_TYPE.s3AccountPublicAccessBlock).some((a) => PAB_FLAGS.every((f) => asBool(a.props[f]) === true));
}

export const s3BucketPublicAccess: StackRule = {
    kind: "stack",
    name: "s3-bucket-public-access",
    description: "No S3 bucket has a public ACL, and every bucket has a public-access block (or the stack an account-level one).",
    severity: "high",
    enforcementLevel: "mandatory",
    topic: "storage",
    frameworks: [...fsbp("S3.8", "S3.2", "S3.3", "S3.1"), ...cisAws("1.4", "2.1.5")],
    remediationSteps: "Remove public ACLs (use CloudFront with origin access control for public content) and add an aws.s3.BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
    check(ctx) {
        const out: RuleFinding[] = [];
        const acls = linkedToBuckets(ctx.graph, BUCKET_ACL);
        const blocks = linkedToBuckets(ctx.graph, [AWS_TYPE.s3PublicAccessBlock]);
        const accountWide = accountBlockComplete(ctx.graph);
        for (const bucket of ctx.graph.ofType(...BUCKETS)) {
            for (const holder of [bucket, ...(acls.byBucket.get(bucket.urn) ?? [])]) out.push(...publicAcl(holder, bucket));
            if (accountWide || (blocks.byBucket.get(bucket.urn) ?? []).length > 0) continue; // flags: s3-public-access-block
            out.push(blocks.unresolved.length > 0
                ? notEvaluated(blocks.unresolved[0], "bucket", `public-access block of bucket ${bucket.name}`)
                : finding(bucket, `bucket ${bucket.name} has no public-access block`));
        }
        return out;
    },
};

export const s3PublicAccessBlock: ResourceRule = {
    kind: "resource",
    name: "s3-public-access-block",
    description: "A bucket public-access block turns on all four settings.",
    severity: "high",
    enforcementLevel: "mandatory",
    topic: "storage",
    frameworks: [...fsbp("S3.8"), ...cisAws("1.4", "2.1.5")],
    remediationSteps: "Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true (remediation can do it: level \"remediate\").",
    types: [AWS_TYPE.s3PublicAccessBlock, AWS_TYPE.s3AccountPublicAccessBlock],
    check(r) {
        const off: string[] = [];
        for (const flag of PAB_FLAGS) {
            const v = asBool(r.props[flag]);
            if (v === UNKNOWN) return [notEvaluated(r, flag, `public-access block ${r.name}`)];
            if (v !== true) off.push(flag); // unset is false in the API (PutPublicAccessBlock)
        }
        return off.length > 0 ? [finding(r, `public-access block ${r.name} leaves ${off.join(", ")} off`)] : [];
    },
    remediate(props) {
        if (PAB_FLAGS.every((f) => asBool(props[f]) === true)) return undefined;
        const fixed = { ...props };
        for (const f of PAB_FLAGS) fixed[f] = true;
        return fixed;
    },
};
