/**
 * The compliance frameworks the rules cite, and shorthands for their controls (`RuleMeta.frameworks`). Control ids
 * are the frameworks' own, as each source publishes them.
 */
import type { FrameworkControl } from "../lib/rule";

export interface Framework {
    /** The short name every control record carries. */
    name: string;
    title: string;
    /** Versions whose control ids the rules cite (none: the framework numbers its controls without one). */
    versions: readonly string[];
    /** Where the control ids come from. */
    source: string;
}

export const FSBP: Framework = {
    name: "AWS FSBP",
    title: "AWS Foundational Security Best Practices (Security Hub)",
    versions: [],
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html",
};

export const CIS_AWS: Framework = {
    name: "CIS AWS",
    title: "CIS Amazon Web Services Foundations Benchmark",
    versions: ["1.4", "3.0"],
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/cis-aws-foundations-benchmark.html",
};

export const WELL_ARCHITECTED: Framework = {
    name: "AWS Well-Architected",
    title: "AWS Well-Architected Framework, Reliability Pillar",
    versions: [],
    source: "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/welcome.html",
};

export const FRAMEWORKS: readonly Framework[] = [FSBP, CIS_AWS, WELL_ARCHITECTED];

/** AWS FSBP controls, e.g. `fsbp("RDS.2", "RDS.9")`. */
export function fsbp(...controls: string[]): FrameworkControl[] {
    return controls.map((control) => ({ name: FSBP.name, control }));
}

/** CIS AWS Foundations Benchmark recommendations of one version, e.g. `cisAws("3.0", "5.2")`. */
export function cisAws(version: "1.4" | "3.0", ...controls: string[]): FrameworkControl[] {
    return controls.map((control) => ({ name: CIS_AWS.name, version, control }));
}

/** AWS Well-Architected best practices, e.g. `wellArchitected("REL07-BP01")`. */
export function wellArchitected(...controls: string[]): FrameworkControl[] {
    return controls.map((control) => ({ name: WELL_ARCHITECTED.name, control }));
}
