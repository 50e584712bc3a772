/** The pricer for each resource type token. A type missing here is reported as unpriced. */
import type { Pricer } from "./context";
import { apiEdgePricers } from "./pricers/api-edge";
import { cachePricers } from "./pricers/cache";
import { cdnPricers } from "./pricers/cdn";
import { computePricers } from "./pricers/compute";
import { containerPricers } from "./pricers/containers";
import { databasePricers } from "./pricers/database";
import { freePricers } from "./pricers/free";
import { managementPricers } from "./pricers/management";
import { messagingPricers } from "./pricers/messaging";
import { networkPricers } from "./pricers/network";
import { observabilityPricers } from "./pricers/observability";
import { platformPricers } from "./pricers/platform";
import { securityPricers } from "./pricers/security";
import { serverlessPricers } from "./pricers/serverless";
import { storagePricers } from "./pricers/storage";

const FAMILIES: Record<string, Pricer>[] = [
    freePricers,
    computePricers,
    containerPricers,
    databasePricers,
    cachePricers,
    networkPricers,
    storagePricers,
    cdnPricers,
    securityPricers,
    observabilityPricers,
    messagingPricers,
    managementPricers,
    serverlessPricers,
    platformPricers,
    apiEdgePricers,
];

/** Every priced (or deliberately free) type token → its pricer. */
export const PRICERS: ReadonlyMap<string, Pricer> = (() => {
    const map = new Map<string, Pricer>();
    for (const family of FAMILIES) {
        for (const [type, pricer] of Object.entries(family)) {
            if (map.has(type)) throw new Error(`cost/registry: ${type} has two pricers`);
            map.set(type, pricer);
        }
    }
    return map;
})();
