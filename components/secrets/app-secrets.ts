import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { stateful } from "../options";

/** Arguments of the app's Secrets Manager secret. */
export interface AppSecretsArgs {
    /** Customer-managed key encrypting the secret. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * Protect and retain the secret.
     * @default `CONFIG_SCHEMA.protect (enterprise)` (true), through `runway:protect`
     */
    readonly protect: boolean;
}

/** Days a deleted secret can still be restored. */
export const SECRET_RECOVERY_DAYS = 30;

/**
 * A Secrets Manager secret for the app's third-party credentials, encrypted with a customer key. Runway
 * declares no value (operators put it with `aws secretsmanager put-secret-value`), so none sits in state.
 */
export class AppSecrets extends pulumi.ComponentResource {
    /** Secret ARN. */
    readonly secretArn: pulumi.Output<string>;

    constructor(name: string, args: AppSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:secrets:AppSecrets", name, {}, opts);
        const secret = new aws.secretsmanager.Secret(
            `${name}-secret`,
            { description: "Runway app secrets (set the value outside Pulumi)", kmsKeyId: args.kmsKeyArn, recoveryWindowInDays: SECRET_RECOVERY_DAYS },
            stateful(this, args.protect),
        );
        this.secretArn = secret.arn;
        this.registerOutputs({ secretArn: this.secretArn });
    }
}
