/**
 * Which EC2 instances have snapshots: a DLM lifecycle policy whose target tags all match the instance's volumes'
 * tags, or an AWS Backup selection that names the instance, selects every resource ("*") or selects by a tag the
 * instance carries. An enabled DLM policy whose target tags are unknown in preview cannot be disproved: it covers
 * every instance, and a single tag value unknown in preview matches any instance carrying that tag.
 *
 * DLM policies and selections are indexed once per graph (by tag), so that asking about each of N instances costs
 * what the instance's own tags cost, not N × the number of policies and selections.
 */
import type { StackResource } from "../../model/resource";
import { pushTo } from "../../model/multimap";
import { asArray, asRecord, asString, at, stringsOf, tagsOf, UNKNOWN } from "../../model/values";
import type { Graph } from "../../model/graph";
import { AWS_TYPE } from "../../model/aws-types";

export interface SnapshotView {
    /** True when a DLM policy or an AWS Backup selection covers `instance`. */
    covers(instance: StackResource): boolean;
}

type Tags = Record<string, string>;
/**
 * Tags the instance must carry, each with this value; a value unknown in preview cannot be disproved, so the tag's
 * presence is enough. (A value that is neither, like a number, matches nothing: AWS tag values are strings.)
 */
type Condition = readonly (readonly [string, string | typeof UNKNOWN])[];

/** The condition `entries` state, or undefined when no instance can meet it. */
function conditionOf(entries: readonly (readonly [string, unknown])[]): Condition | undefined {
    const condition: [string, string | typeof UNKNOWN][] = [];
    for (const [key, raw] of entries) {
        const value = asString(raw);
        if (value === undefined) return undefined;
        condition.push([key, value]);
    }
    return condition.length > 0 ? condition : undefined;
}

/** The tags DLM matches on an instance's volumes: the instance's own (with provider default tags), volumeTags, and each device's. */
function volumeTags(instance: StackResource): Tags {
    const tags = { ...tagsOf(instance.props, instance.providerProps), ...tagsOf({ tags: instance.props.volumeTags }), ...tagsOf({ tags: at(instance.props.rootBlockDevice, "tags") }) };
    const devices = asArray(instance.props.ebsBlockDevices);
    for (const d of Array.isArray(devices) ? devices : []) Object.assign(tags, tagsOf({ tags: at(d, "tags") }));
    return tags;
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

function matches(condition: Condition, tags: Tags): boolean {
    return condition.every(([k, v]) => (v === UNKNOWN ? Object.hasOwn(tags, k) : tags[k] === v));
}

/** The condition filed under its first known tag, or with the ones checked for every instance. */
function file(condition: Condition, byTag: Map<string, Condition[]>, everyInstance: Condition[]): void {
    const known = condition.find(([, v]) => v !== UNKNOWN);
    if (known && typeof known[1] === "string") pushTo(byTag, pairKey(known[0], known[1]), condition);
    else everyInstance.push(condition);
}

export function snapshotView(g: Graph): SnapshotView {
    return g.view("snapshots", (graph) => {
        /** An enabled DLM policy whose targets are unknown (it cannot be disproved), or a selection of "*". */
        let everything = false;
        /** Instances named by a selection. */
        const named = new Set<StackResource>();
        /** Conditions (a DLM policy's target tags, one tag of a selection) by their first known tag; the rest apart. */
        const byTag = new Map<string, Condition[]>();
        const everyInstance: Condition[] = [];
        for (const p of graph.ofType(AWS_TYPE.dlmPolicy)) {
            if (asString(p.props.state) === "DISABLED") continue;
            const target = asRecord(at(p.props.policyDetails, "targetTags"));
            if (target === UNKNOWN) everything = true;
            const condition = target === UNKNOWN || target === undefined ? undefined : conditionOf(Object.entries(target));
            if (condition) file(condition, byTag, everyInstance);
        }
        for (const s of graph.ofType(AWS_TYPE.backupSelection)) {
            for (const t of graph.ref(s, "resources", [AWS_TYPE.instance]).targets) named.add(t);
            if (stringsOf(s.props.resources).known.includes("*")) everything = true;
            const selection = asArray(s.props.selectionTags);
            for (const t of Array.isArray(selection) ? selection : []) {
                const key = asString(at(t, "key"));
                const condition = typeof key === "string" ? conditionOf([[key, at(t, "value")]]) : undefined;
                if (condition) file(condition, byTag, everyInstance);
            }
        }
        return {
            covers(instance: StackResource): boolean {
                if (everything || named.has(instance)) return true;
                const tags = volumeTags(instance);
                for (const [key, value] of Object.entries(tags)) {
                    for (const condition of byTag.get(pairKey(key, value)) ?? []) if (matches(condition, tags)) return true;
                }
                return everyInstance.some((condition) => matches(condition, tags));
            },
        };
    });
}
