import { STAGES, type Stage } from "./defaults";
import type { Kind, PulumiType } from "./kinds";

/** The value a key whose default depends on something else takes in `Pulumi.yaml`: "use that default". */
export const AUTO = "auto";

/** One value per stage. */
export type PerStage<T> = Readonly<Record<Stage, T>>;

/** What a key says about itself besides its kind and default. */
export interface About {
    /** Stages whose resources the key shapes (every key is validated in every stage). Default: all. */
    readonly stages?: readonly Stage[];
    /** What the key is for, without a final period; the docs add its stages, what it allows and what `auto` means. */
    readonly description: string;
}

/** One stack-config key: everything the validator, `Pulumi.yaml` and the README say about it. */
export interface KeySpec<T> {
    /** Pulumi project-config type. */
    readonly type: PulumiType;
    /** The default as `Pulumi.yaml` writes it: the value, or `auto`. */
    readonly default: string | number | boolean;
    /** What `auto` stands for ("zero 50, hero 300, enterprise 3000"); undefined when the key does not take `auto`. */
    readonly auto?: string;
    /** Stages whose resources the key shapes. */
    readonly stages: readonly Stage[];
    /** What the key is for. */
    readonly description: string;
    /** What the key allows, `"auto"` included when it takes it. */
    readonly allowed: string;
    /** The value of the key in `stage` when it is absent, empty or `auto`. */
    fallback(stage: Stage): T;
    /** The value a trimmed, non-empty string other than `auto` stands for; undefined when it is not allowed. */
    parse(text: string): T | undefined;
}

type Scalar = string | number | boolean;

function isPerStage<T extends Scalar>(value: T | PerStage<T>): value is PerStage<T> {
    return typeof value === "object";
}

function autoKey<T>(kind: Kind<T>, auto: string, fallback: (stage: Stage) => T, about: About): KeySpec<T> {
    const { stages = STAGES, description } = about;
    return { type: "string", default: AUTO, auto, stages, description, allowed: `${kind.allowed} or "${AUTO}"`, fallback, parse: kind.parse };
}

/** A key of `kind` whose default is `fallback`, or one default per stage (then `auto` means "this stage's default"). */
export function key<T extends Scalar>(kind: Kind<T>, fallback: T | PerStage<T>, about: About): KeySpec<T> {
    if (isPerStage(fallback)) {
        const auto = STAGES.map((stage) => `${stage} ${String(fallback[stage])}`).join(", ");
        return autoKey(kind, auto, (stage) => fallback[stage], about);
    }
    const { stages = STAGES, description } = about;
    return { type: kind.type, default: fallback, stages, description, allowed: kind.allowed, fallback: () => fallback, parse: kind.parse };
}

/** A key whose default (`auto`) is the value of `otherKey`: read as undefined, resolved when the config is shaped. */
export function keyDefaultingTo<T extends Scalar>(kind: Kind<T>, otherKey: string, about: About): KeySpec<T | undefined> {
    return autoKey<T | undefined>(kind, otherKey, () => undefined, about);
}
