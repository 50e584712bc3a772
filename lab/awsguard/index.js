// The public AWSGuard pack (npm @pulumi/awsguard), every policy mandatory, served over gRPC like any pack:
// `new AwsGuard(...)` is a `PolicyPack`, which starts @pulumi/policy's analyzer server and prints its port.
// Runway's lab (`npm run bench`) runs it on the same synthetic stacks as Runway's own pack.
const { AwsGuard } = require("@pulumi/awsguard");

new AwsGuard({ all: "mandatory" });
