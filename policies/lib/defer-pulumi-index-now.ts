/**
 * The pack entry's first import: defers `@pulumi/pulumi`'s top-level index (see `defer-pulumi-index.ts`).
 * A module of its own because imports run before a module's body (SWC's CommonJS output hoists them, as ES
 * modules require): only an import placed ahead of `@pulumi/policy` is sure to run before it.
 */
import { deferPulumiIndex } from "./defer-pulumi-index";

deferPulumiIndex();
