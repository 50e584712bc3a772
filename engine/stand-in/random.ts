/** `pulumi-resource-random`, Runway's offline STAND-IN for the random provider (deterministic values). */
import { awsMocks } from "../../harness/aws-mocks";
import { serveStandIn } from "./provider-server";

serveStandIn({
    package: "random",
    version: "4.21.2",
    mocks: (_config, preview) => awsMocks({ preview, region: "us-east-1" }),
});
