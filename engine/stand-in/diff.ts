/**
 * The stand-in's Diff: which inputs changed, and whether one of them forces a replacement. Replacement-forcing
 * properties come from `data/replacement-properties.json` through `transition/catalog.ts`, the same table the
 * plan's stage-move engine reads.
 */
import { typeInfo } from "../../transition/catalog";
import { isEngineKey, sameValue, valueAt } from "../../transition/values";

export interface StandInDiff {
    changed: string[];
    replaces: string[];
    deleteBeforeReplace: boolean;
}

/** Types whose physical name is unique in AWS, so a replacement must delete the old one first when the name stays. */
const NAMED_BY_INPUT: Record<string, string> = {
    "aws:s3/bucket:Bucket": "bucket",
    "aws:s3/bucketV2:BucketV2": "bucket",
    "aws:rds/instance:Instance": "identifier",
    "aws:rds/cluster:Cluster": "clusterIdentifier",
    "aws:elasticache/replicationGroup:ReplicationGroup": "replicationGroupId",
};

export function diffInputs(type: string, olds: Record<string, unknown>, news: Record<string, unknown>): StandInDiff {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)].filter((key) => !isEngineKey(key)));
    const changed = [...keys].filter((key) => !sameValue(olds[key], news[key])).sort();
    const replaces = typeInfo(type)
        .replaceOnChange.map((entry) => entry.property)
        .filter((property) => !sameValue(valueAt(olds, property), valueAt(news, property)));
    const nameKey = NAMED_BY_INPUT[type];
    const keepsName = nameKey !== undefined && news[nameKey] !== undefined && sameValue(olds[nameKey], news[nameKey]);
    return { changed, replaces: [...new Set(replaces)].sort(), deleteBeforeReplace: replaces.length > 0 && keepsName };
}
