/**
 * The two packs the benchmark compares, and how each is loaded in-process and served over gRPC.
 *
 * - Runway: the policy list from `policies/pack.ts` (`runwayPack`); served as the Pulumi CLI serves `--policy-pack
 *   policies`: the CLI's launcher (`run-policy-pack`) on the folder, which loads package.json's `main`, the pack
 *   compiled into `policies/bin/` (`buildRunwayPack`).
 * - awsguard: `@pulumi/awsguard` 0.3.1 installed in its own folder (`bench/awsguard/`, own lockfile: it pins
 *   `@pulumi/aws` 4 and `aws-sdk` 2), served the same way: the launcher (from its own `@pulumi/pulumi`) on the
 *   folder, whose `main` is `index.js` (`new AwsGuard({ all: "mandatory" })`).
 *   In-process, its exported policy objects are collected from its service modules and evaluated as one pack
 *   with every policy mandatory — what `{ all: "mandatory" }` configures.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Policies, PolicyResource } from "@pulumi/policy";
import { performance } from "perf_hooks";
import type { PackConfig, PolicyPackDefinition, StartOptions } from "../harness";
import { rawProps } from "../policies/lib/convert";
import type { PackId } from "./found";

export const ROOT = path.resolve(__dirname, "..");
export const AWSGUARD_DIR = path.join(ROOT, "bench", "awsguard");
const AWSGUARD_MODULE = path.join(AWSGUARD_DIR, "node_modules", "@pulumi", "awsguard");
const AWSGUARD_SERVICES = ["apiGateway", "compute", "database", "elasticsearch", "network", "security", "storage"];
/** The Runway pack's folder: what `--policy-pack policies` names. */
const RUNWAY_DIR = path.join(ROOT, "policies");

/** Candidate modules exporting the Runway pack's policy list, first that exists wins. */
const RUNWAY_PACK_MODULES = ["policies/pack.ts", "policies/policies.ts", "policies/pack/index.ts"];

/** The pack-wide config both paths give Runway: the hero profile (the synthetic stacks are hero units). */
export const RUNWAY_CONFIG: PackConfig = { "runway-settings": { stage: "hero" } };

/** True when the Runway pack (policy list and gRPC entry) exists. */
export function runwayPackPresent(): boolean {
    return RUNWAY_PACK_MODULES.some((m) => fs.existsSync(path.join(ROOT, m))) && fs.existsSync(path.join(ROOT, "policies", "index.ts"));
}

function isPolicyLike(value: unknown): value is Policies[number] {
    return (
        typeof value === "object" &&
        value !== null &&
        typeof (value as { name?: unknown }).name === "string" &&
        typeof (value as { description?: unknown }).description === "string" &&
        ("validateResource" in value || "validateStack" in value)
    );
}

function isPackLike(value: unknown): value is PolicyPackDefinition {
    return (
        typeof value === "object" &&
        value !== null &&
        typeof (value as { name?: unknown }).name === "string" &&
        Array.isArray((value as { policies?: unknown }).policies) &&
        ((value as { policies: unknown[] }).policies as unknown[]).every(isPolicyLike)
    );
}

