import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type { ProgramRun } from "../../harness";
import { input, parentChain, STAGE_RUNS } from "./helpers";

const STAGES = { zero: "runway:stage:Zero", hero: "runway:stage:Hero", enterprise: "runway:stage:Enterprise" } as const;
const TAG_KEYS = ["project", "stack", "stage", "owner", "cost-centre", "runway:stage"];

for (const [stage, stageType] of Object.entries(STAGES) as [keyof typeof STAGES, string][]) {
    describe(`structure of stage ${stage}`, () => {
        let run: ProgramRun;
        before(async () => {
            run = await STAGE_RUNS[stage]();
        });

        it(`declares one ${stageType} component named runway`, () => {
            const stages = run.resources.filter((r) => r.type.startsWith("runway:stage:"));
            assert.deepEqual(stages.map((s) => [s.type, s.name]), [[stageType, "runway"]]);
        });

        it("parents every AWS resource through a block component up to the stage component", () => {
            for (const r of run.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:providers:"))) {
                const chain = parentChain(run, r);
                assert.ok(chain.length >= 1, `${r.name} has no parent`);
                assert.equal(chain[chain.length - 1].type, stageType, `${r.name} does not end at the stage`);
            }
        });

        it("names every component type runway:<block>:<Name>", () => {
            for (const c of run.resources.filter((x) => !x.custom)) assert.match(c.type, /^runway:[a-z]+:[A-Z][A-Za-z]+$/, c.type);
        });

        it("tags through the explicit provider's defaultTags, which every AWS resource uses", () => {
            const provider = run.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "aws");
            assert.ok(provider, "no explicit aws provider");
            const defaultTags = input(provider, "defaultTags");
            const tags = (typeof defaultTags === "string" ? JSON.parse(defaultTags) : defaultTags).tags as Record<string, string>;
            assert.deepEqual(Object.keys(tags).sort(), [...TAG_KEYS].sort());
            assert.equal(tags.stage, stage);
            assert.equal(tags["runway:stage"], stage);
            for (const r of run.resources.filter((x) => x.custom && x.type.startsWith("aws:"))) {
                assert.ok(r.provider?.startsWith("urn:pulumi:") && r.provider.includes("pulumi:providers:aws::aws"), `${r.name} uses ${r.provider}`);
            }
        });

        it("aliases the other stage types so shared blocks keep their URNs", () => {
            const component = run.resources.find((r) => r.type === stageType);
            const others = Object.values(STAGES).filter((t) => t !== stageType);
            assert.deepEqual(component?.aliases.map((a) => a.split("::")[2]).sort(), others.sort());
        });
    });
}

describe("growth keeps URNs", () => {
    /** A URN as it would read under another stage type: what the engine's inherited alias resolves to. */
    const under = (urn: string, from: string, to: string) => urn.replace(/^urn:pulumi:[^:]+::/, "urn:pulumi:STACK::").split(from).join(to);
    const normal = (urn: string) => urn.replace(/^urn:pulumi:[^:]+::/, "urn:pulumi:STACK::");
    const STATEFUL = /aws:(s3\/bucket:Bucket|ecr\/repository:Repository|elasticache\/replicationGroup:ReplicationGroup|ec2\/vpc:Vpc|ec2\/subnet:Subnet|sqs\/queue:Queue|budgets\/budget:Budget|sns\/topic:Topic)$/;

    it("hero → enterprise: buckets, ECR, Redis, queues, VPC, subnets, topic and budget keep their URNs (RDS → Aurora is a snapshot migration)", async () => {
        const [hero, enterprise] = await Promise.all([STAGE_RUNS.hero(), STAGE_RUNS.enterprise()]);
        const urns = new Set(enterprise.resources.map((r) => under(r.urn, STAGES.enterprise, STAGES.hero)));
        const lost = hero.resources.filter((r) => STATEFUL.test(r.type) && !urns.has(normal(r.urn))).map((r) => r.name);
        assert.deepEqual(lost, []);
    });

    it("zero → hero: the VPC, its public subnet, the uploads bucket, the alert topic and the budget carry on", async () => {
        const [zero, hero] = await Promise.all([STAGE_RUNS.zero(), STAGE_RUNS.hero()]);
        const urns = new Set(hero.resources.map((r) => under(r.urn, STAGES.hero, STAGES.zero)));
        const lost = zero.resources.filter((r) => STATEFUL.test(r.type) && !urns.has(normal(r.urn))).map((r) => r.name);
        assert.deepEqual(lost, []);
    });
});

describe("component sources", () => {
    const files = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));

    it("every component class registers its outputs and has a typed Args interface", () => {
        for (const file of files(path.resolve(__dirname, "../../components"))) {
            const text = fs.readFileSync(file, "utf8");
            if (!/extends pulumi\.ComponentResource/.test(text)) continue;
            assert.match(text, /this\.registerOutputs\(/, file);
            assert.match(text, /constructor\(\s*(?:name: string,\s*)?_?args: \w*Args\b/, file);
        }
    });

    it("uses no any and no ts-ignore", () => {
        for (const file of [...files(path.resolve(__dirname, "../../components")), ...files(path.resolve(__dirname, "../../config"))]) {
            const text = fs.readFileSync(file, "utf8");
            assert.doesNotMatch(text, /:\s*any\b|as any\b|@ts-ignore|@ts-expect-error/, file);
        }
    });
});
