/**
 * `no-public-data-stores`: databases, caches and search domains are not reachable from the internet. "Is this database
 * reachable" on real fixture programs, in preview (ids unknown: the graph follows propertyDependencies) and update mode
 * (ids known: the graph links by id and name); the passing scenarios are the nearest compliant variants.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { evaluatePack, runProgram, type PolicyDiagnostic } from "../../../harness";
import { decodeDiagnostic } from "../../../model/finding-format";
import { runwayPack } from "../../../policies/pack";
import { noPublicDataStores } from "../../../policies/rules/public-data-stores";
import { declaresMetadata } from "./rule-metadata";

const PROGRAM = path.join(__dirname, "../../fixtures/programs/data-stores/index.ts");
const POLICY = "no-public-data-stores";

const blocked: Record<string, RegExp> = {
    "igw-explicit": /orders-db → subnet group db → subnet db-a → route table public → 0\.0\.0\.0\/0 → igw main/,
    "igw-separate-route": /orders-db → subnet group db → subnet db-a → route table public → 0\.0\.0\.0\/0 → igw main/,
    "main-association": /route table public \(main\) → 0\.0\.0\.0\/0 → igw main/,
    "public-flag-string": /publiclyAccessible = true/,
    "sg-inline-world": /orders-db → security group db → inline ingress\[0\] → 0\.0\.0\.0\/0 tcp\/5432/,
    "sg-rule-world": /orders-db → security group db → rule db-world → ::\/0 tcp\/5432/,
    "opensearch-public": /search → public endpoint/,
    "cache-public": /sessions → subnet group cache → subnet db-a → route table public/,
};
const passing = ["nat-route", "tgw-route", "egress-only", "implicit-main", "sg-from-sg"];

function mandatoryPaths(diagnostics: PolicyDiagnostic[]): string[] {
    return diagnostics
        .filter((d) => d.enforcementLevel === "mandatory")
        .map((d) => decodeDiagnostic(d))
        .filter((f) => f.policy === POLICY)
        .map((f) => (f.path ?? []).join(" → "));
}

describe("no-public-data-stores", () => {
    declaresMetadata(noPublicDataStores, {
        name: "no-public-data-stores",
        level: "mandatory",
        severity: "critical",
        frameworks: [
            { name: "AWS FSBP", control: "RDS.2" },
            { name: "AWS FSBP", control: "RDS.9" },
            { name: "AWS FSBP", control: "Redshift.1" },
            { name: "AWS FSBP", control: "Opensearch.2" },
            { name: "AWS FSBP", control: "ES.2" },
            { name: "AWS FSBP", control: "EC2.19" },
            { name: "CIS AWS", version: "3.0", control: "5.2" },
        ],
    });

    it("is never waivable", () => assert.equal(noPublicDataStores.neverWaivable, true));
});

describe("no-public-data-stores on fixture programs", function () {
    const results = new Map<string, PolicyDiagnostic[]>();
    before(async function () {
        this.timeout(180_000);
        for (const scenario of [...Object.keys(blocked), ...passing, "main-default-table"]) {
            for (const preview of [true, false]) {
                const run = await runProgram({ program: PROGRAM, config: { scenario }, preview });
                results.set(`${scenario}/${preview ? "preview" : "update"}`, await evaluatePack(run, runwayPack));
            }
        }
    });

    for (const mode of ["preview", "update"]) {
        for (const [scenario, pathPattern] of Object.entries(blocked)) {
            it(`blocks ${scenario} in ${mode} and names the whole path`, () => {
                const paths = mandatoryPaths(results.get(`${scenario}/${mode}`) ?? []);
                assert.ok(paths.some((p) => pathPattern.test(p)), `no mandatory finding matching ${pathPattern}; got ${JSON.stringify(paths)}`);
            });
        }
        for (const scenario of passing) {
            it(`passes ${scenario} in ${mode} (not an internet route / not world-open)`, () => {
                assert.deepEqual(mandatoryPaths(results.get(`${scenario}/${mode}`) ?? []), []);
            });
        }
    }

    for (const mode of ["preview", "update"]) {
        it(`blocks a subnet that falls back to a DefaultRouteTable routed to the IGW (${mode})`, () => {
            const paths = mandatoryPaths(results.get(`main-default-table/${mode}`) ?? []);
            assert.ok(paths.some((p) => /route table public \(main\) → 0\.0\.0\.0\/0 → igw main/.test(p)), JSON.stringify(paths));
        });
    }

    it("gives the same mandatory verdicts in preview and update", () => {
        for (const scenario of [...Object.keys(blocked), ...passing]) {
            const levels = (mode: string) => (results.get(`${scenario}/${mode}`) ?? []).filter((d) => d.enforcementLevel === "mandatory").map((d) => `${decodeDiagnostic(d).policy} ${d.urn ?? ""}`).sort();
            assert.deepEqual(levels("preview"), levels("update"), scenario);
        }
    });

    it("never lets the analyzer's unknown proxy skip a policy in preview", () => {
        for (const [key, ds] of results) {
            assert.ok(!ds.some((d) => /can't run policy/.test(d.message)), `${key}: ${ds.find((d) => /can't run/.test(d.message))?.message}`);
        }
    });
});
