/** Serves the Runway policy pack (starts CrossGuard's gRPC analyzer) through public APIs only. The policies live in `./pack`. */
import { PolicyPack } from "@pulumi/policy";
import { runwayPack } from "./pack";

new PolicyPack(runwayPack.name, { policies: runwayPack.policies, enforcementLevel: runwayPack.enforcementLevel });
