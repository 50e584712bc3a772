// A platform team's own policy, tested with Runway's harness. README.md quotes this file verbatim.
import { strict as assert } from "assert";
import * as path from "path";
import { evaluatePack, runProgram, type PolicyPackDefinition } from "../../harness";

const acme: PolicyPackDefinition = {
    name: "acme",
    version: "1.0.0",
    policies: [
        {
            name: "no-t2-instances",
            description: "EC2 instances use a current generation.",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                if (args.type === "aws:ec2/instance:Instance" && String(args.props.instanceType).startsWith("t2.")) {
                    report("t2 is a previous generation: use t4g.");
                }
            },
        },
    ],
};
const program = path.resolve(__dirname, "../fixtures/programs/instances/index.ts");

describe("example: testing your own policy with the harness", () => {
    for (const preview of [false, true]) {
        it(`blocks the t2 instance and passes the t4g one (${preview ? "preview" : "update"})`, async () => {
            const run = await runProgram({ program, preview });
            const diagnostics = await evaluatePack(run, acme);
            assert.deepEqual(
                diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.urn]),
                [["no-t2-instances", "mandatory", "urn:pulumi:dev::project::aws:ec2/instance:Instance::legacy"]],
            );
        });
    }
});
