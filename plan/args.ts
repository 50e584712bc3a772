/**
 * The command line of `npm run plan`, parsed into options. The flags, their spelling and their meaning are a
 * contract (issue 11); `--from`/`--from-config` are the stage-move preview (issue 12).
 */
import { BadInput } from "./errors";

/** Output formats. */
export const FORMATS = ["text", "json", "markdown", "sarif", "junit"] as const;
export type Format = (typeof FORMATS)[number];

/** What the user asked for. Absent fields take their defaults later (see `target.ts`). */
export interface PlanArgs {
    stack?: string;
    stage?: string;
    /** `--from <stage>`: the stage the stack moves from (stage-move preview). */
    from?: string;
    program?: string;
    /** `--config key=value`, in order given (later wins). With `--from`: the target run only. */
    config: Record<string, string>;
    /** `--from-config key=value`: config of the `--from` run only (absent when not given). */
    fromConfig?: Record<string, string>;
    preview: boolean;
    /** A usage file, or "none". */
    usage?: string;
    baseline?: string;
    compare: boolean;
    /** `--compare-regions r1,r2,...`: the one run priced in each region, side by side (the first is the reference). */
    compareRegions?: string[];
    format: Format;
    out?: string;
    /** Seconds to wait for the program to finish registering resources. */
    timeoutSeconds?: number;
    /** `--policy-pack-config <file>`: the document `pulumi preview --policy-pack-config` takes. */
    policyPackConfig?: string;
    help: boolean;
}

/** Flags that take a value, and the name of that value in the usage text. */
const VALUE_FLAGS = {
    "--stack": "dev|prod",
    "--stage": "zero|hero|enterprise",
    "--from": "<stage>",
    "--program": "<file.ts>",
    "--config": "key=value",
    "--from-config": "key=value",
    "--usage": "<file>|none",
    "--baseline": "<plan.json>",
    "--compare-regions": "<region>,<region>...",
    "--format": FORMATS.join("|"),
    "--out": "<file>",
    "--timeout": "<seconds>",
    "--policy-pack-config": "<file>",
} as const;
type ValueFlag = keyof typeof VALUE_FLAGS;

const SWITCHES = ["--preview", "--compare", "--help", "-h"] as const;
type Switch = (typeof SWITCHES)[number];

function isValueFlag(flag: string): flag is ValueFlag {
    return Object.prototype.hasOwnProperty.call(VALUE_FLAGS, flag);
}

function isSwitch(flag: string): flag is Switch {
    return (SWITCHES as readonly string[]).includes(flag);
}

/** The usage text printed by `--help`. */
export const USAGE = [
    "usage: npm run plan -- [options]",
    "",
    "Runs a Pulumi program offline under the mock runtime, checks it with Runway's policy pack, prices it and draws it.",
    "",
    "  --stack dev|prod            stack file to use (default dev)",
    "  --stage zero|hero|enterprise  stage (Runway's program: overrides runway:stage; --program: the policy profile)",
    "  --from <stage>              stage-move preview: what moving from this stage to --stage does to every resource",
    "  --from-config key=value     config of the --from run only, repeatable (--config is the target run's)",
    "  --program <file.ts>         plan another Pulumi TypeScript program instead of Runway's index.ts",
    "  --config key=value          stack config, repeatable (as pulumi up -c)",
    "  --preview                   model pulumi preview: provider outputs unknown",
    "  --usage <file>|none         usage assumptions for the cost model (none = the price floor)",
    "  --baseline <plan.json>      JSON plan of the base branch: mark new violations, cost delta",
    "  --compare                   the three stages side by side",
    "  --compare-regions r1,r2,... the same run priced in each region, side by side (deltas vs the first)",
    `  --format ${FORMATS.join("|")}  output format (default text)`,
    "  --out <file>                write the report to a file instead of stdout",
    "  --timeout <seconds>         give up on a program that never finishes (default 60)",
    "  --policy-pack-config <file> policy levels, options and waivers, as pulumi preview --policy-pack-config",
    "  --help                      this text",
    "",
    "Exit codes: 0 no active mandatory violation, 1 at least one, 2 bad input.",
].join("\n");

