/**
 * Secrets under the real engine: after `up` of an enterprise stack, `pulumi stack export` holds no plaintext of any
 * secret (Redis auth token, anything `secret()`), and config set with `--secret` stays ciphertext in the stack file.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { copyRunway, engineReady } from "./engine";

interface ExportedResource {
    type: string;
    urn: string;
    outputs?: Record<string, unknown>;
}

/** The plaintext a secret output holds in a `--show-secrets` export. */
function plaintext(value: unknown): string | undefined {
    if (typeof value === "string") return value;
    if (typeof value === "object" && value !== null && "plaintext" in value) return JSON.parse(String((value as { plaintext: unknown }).plaintext)) as string;
    return undefined;
}

describe("engine: secrets stay secret in state and config", function () {
    before(engineReady);

    it("enterprise: stack export after up has no plaintext secret; --secret config is ciphertext", () => {
        const project = copyRunway();
        project.initStack("prod");
        project.must(["config", "set", "--stack", "prod", "--secret", "runway:alertEmail", "oncall-secret@example.com"]);
        project.operation("up", "prod", [], 0);

        const exported = project.must(["stack", "export", "--stack", "prod"]).stdout;
        const revealed = JSON.parse(project.must(["stack", "export", "--stack", "prod", "--show-secrets"]).stdout) as { deployment: { resources: ExportedResource[] } };
        // The generated secrets: every random password's result (the Redis auth token among them).
        const passwords = revealed.deployment.resources.filter((r) => r.type === "random:index/randomPassword:RandomPassword");
        assert.ok(passwords.length > 0, "the enterprise stack generates a password");
        const secrets = passwords.map((r) => plaintext(r.outputs?.result)).filter((text): text is string => text !== undefined && text.length >= 16);
        assert.strictEqual(secrets.length, passwords.length, "each password has a result");
        // Runway reads its config as plain values (`config.get`), so a key marked secret in the stack file is
        // ciphertext there (checked below) but not in state; its own secrets are generated and marked secret.
        for (const secret of secrets) {
            assert.ok(!exported.includes(secret), `plaintext of a secret in stack export: ${secret.slice(0, 4)}…`);
        }
        assert.ok(exported.includes("4dabf18193072939515e22adb298388d"), "secrets are kept as encrypted secret values");
        const stackFile = fs.readFileSync(path.join(project.dir, "Pulumi.prod.yaml"), "utf8");
        assert.ok(!stackFile.includes("oncall-secret@example.com"), "secret config is not written in plaintext");
        assert.match(stackFile, /runway:alertEmail:\s*\n\s*secure: /);
    });
});
