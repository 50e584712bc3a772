/** The config types, derived from the schema so they cannot drift from it. */
import type { KeySpec } from "./key-spec";
import type { CONFIG_SCHEMA, KeyName } from "./schema";
import type { shapeConfig } from "./shape";

export type { Stage } from "./defaults";

/** The value a key of `S` holds. */
type ValueOf<S> = S extends KeySpec<infer T> ? T : never;

/** Every key's validated value, flat, by name (`desiredTasks` is undefined for `auto`). */
export type ConfigValues = { readonly [K in KeyName]: ValueOf<(typeof CONFIG_SCHEMA)[K]> };

/** Validated, fully-defaulted stack configuration: what every component reads. */
export type RunwayConfig = ReturnType<typeof shapeConfig>;