function parseConfig(value: string, into: Record<string, string>, flag = "--config"): void {
    const eq = value.indexOf("=");
    if (eq <= 0) {
        throw new BadInput(`${flag} expects key=value (e.g. ${flag} runway:stage=hero), got "${value}"`);
    }
    const key = value.slice(0, eq).trim();
    if (!/^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.:-]+)?$/.test(key)) {
        throw new BadInput(`${flag} key "${key}" is not a config key: use letters, digits, - _ . and one namespace (namespace:key)`);
    }
    into[key] = value.slice(eq + 1);
}

function parseFormat(value: string): Format {
    const found = FORMATS.find((f) => f === value);
    if (!found) {
        throw new BadInput(`--format ${value} is not a format: use one of ${FORMATS.join(", ")}`);
    }
    return found;
}

/** Parses `--compare-regions`: region names separated by commas, each once (tables are checked later). */
function parseRegionList(value: string): string[] {
    const regions = value.split(",").map((r) => r.trim()).filter((r) => r !== "");
    if (regions.length === 0) {
        throw new BadInput("--compare-regions needs at least one region, e.g. --compare-regions us-east-1,eu-west-1");
    }
    const bad = regions.find((r) => !/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(r));
    if (bad !== undefined) {
        throw new BadInput(`--compare-regions ${bad} is not an AWS region name (e.g. us-east-1); separate regions with commas`);
    }
    const twice = regions.find((r, i) => regions.indexOf(r) !== i);
    if (twice !== undefined) {
        throw new BadInput(`--compare-regions lists ${twice} twice; give each region once`);
    }
    return regions;
}

function parseTimeout(value: string): number {
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
        throw new BadInput(`--timeout ${value} is not a number of seconds between 0 and 3600`);
    }
    return seconds;
}

/** Parses `argv` (without `node` and the script). Throws `BadInput` with one clear sentence. */
export function parseArgs(argv: readonly string[]): PlanArgs {
    const args: PlanArgs = { config: {}, preview: false, compare: false, format: "text", help: false };
    const seen = new Set<string>();
    for (let i = 0; i < argv.length; i++) {
        const token = argv[i];
        const eq = token.startsWith("--") ? token.indexOf("=") : -1;
        const flag = eq > 0 ? token.slice(0, eq) : token;
        if (isSwitch(flag)) {
            if (eq > 0) {
                throw new BadInput(`${flag} takes no value`);
            }
            if (flag === "--preview") args.preview = true;
            else if (flag === "--compare") args.compare = true;
            else args.help = true;
            continue;
        }
        if (!isValueFlag(flag)) {
            const hint = flag.startsWith("-") ? "" : " (values follow their flag, e.g. --stage hero)";
            throw new BadInput(`unknown argument "${token}"${hint}; flags: ${[...Object.keys(VALUE_FLAGS), "--preview", "--compare", "--help"].join(" ")}`);
        }
        let value: string | undefined;
        if (eq > 0) {
            value = token.slice(eq + 1);
        } else {
            value = argv[i + 1];
            i++;
        }
        if (value === undefined || (eq < 0 && value.startsWith("--"))) {
            throw new BadInput(`${flag} needs a value: ${flag} ${VALUE_FLAGS[flag]}`);
        }
        if (flag !== "--config" && flag !== "--from-config" && seen.has(flag)) {
            throw new BadInput(`${flag} given twice; give it once`);
        }
        seen.add(flag);
        switch (flag) {
            case "--config":
                parseConfig(value, args.config);
                break;
            case "--from-config":
                args.fromConfig = args.fromConfig ?? {};
                parseConfig(value, args.fromConfig, flag);
                break;
            case "--format":
                args.format = parseFormat(value);
                break;
            case "--timeout":
                args.timeoutSeconds = parseTimeout(value);
                break;
            case "--compare-regions":
                args.compareRegions = parseRegionList(value);
                break;
            case "--stack":
                args.stack = value;
                break;
            case "--stage":
                args.stage = value;
                break;
            case "--from":
                args.from = value;
                break;
            case "--program":
                args.program = value;
                break;
            case "--usage":
                args.usage = value;
                break;
            case "--baseline":
                args.baseline = value;
                break;
            case "--out":
                args.out = value;
                break;
            case "--policy-pack-config":
                args.policyPackConfig = value;
                break;
        }
    }
    return args;
}
