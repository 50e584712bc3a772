/**
 * What the policies of one pack instance share, and nothing else does: the pack-wide settings `runway-settings`
 * records, the catalog waivers are checked against, and the ledgers of findings left for the companions. Built once
 * per `createPolicies` call, so two packs in one process (or two tests) never see each other's state, and passed to
 * every policy that needs it rather than parked in module variables.
 */
import { FindingLedger } from "./ledger";
import type { RuleMeta } from "./rule";
import { PackWideSettings } from "./settings";
import { catalogOf, type PolicyCatalog } from "./waivers";

export interface PackScope {
    readonly settings: PackWideSettings;
    readonly catalog: PolicyCatalog;
    /** Waived findings, reported by `runway-waivers`. */
    readonly waived: FindingLedger;
    /** Findings advisory whatever their policy's level, reported by `runway-advisory`. */
    readonly advisory: FindingLedger;
}

export function newPackScope(rules: readonly RuleMeta[]): PackScope {
    return { settings: new PackWideSettings(), catalog: catalogOf(rules), waived: new FindingLedger(), advisory: new FindingLedger() };
}
