/**
 * A bad config value of Runway's own program is one line, before anything runs: the key, the value, what is
 * allowed, where the value came from — and, for `--stage` on a stack whose pinned values the stage rejects, the
 * stack file to use.
 */
import { rejects } from "./helpers";

describe("plan: config-value errors say key, value, allowed, origin", function () {
    this.timeout(60_000);

    it("--stage enterprise on the dev stack names the pinned value, its stack file, and the stack made for enterprise", async () => {
        await rejects(
            ["--stage", "enterprise"],
            /runway:cacheNodes = "1" \(set in Pulumi\.dev\.yaml\) is not allowed: expected an integer from 2 to 6 for stage enterprise .* use --stack prod \(its stack file is made for enterprise\), or override it with --config runway:cacheNodes=<value>$/m,
            {},
        );
    });

    it("a --config value is said to come from --config, with what is allowed", async () => {
        await rejects(["--config", "runway:azCount=banana"], /runway:azCount = "banana" \(--config\) is not allowed: expected an integer from 2 to 6 or "auto" — change it with --config runway:azCount=<value> or in Pulumi\.dev\.yaml/, {});
    });

    it("never says a value is missing when it is not", async () => {
        await rejects(["--stage", "enterprise"], /^(?!.*give the missing value)/, {});
    });
});
