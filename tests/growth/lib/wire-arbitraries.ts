/** fast-check generators of wire-format property values: unknowns, secrets, references, wrong types. */
import * as fc from "fast-check";
import { RESOURCE_REF_SIG, SECRET_SIG, SIG_KEY, UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_NUMBER, UNKNOWN_OBJECT, UNKNOWN_STRING } from "../../../model/wire";

export const UNKNOWNS = [UNKNOWN_STRING, UNKNOWN_BOOLEAN, UNKNOWN_NUMBER, UNKNOWN_ARRAY, UNKNOWN_OBJECT] as const;

const scalar = fc.oneof(
    fc.constantFrom<unknown>(...UNKNOWNS, true, false, null, 0, -1, 1e308, "", "0.0.0.0/0", "::/0", "*", "aws:kms", "AES256", "tcp", "-1", "HTTP", "HTTPS", "allow-all", "postgres", "true", "false"),
    fc.integer({ min: -70000, max: 70000 }),
    fc.string({ maxLength: 16 }),
);

/** Any wire value up to a small depth, including secret-wrapped values and resource references. */
export const wireValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        scalar,
        tie("value").map((value) => ({ [SIG_KEY]: SECRET_SIG, value })),
        fc.constant({ [SIG_KEY]: RESOURCE_REF_SIG, urn: "urn:pulumi:fuzz::p::aws:ec2/vpc:Vpc::gone", id: "vpc-1" }),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("fromPort", "toPort", "protocol", "cidrBlocks", "ipv6CidrBlocks", "securityGroups", "self", "Effect", "Action", "Resource", "Principal", "enabled", "sseAlgorithm", "kmsMasterKeyId", "rules", "applyServerSideEncryptionByDefault", "httpTokens", "viewerProtocolPolicy", "Statement"), tie("value"), { maxKeys: 4 }),
    ),
})).value;
