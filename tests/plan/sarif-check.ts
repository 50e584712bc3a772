/** Validates SARIF against the official 2.1.0 schema shipped as test data. */
import * as fs from "fs";
import * as path from "path";
import Ajv, { type ValidateFunction } from "ajv";

/** The official SARIF 2.1.0 schema (draft-04), as shipped by @microsoft/jest-sarif; ajv speaks draft-07+. */
export function sarifValidator(): ValidateFunction {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "data/sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
    const { $schema: _draft, id, ...rest } = schema;
    void _draft;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    return ajv.compile({ ...rest, $id: String(id) });
}

/** True when `log` is valid SARIF 2.1.0; throws listing the schema errors otherwise. */
export function isSarifValid(log: unknown): boolean {
    const validate = sarifValidator();
    if (!validate(log)) throw new Error(`invalid SARIF: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
    return true;
}
