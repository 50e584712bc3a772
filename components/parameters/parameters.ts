import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "../account";
import { child } from "../options";

/** Arguments of the app's configuration parameters. */
export interface ParametersArgs {
    /** Account and region (path ARN). */
    readonly account: Account;
    /** Path prefix, e.g. `/runway/dev`. */
    readonly path: string;
    /** Plain values: name → value (String parameters). */
    readonly values: Record<string, pulumi.Input<string>>;
    /** Secret values: name → value (SecureString parameters; value stays a Pulumi secret). */
    readonly secureValues: Record<string, pulumi.Input<string>>;
    /** Customer-managed key for SecureString parameters (enterprise); the AWS-managed key when unset. */
    readonly kmsKeyArn?: pulumi.Input<string>;
}

/** The app's runtime configuration in SSM Parameter Store under one path. */
export class Parameters extends pulumi.ComponentResource {
    /** ARN of the path (prefix of every parameter ARN). */
    readonly pathArn: pulumi.Output<string>;
    /** Parameter ARNs by name. */
    readonly arns: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: ParametersArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:parameters:Parameters", name, {}, opts);
        this.arns = {};
        for (const [key, value] of Object.entries(args.values)) {
            this.arns[key] = new aws.ssm.Parameter(`${name}-${key}`, { name: `${args.path}/${key}`, type: "String", value }, child(this)).arn;
        }
        for (const [key, value] of Object.entries(args.secureValues)) {
            this.arns[key] = new aws.ssm.Parameter(
                `${name}-${key}`,
                { name: `${args.path}/${key}`, type: "SecureString", value: pulumi.secret(value), ...(args.kmsKeyArn === undefined ? {} : { keyId: args.kmsKeyArn }) },
                child(this),
            ).arn;
        }
        const { partition, accountId, region } = args.account;
        this.pathArn = pulumi.interpolate`arn:${partition}:ssm:${region}:${accountId}:parameter${args.path}`;
        this.registerOutputs({ pathArn: this.pathArn, arns: this.arns });
    }
}
