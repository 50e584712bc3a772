/**
 * Where the harness imitates the engine, compare it with the engine on the same program: after `pulumi up` of
 * Runway's hero stack, the state's resources — URN, type, parent, protect, retainOnDelete, dependencies,
 * propertyDependencies, and the ids and outputs the stand-in gave — equal `runProgram`'s declared resources in
 * update mode (the mock runtime and the stand-in provider answer from the same code, harness/aws-mocks.ts).
 */
import * as assert from "assert";
import * as path from "path";
import { runProgram } from "../../harness";
import type { DeclaredResource } from "../../harness/types";
import { copyRunway, engineReady, isEngineOwned, ROOT } from "./engine";

interface StateResource {
    urn: string;
    type: string;
    custom: boolean;
    id?: string;
    parent?: string;
    protect?: boolean;
    retainOnDelete?: boolean;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

/** Property dependencies as the engine keeps them: sorted, without empty lists. */
function propertyDeps(deps: Record<string, string[]> | undefined): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const key of Object.keys(deps ?? {}).sort()) {
        const list = [...new Set(deps?.[key] ?? [])].sort();
        if (list.length > 0) out[key] = list;
    }
    return out;
}

function row(r: { urn: string; type: string; parent?: string; protect?: boolean; retainOnDelete?: boolean; dependencies?: string[]; propertyDependencies?: Record<string, string[]> }, stack: string) {
    return {
        urn: r.urn,
        type: r.type,
        parent: r.parent === stack ? "" : (r.parent ?? ""),
        protect: r.protect === true,
        retainOnDelete: r.retainOnDelete === true,
        dependencies: [...new Set(r.dependencies ?? [])].sort(),
        propertyDependencies: propertyDeps(r.propertyDependencies),
    };
}

describe("engine: the harness's imitation equals the engine", function () {
    before(engineReady);

    it("hero after up: parents, protect, dependencies, propertyDependencies and ids equal runProgram's", async () => {
        const project = copyRunway();
        project.initStack("dev");
        project.operation("up", "dev", [], 0);
        const exported = JSON.parse(project.must(["stack", "export", "--stack", "dev"]).stdout) as { deployment: { resources: StateResource[] } };
        // The program's own resources, explicit providers included (default providers are the engine's).
        const state = exported.deployment.resources.filter((r) => !isEngineOwned(r));
        const stackUrn = exported.deployment.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";

        const run = await runProgram({ program: path.join(ROOT, "index.ts"), stack: "dev", preview: false });
        const declared: DeclaredResource[] = run.resources;
        const byUrn = (rows: Array<{ urn: string }>) => [...rows].sort((a, b) => a.urn.localeCompare(b.urn));
        assert.deepStrictEqual(
            byUrn(state.map((r) => row(r, stackUrn))),
            byUrn(declared.map((r) => row(r, stackUrn))),
        );
        // Provider resources get a random UUID from the engine and a stable UUID-shaped one from the harness.
        const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
        const isProvider = (r: { type: string }) => r.type.startsWith("pulumi:providers:");
        for (const r of [...state, ...declared].filter(isProvider)) assert.match(r.id ?? "", uuid, r.urn);
        const ids = (rows: Array<{ urn: string; type: string; id?: string; custom: boolean }>) =>
            rows.filter((r) => r.custom && !isProvider(r)).map((r) => `${r.urn} ${r.id ?? ""}`).sort();
        assert.deepStrictEqual(ids(state), ids(declared), "the stand-in and the mocks give the same ids");
    });
});