/** The Runway pack's definition, for in-process evaluation. */
export function loadRunwayPack(): PolicyPackDefinition {
    for (const candidate of RUNWAY_PACK_MODULES) {
        const file = path.join(ROOT, candidate);
        if (!fs.existsSync(file)) {
            continue;
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require(file) as Record<string, unknown>;
        const pack = mod.runwayPack ?? Object.values(mod).find(isPackLike);
        if (isPackLike(pack)) {
            return pack;
        }
        throw new Error(`${candidate} exports no pack ({ name, version, policies }); expected \`runwayPack\``);
    }
    throw new Error(`Runway pack missing: none of ${RUNWAY_PACK_MODULES.join(", ")} exists`);
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

/** Installs awsguard from its lockfile when `bench/awsguard/node_modules` is missing (a clean clone). */
export function ensureAwsguardInstalled(log: (line: string) => void): void {
    if (fs.existsSync(path.join(AWSGUARD_MODULE, "package.json"))) {
        return;
    }
    log("installing @pulumi/awsguard into bench/awsguard (npm ci, its own lockfile)…");
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

/** What the reads below saw, kept so that they cannot be optimized away. */
let touched = 0;

/** Reads every resource's properties and property dependencies, as a whole-stack graph does. */
function materializeAll(resources: readonly PolicyResource[]): void {
    for (const r of resources) {
        touched += Object.keys(rawProps(r.props)).length;
        const deps = r.propertyDependencies;
        for (const key of Object.keys(deps)) touched += deps[key].length;
    }
    if (touched < 0) throw new Error("unreachable: keeps the reads from being optimized away");
}

/**
 * `pack` without its stack policies: every resource policy as it is (a policy that validates both keeps its resource
 * half), and an `AnalyzeStack` that runs nothing. How this grows from 10k to 100k resources is what the `Analyze`
 * phase and the harness alone cost at each size, before any whole-stack work: the reference line under the server floor.
 */
export function resourcePoliciesVariant(pack: PolicyPackDefinition): PolicyPackDefinition {
    const policies = pack.policies.flatMap((policy) => {
        if (!("validateStack" in policy)) {
            return [policy];
        }
        if (!("validateResource" in policy)) {
            return [];
        }
        const { validateStack: _dropped, ...rest } = policy as Policies[number] & { validateStack?: unknown };
        void _dropped;
        return [rest as Policies[number]];
    });
    return { ...pack, name: `${pack.name}-resource-policies`, policies };
}

/**
 * The server's floor for a graph pack: `pack` with its resource policies as they are and, instead of its stack
 * policies, one that only makes the server materialize what a whole-stack graph reads — every resource's properties
 * and property dependencies — and computes nothing. In-process, the harness (the server's stand-in) deserializes
 * lazily, so this is the most a graph can make it do; the real server does it all up front. Its `AnalyzeStack` is
 * what any graph pack pays before its first rule, and how that grows from 10k to 100k resources is not the pack's.
 */
export function materializingVariant(pack: PolicyPackDefinition): PolicyPackDefinition {
    const materialize: Policies[number] = {
        name: "materialize-everything",
        description: "Reads every resource's properties and property dependencies; reports nothing.",
        enforcementLevel: "advisory",
        validateStack: (args) => materializeAll(args.resources),
    };
    return { ...pack, name: `${pack.name}-floor`, policies: [...resourcePoliciesVariant(pack).policies, materialize] };
}

/**
 * The pack's own share of `AnalyzeStack`: `pack` unchanged, except that when a stack policy first reads
 * `resources`, every resource is materialized (as `materializingVariant` does: the server's part) off the clock,
 * and `onOwn` is told the rest of the policy's time (ms, until its promise settles). Same findings as `pack`; only
 * the clock differs.
 */
export function ownShareVariant(pack: PolicyPackDefinition, onOwn: (ms: number) => void): PolicyPackDefinition {
    const policies = pack.policies.map((policy) => {
        if (!("validateStack" in policy) || typeof policy.validateStack !== "function") {
            return policy;
        }
        const inner = policy.validateStack;
        const validateStack: typeof inner = async (args, report) => {
            let offClock = 0;
            let views: PolicyResource[] | undefined;
            const materialized = () => {
                if (!views) {
                    const started = performance.now();
                    views = args.resources;
                    materializeAll(views);
                    offClock += performance.now() - started;
                }
                return views;
            };
            const timedArgs: typeof args = Object.create(args, { resources: { get: materialized, enumerable: true } });
            const started = performance.now();
            try {
                await inner(timedArgs, report);
            } finally {
                onOwn(performance.now() - started - offClock);
            }
        };
        return { ...policy, validateStack } as Policies[number];
    });
    return { ...pack, policies };
}
