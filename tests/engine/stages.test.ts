/**
 * Runway's three stages under the real engine: `pulumi preview --policy-pack policies` passes, and the engine's
 * resources (URN, type, parent, protect, retainOnDelete) and mandatory policy events equal the plan's, one for one.
 */
import * as assert from "assert";
import { copyRunway, declaredSteps, engineReady, mandatoryEvents, mandatoryViolations, planJson, POLICY_PACK } from "./engine";

const STAGES: ReadonlyArray<{ label: string; stack: string; config: Record<string, string>; planArgs: string[] }> = [
    { label: "zero (dev stack, runway:stage=zero)", stack: "dev", config: { "runway:stage": "zero" }, planArgs: ["--stack", "dev", "--stage", "zero"] },
    { label: "hero (dev stack)", stack: "dev", config: {}, planArgs: ["--stack", "dev"] },
    { label: "enterprise (prod stack)", stack: "prod", config: {}, planArgs: ["--stack", "prod"] },
];

describe("engine: Runway's stages under the real CLI", function () {
    before(engineReady);

    for (const stage of STAGES) {
        it(`${stage.label}: preview with the pack exits 0 and its resources and verdicts equal the plan's`, async () => {
            const project = copyRunway();
            project.initStack(stage.stack, stage.config);
            const engine = project.operation("preview", stage.stack, ["--policy-pack", POLICY_PACK], 0);
            const { doc } = await planJson([...stage.planArgs, "--preview"]);

            const engineResources = declaredSteps(engine.steps)
                .map((step) => `${step.urn} ${step.type} parent=${step.parent} protect=${step.protect} retain=${step.retainOnDelete}`)
                .sort();
            const planResources = doc.resources
                .map((r) => `${r.urn} ${r.type} parent=${r.parent ?? ""} protect=${r.protect} retain=${r.retainOnDelete}`)
                .sort();
            assert.deepStrictEqual(engineResources, planResources);
            assert.ok(engine.steps.every((step) => step.op === "create"), "a fresh stack only creates");
            assert.deepStrictEqual(mandatoryEvents(engine.policies), mandatoryViolations(doc));
            assert.ok(engine.policies.length > 0, "the pack ran and reported (advisories at least)");
        });
    }
});
