/**
 * The two packs the lab compares, and how each is loaded in-process and served over gRPC.
 *
 * - Runway: the policy list from `policies/pack.ts` (`runwayPack`); served as the Pulumi CLI serves `--policy-pack
 *   policies`: the CLI's launcher (`run-policy-pack`) on the folder, which loads package.json's `main`, the pack
 *   compiled into `policies/bin/` (`buildRunwayPack`).
 * - awsguard: `@pulumi/awsguard` 0.3.1 installed in its own folder (`lab/awsguard/`, own lockfile: it pins
 *   `@pulumi/aws` 4 and `aws-sdk` 2), served the same way: the launcher (from its own `@pulumi/pulumi`) on the
 *   folder, whose `main` is `index.js` (`new AwsGuard({ all: "mandatory" })`).
 *   In-process, its exported policy objects are collected from its service modules and evaluated as one pack
 *   with every policy mandatory — what `{ all: "mandatory" }` configures.
 *
 * Both in-process loaders `require` lazily: a worker that measures one pack loads only that pack, so its peak RSS
 * is that pack's.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Policies } from "@pulumi/policy";
import type { PackConfig, PolicyPackDefinition, StartOptions } from "../harness";
import type { PackId } from "./found";

export const ROOT = path.resolve(__dirname, "..");
export const AWSGUARD_DIR = path.join(__dirname, "awsguard");
const AWSGUARD_MODULE = path.join(AWSGUARD_DIR, "node_modules", "@pulumi", "awsguard");
const AWSGUARD_SERVICES = ["apiGateway", "compute", "database", "elasticsearch", "network", "security", "storage"];
/** The Runway pack's folder: what `--policy-pack policies` names. */
const RUNWAY_DIR = path.join(ROOT, "policies");

/** The pack-wide config both paths give Runway: the hero profile (the synthetic stacks are hero units). */
export const RUNWAY_CONFIG: PackConfig = { "runway-settings": { stage: "hero" } };

function isPolicyLike(value: unknown): value is Policies[number] {
    return (
        typeof value === "object" &&
        value !== null &&
        typeof (value as { name?: unknown }).name === "string" &&
        typeof (value as { description?: unknown }).description === "string" &&
        ("validateResource" in value || "validateStack" in value)
    );
}

/** The Runway pack's definition (`policies/pack.ts`), for in-process evaluation. */
export function loadRunwayPack(): PolicyPackDefinition {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("../policies/pack") as typeof import("../policies/pack")).runwayPack;
}

/** awsguard's policies as one pack definition, every policy mandatory (`new AwsGuard({ all: "mandatory" })`). */
export function loadAwsguardPack(): PolicyPackDefinition {
    const policies: Policies = [];
    const seen = new Set<string>();
    for (const service of AWSGUARD_SERVICES) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require(path.join(AWSGUARD_MODULE, `${service}.js`)) as Record<string, unknown>;
        for (const value of Object.values(mod)) {
            if (isPolicyLike(value) && !seen.has(value.name)) {
                seen.add(value.name);
                policies.push(value);
            }
        }
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version = (require(path.join(AWSGUARD_MODULE, "package.json")) as { version: string }).version.replace(/^v/, "");
    return { name: "pulumi-awsguard", version, enforcementLevel: "mandatory", policies };
}

/**
 * How to spawn a pack's analyzer: through the Pulumi CLI's own launcher, on the pack's folder (`launcher: true`).
 * `typeScript` serves Runway's TypeScript entry through that launcher instead: what a pack whose `main` is
 * `index.ts` costs, since the launcher type-checks it with ts-node at every start.
 */
export function analyzerOptions(pack: PackId, typeScript = false): StartOptions {
    if (pack === "awsguard") {
        return { packDir: AWSGUARD_DIR, launcher: true, timeoutMs: 120_000 };
    }
    return { packDir: RUNWAY_DIR, launcher: true, ...(typeScript ? { entry: "index.ts" } : {}), timeoutMs: 120_000 };
}

/** Installs awsguard from its lockfile when `lab/awsguard/node_modules` is missing (a clean clone). */
export function ensureAwsguardInstalled(log: (line: string) => void): void {
    if (fs.existsSync(path.join(AWSGUARD_MODULE, "package.json"))) {
        return;
    }
    log("installing @pulumi/awsguard into lab/awsguard (npm ci, its own lockfile)…");
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    execFileSync(npm, ["ci", "--prefix", AWSGUARD_DIR, "--no-audit", "--no-fund"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
}

/**
 * Compiles the Runway pack into `policies/bin/` (package.json's `main`), as `npm ci` and `npm test` do, so that the
 * launcher serves the current sources. Returns the compile time in ms.
 */
export function buildRunwayPack(): number {
    const started = Date.now();
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(RUNWAY_DIR, "tsconfig.json")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    return Date.now() - started;
}
