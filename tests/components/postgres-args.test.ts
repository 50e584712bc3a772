import { strict as assert } from "assert";
import type { PostgresArgs } from "../../components/database/postgres";

/** The fields of the `kind` variant of PostgresArgs. */
type FieldsOf<K extends PostgresArgs["kind"]> = keyof Extract<PostgresArgs, { kind: K }>;

const INSTANCE_ONLY = ["instanceClass", "allocatedStorage", "multiAz"] as const;
const AURORA_ONLY = ["aurora", "retainedHeroInstance"] as const;

// Checked by the type check (tsc): each constant only type-checks while its variant lacks the other's fields.
const auroraHasNoInstanceField: Extract<(typeof INSTANCE_ONLY)[number], FieldsOf<"aurora">> extends never ? true : false = true;
const instanceHasNoAuroraField: Extract<(typeof AURORA_ONLY)[number], FieldsOf<"instance">> extends never ? true : false = true;

describe("components/database/postgres: PostgresArgs is a union on kind", () => {
    it("gives instance sizing to kind instance only and Aurora sizing (and the retained hero instance) to kind aurora only", () => {
        assert.equal(auroraHasNoInstanceField, true);
        assert.equal(instanceHasNoAuroraField, true);
    });
});
