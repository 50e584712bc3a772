/**
 * A real `pulumi preview` of the hero stack (stack `dev`), as users run it: without a policy pack, with Runway's
 * pack and with `@pulumi/awsguard`, taken in turns. What each pack adds to the wall time a user feels.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureEngine, EngineUnavailable } from "../../engine/install";
import { copyRunway, type EngineProject, type EngineResult } from "../../engine/project";
import { fmtMs, log, num } from "../format";
import { AWSGUARD_DIR, buildRunwayPack, ROOT } from "../packs";
import { ratioOf } from "../scaling";
import { median } from "../stats";
import { AWSGUARD_OFFLINE_CONFIG } from "./cold-start";

/** Timed previews per variant (after one untimed warm-up each). */
export const ENGINE_PREVIEW_REPEATS = 5;
/** The stack previewed: Runway's hero stage. */
const STACK = "dev";
const VARIANTS = ["none", "runway", "awsguard"] as const;
type Variant = (typeof VARIANTS)[number];

/** Runway's pack folder, as users name it (`--policy-pack <repo>/policies`; `main` is the compiled `bin/policies/index.js`). */
const RUNWAY_PACK = path.join(ROOT, "policies");

export interface EnginePreview {
    stack: string;
    repeats: number;
    /** Median wall time of `npm run --silent engine -- preview …` (npm's and the engine wrapper's start-up included), ms. */
    noneMs: number | null;
    runwayMs: number | null;
    awsguardMs: number | null;
    /** Pack median − no-pack median, ms: what the pack adds to the preview. */
    runwayAddedMs: number | null;
    awsguardAddedMs: number | null;
    /** `runwayAddedMs / awsguardAddedMs`. */
    addedRatio: number | null;
    /** Every timed preview, ms, in the order taken (the medians above are of these). */
    runsMs: Record<Variant, number[]>;
    /** Every timed preview's exit code (awsguard's mandatory violations on the hero stack make its preview exit 1). */
    exitCodes: Record<Variant, number[]>;
    /** The variants' order in each round (which goes first rotates). */
    order: Variant[][];
    /** awsguard's configuration in the timed previews. */
    awsguardPolicies: string;
    /** `pulumi version` of the CLI that ran, or null when it did not. */
    cliVersion: string | null;
    errors: string[];
    /** Why the section did not run (`--skip-engine`, no engine), or null. */
    note: string | null;
}

/** The section's record when it does not run. */
export function skippedEnginePreview(note: string, cliVersion: string | null = null): EnginePreview {
    return {
        stack: STACK,
        repeats: 0,
        noneMs: null,
        runwayMs: null,
        awsguardMs: null,
        runwayAddedMs: null,
        awsguardAddedMs: null,
        addedRatio: null,
        runsMs: { none: [], runway: [], awsguard: [] },
        exitCodes: { none: [], runway: [], awsguard: [] },
        order: [],
        awsguardPolicies: "n/a",
        cliVersion,
        errors: [],
        note,
    };
}

/**
 * awsguard as a folder the CLI loads with `--policy-pack`: `lab/awsguard` has no `PulumiPolicy.yaml`, so a
 * temporary pack folder holds one (`runtime: nodejs`), a package.json (CrossGuard reads the pack's version from it)
 * whose `main` requires the lab's own entry (`lab/awsguard/index.js`: `new AwsGuard({ all: "mandatory" })`),
 * and a link to awsguard's installed node_modules (where the CLI's launcher, `run-policy-pack`, is resolved from).
 */
function awsguardPackFolder(dir: string): void {
    const manifest = JSON.parse(fs.readFileSync(path.join(AWSGUARD_DIR, "package.json"), "utf8")) as { name: string; version: string };
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: The public @pulumi/awsguard pack, every policy mandatory (Runway's lab).\n");
    fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: manifest.name, version: manifest.version, private: true, main: "index.js" }, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, "index.js"), `require(${JSON.stringify(path.join(AWSGUARD_DIR, "index.js"))});\n`);
    fs.symlinkSync(path.join(AWSGUARD_DIR, "node_modules"), path.join(dir, "node_modules"), "dir");
}

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Why `result` is not a finished preview, or undefined when it is: exit 0, or — with a pack — exit 1 after a
 * `Policies:` section (mandatory violations) with no policy that failed to run and no pack that failed to start.
 */
