/** `pulumi-resource-aws`, Runway's offline STAND-IN for the AWS provider (never reaches AWS). */
import { awsMocks } from "../../harness/aws-mocks";
import { serveStandIn } from "./provider-server";

serveStandIn({
    package: "aws",
    version: "7.48.0",
    mocks: (config, preview) => awsMocks({ preview, region: config["aws:region"] ?? "us-east-1" }),
});
