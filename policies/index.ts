/** Serves the Runway policy pack (starts CrossGuard's gRPC analyzer). The policies live in `./pack`. */
import "./lib/defer-pulumi-index-now"; // first: the SDK's top-level index then loads only if something reads it
import { PolicyPack } from "@pulumi/policy";
import { deserializeOncePerRequest } from "./lib/deserialize-once";
import { runwayPack } from "./pack";

// This process serves only Runway's policies: let them share one deserialization per resource per request.
deserializeOncePerRequest();
new PolicyPack(runwayPack.name, { policies: runwayPack.policies, enforcementLevel: runwayPack.enforcementLevel });
