/**
 * The command line of `npm run plan`, parsed into options. The flags, their spelling and their meaning are a
 * contract (issue 11); `--from`/`--from-config` are the stage-move preview (issue 12).
 */
import { parseArgs as tokenize, type ParseArgsConfig } from "node:util";
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

/**
 * The flags, as `node:util` reads them. `--config` and `--from-config` repeat; every other flag is given once.
 * The order is the order the "unknown argument" message lists them in.
 */
const OPTIONS = {
    stack: { type: "string" },
    stage: { type: "string" },
    from: { type: "string" },
    program: { type: "string" },
    config: { type: "string", multiple: true },
    "from-config": { type: "string", multiple: true },
    usage: { type: "string" },
    baseline: { type: "string" },
    "compare-regions": { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    timeout: { type: "string" },
    "policy-pack-config": { type: "string" },
    preview: { type: "boolean" },
    compare: { type: "boolean" },
    help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;
type Option = keyof typeof OPTIONS;
type ValueOption = { [K in Option]: (typeof OPTIONS)[K]["type"] extends "string" ? K : never }[Option];
type Switch = Exclude<Option, ValueOption>;

/** What each flag's value is, as the "needs a value" message names it. */
const VALUE_NAMES: Record<ValueOption, string> = {
    stack: "dev|prod",
    stage: "zero|hero|enterprise",
    from: "<stage>",
    program: "<file.ts>",
    config: "key=value",
    "from-config": "key=value",
    usage: "<file>|none",
    baseline: "<plan.json>",
    "compare-regions": "<region>,<region>...",
    format: FORMATS.join("|"),
    out: "<file>",
    timeout: "<seconds>",
    "policy-pack-config": "<file>",
};

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

/** Where each flag's value goes, checked. */
const TAKE: Record<ValueOption, (args: PlanArgs, value: string) => void> = {
    stack: (args, value) => (args.stack = value),
    stage: (args, value) => (args.stage = value),
    from: (args, value) => (args.from = value),
    program: (args, value) => (args.program = value),
    config: (args, value) => parseConfig(value, args.config),
    "from-config": (args, value) => parseConfig(value, (args.fromConfig ??= {}), "--from-config"),
    usage: (args, value) => (args.usage = value),
    baseline: (args, value) => (args.baseline = value),
    "compare-regions": (args, value) => (args.compareRegions = parseRegionList(value)),
    format: (args, value) => (args.format = parseFormat(value)),
    out: (args, value) => (args.out = value),
    timeout: (args, value) => (args.timeoutSeconds = parseTimeout(value)),
    "policy-pack-config": (args, value) => (args.policyPackConfig = value),
};

/** The field each switch turns on. */
const SWITCHES: Record<Switch, "preview" | "compare" | "help"> = { preview: "preview", compare: "compare", help: "help" };

function isOption(name: string): name is Option {
    return Object.hasOwn(OPTIONS, name);
}

function isValueOption(name: Option): name is ValueOption {
    return OPTIONS[name].type === "string";
}

/** True when `raw` is the flag `name` as the contract spells it: `--name`, `--name=...`, or its short alias alone. */
function spelledAs(raw: string, name: Option): boolean {
    const option = OPTIONS[name];
    return raw === `--${name}` || raw.startsWith(`--${name}=`) || ("short" in option && raw === `-${option.short}`);
}

function unknownArgument(raw: string): BadInput {
    const hint = raw.startsWith("-") ? "" : " (values follow their flag, e.g. --stage hero)";
    return new BadInput(`unknown argument "${raw}"${hint}; flags: ${Object.keys(OPTIONS).map((name) => `--${name}`).join(" ")}`);
}

/**
 * Parses `argv` (without `node` and the script). Throws `BadInput` with one clear sentence.
 *
 * `node:util` splits the command line into typed tokens; the checks on them are as strict as its strict mode
 * (unknown flags, stray values, missing values, a value on a switch, a repeat: all refused) but each says in one
 * line what was wrong and what is allowed. Its own strict mode words errors on several lines and refuses a value
 * that starts with a dash (`--timeout -1`), which this contract takes as a value.
 */
export function parseArgs(argv: readonly string[]): PlanArgs {
    const args: PlanArgs = { config: {}, preview: false, compare: false, format: "text", help: false };
    const given = new Set<Option>();
    const { tokens } = tokenize({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
    for (const token of tokens) {
        const raw = argv[token.index];
        if (token.kind !== "option" || !isOption(token.name) || !spelledAs(raw, token.name)) {
            throw unknownArgument(raw);
        }
        const name = token.name;
        const flag = `--${name}`;
        if (!isValueOption(name)) {
            if (token.value !== undefined) throw new BadInput(`${flag} takes no value`);
            args[SWITCHES[name]] = true;
            continue;
        }
        if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) {
            throw new BadInput(`${flag} needs a value: ${flag} ${VALUE_NAMES[name]}`);
        }
        if (!("multiple" in OPTIONS[name]) && given.has(name)) {
            throw new BadInput(`${flag} given twice; give it once`);
        }
        given.add(name);
        TAKE[name](args, token.value);
    }
    return args;
}
