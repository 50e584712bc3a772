import * as pulumi from "@pulumi/pulumi";
import type { RunwayConfig } from "./types";
import { validateConfig, type RawConfig } from "./validate";

/**
 * Reads every `runway:` key of the current stack (through `pulumi.Config("runway")`) and validates it.
 * Runway reads no secret config: the database password is managed by RDS and the Redis token is generated.
 */
export function loadConfig(): RunwayConfig {
    const config = new pulumi.Config("runway");
    const raw: Record<string, string | undefined> = {};
    for (const fullKey of Object.keys(pulumi.runtime.allConfig())) {
        if (!fullKey.startsWith("runway:")) continue;
        raw[fullKey] = config.get(fullKey.slice("runway:".length));
    }
    return validateConfig(raw as RawConfig);
}