function unfinished(variant: Variant, result: EngineResult): string | undefined {
    const output = `${result.stdout}\n${result.stderr}`.replace(ANSI, "");
    const policyErrors = /Error validating (?:resource|stack) with policy|policy pack not started|unhandled exception/.test(output);
    if (result.code === 0 && !policyErrors) {
        return undefined;
    }
    if (result.code === 1 && variant !== "none" && /^Policies:/m.test(output) && !policyErrors) {
        return undefined;
    }
    const errorLines = output.split("\n").filter((line) => /error/i.test(line));
    return `exit ${result.code}: ${(errorLines.length ? errorLines : output.trim().split("\n")).slice(-3).map((line) => line.trim()).join(" | ").slice(0, 400)}`;
}

/** awsguard's policies that failed in `result` (the live-AWS-API ones, offline). */
function failedPolicies(result: EngineResult): string[] {
    const output = `${result.stdout}\n${result.stderr}`.replace(ANSI, "");
    return [...new Set([...output.matchAll(/Error validating (?:resource|stack) with policy '([^']+)'/g)].map((match) => match[1] ?? ""))];
}

/** `[start, …]` rotated left by `by`: round `r` starts with the variant after round `r − 1`'s first. */
function rotated<T>(items: readonly T[], by: number): T[] {
    const k = by % items.length;
    return [...items.slice(k), ...items.slice(0, k)];
}

/**
 * `pulumi preview --stack dev --non-interactive` of one copy of Runway's project (`copyRunway`, one engine home),
 * through the real CLI as users run it (`npm run --silent engine -- …`), in three variants: no pack,
 * `--policy-pack <repo>/policies` (Runway's compiled pack; built first when `policies/bin` is missing) and
 * `--policy-pack <awsguard folder>` (`awsguardPackFolder`). One untimed warm-up preview per variant (awsguard's with
 * every policy: when some fail offline, as the live-AWS-API ones do, the timed previews disable them with
 * `--policy-pack-config`, as the cold start does), then `ENGINE_PREVIEW_REPEATS` rounds in which each variant runs
 * once, the first variant rotating from round to round, so that the machine's drift weighs on all three alike. Each
 * preview is timed around its spawn (`process.hrtime`); only finished previews count (`unfinished`). Reports the
 * medians, what each pack adds over no pack, and Runway's added time over awsguard's. Without the engine (no Go and no
 * pulumi) the section is skipped with the reason.
 */
export function enginePreviewTimes(): EnginePreview {
    let cliVersion: string;
    try {
        cliVersion = ensureEngine({ log }).version;
    } catch (err) {
        if (err instanceof EngineUnavailable) {
            log(`  skipped: ${err.message}`);
            return skippedEnginePreview(`skipped: ${err.message}`);
        }
        throw err;
    }
    const out = skippedEnginePreview("", cliVersion);
    out.note = null;
    out.repeats = ENGINE_PREVIEW_REPEATS;
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "runway-lab-engine-"));
    try {
        if (!fs.existsSync(path.join(RUNWAY_PACK, "bin", "policies", "index.js"))) {
            log("  building the Runway pack (tsc -p policies/tsconfig.json)…");
            buildRunwayPack();
        }
        const awsguardDir = path.join(temp, "awsguard-pack");
        fs.mkdirSync(awsguardDir);
        awsguardPackFolder(awsguardDir);
        const offlineConfig = path.join(temp, "awsguard-offline-config.json");
        fs.writeFileSync(offlineConfig, JSON.stringify(AWSGUARD_OFFLINE_CONFIG));
        const projectDir = path.join(temp, "project");
        const home = path.join(temp, "home");
        fs.mkdirSync(projectDir);
        fs.mkdirSync(home);
        const project: EngineProject = copyRunway(projectDir, home);
        project.initStack(STACK);

        const packArgs: Record<Variant, string[]> = { none: [], runway: ["--policy-pack", RUNWAY_PACK], awsguard: ["--policy-pack", awsguardDir] };
        const preview = (variant: Variant): { ms: number; result: EngineResult } => {
            const started = process.hrtime.bigint();
            const result = project.run(["preview", "--stack", STACK, "--non-interactive", ...packArgs[variant]]);
            return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
        };

        log(`  pulumi ${cliVersion}, preview --stack ${STACK}: one warm-up per variant (none, runway, awsguard with every policy)…`);
        out.awsguardPolicies = "every policy";
        for (const variant of VARIANTS) {
            const { ms, result } = preview(variant);
            const failed = variant === "awsguard" ? failedPolicies(result) : [];
            if (failed.length) {
                packArgs.awsguard.push("--policy-pack-config", offlineConfig);
                out.awsguardPolicies = `${Object.keys(AWSGUARD_OFFLINE_CONFIG).join(" and ")} disabled (--policy-pack-config): ${failed.join(", ")} failed offline in the warm-up`;
            }
            const why = failed.length ? undefined : unfinished(variant, result);
            if (why) {
                out.errors.push(`${variant} warm-up: ${why}`);
            }
            log(`    ${variant}: ${fmtMs(ms)} (exit ${result.code}${failed.length ? `; failed offline: ${failed.join(", ")}` : ""})`);
        }

        log(`  ${ENGINE_PREVIEW_REPEATS} rounds of none, runway, awsguard in turns (the first rotating)…`);
        for (let round = 0; round < ENGINE_PREVIEW_REPEATS; round++) {
            const order = rotated(VARIANTS, round);
            out.order.push(order);
            const line: string[] = [];
            for (const variant of order) {
                const { ms, result } = preview(variant);
                out.exitCodes[variant].push(result.code);
                const why = unfinished(variant, result);
                if (why) {
                    out.errors.push(`${variant}, round ${round + 1}: ${why}`);
                } else {
                    out.runsMs[variant].push(Math.round(ms));
                }
                line.push(`${variant} ${why ? "failed" : fmtMs(ms)}`);
            }
            log(`    round ${round + 1}: ${line.join(", ")}`);
        }
    } catch (err) {
        out.errors.push(err instanceof Error ? err.message.split("\n").slice(0, 3).join(" | ").slice(0, 600) : String(err));
    } finally {
        fs.rmSync(temp, { recursive: true, force: true });
    }
    const med = (variant: Variant) => (out.runsMs[variant].length ? num(median(out.runsMs[variant])) : null);
    out.noneMs = med("none");
    out.runwayMs = med("runway");
    out.awsguardMs = med("awsguard");
    const added = (packMs: number | null) => (packMs !== null && out.noneMs !== null ? num(packMs - out.noneMs) : null);
    out.runwayAddedMs = added(out.runwayMs);
    out.awsguardAddedMs = added(out.awsguardMs);
    out.addedRatio = ratioOf(out.runwayAddedMs, out.awsguardAddedMs);
    log(`    medians: none ${fmtMs(out.noneMs)}, runway ${fmtMs(out.runwayMs)} (+${fmtMs(out.runwayAddedMs)}), awsguard ${fmtMs(out.awsguardMs)} (+${fmtMs(out.awsguardAddedMs)}); added ratio ${out.addedRatio ?? "n/a"}`);
    return out;
}

/** The summary line of `enginePreview`. */
export function describeEnginePreview(e: EnginePreview): string {
    if (e.note) {
        return `real pulumi preview (hero, stack ${e.stack}): ${e.note}`;
    }
    const signed = (ms: number | null) => (ms === null ? "n/a" : `${ms < 0 ? "−" : "+"}${fmtMs(Math.abs(ms))}`);
    return [
        `real pulumi preview (hero, stack ${e.stack}; pulumi ${e.cliVersion ?? "n/a"}; median of ${e.repeats}, in turns): no pack ${fmtMs(e.noneMs)}; Runway ${fmtMs(e.runwayMs)} (${signed(e.runwayAddedMs)}); awsguard ${fmtMs(e.awsguardMs)} (${signed(e.awsguardAddedMs)}); added Runway/awsguard ${e.addedRatio ?? "n/a"}`,
        `  awsguard: ${e.awsguardPolicies}${e.errors.length ? `; errors: ${e.errors.join("; ")}` : ""}`,
    ].join("\n");
}
