import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child, stateful } from "../options";

/** Arguments of the container registry. */
export interface RepositoryArgs {
    /**
     * Tagged images kept by the lifecycle policy.
     * @default `CONFIG_SCHEMA.ecrKeepImages` (30), through `runway:ecrKeepImages`
     */
    readonly keepImages: number;
    /**
     * Protect and retain the repository.
     * @default `CONFIG_SCHEMA.protect` (hero false, enterprise true), through `runway:protect`
     */
    readonly protect: boolean;
}

/**
 * An ECR repository: scan on push, immutable tags, encrypted at rest (AES256: switching the encryption of
 * an existing repository would replace it, so every stage uses the same setting), and a lifecycle policy
 * expiring untagged images after a day and keeping the newest tagged ones.
 */
export class Repository extends pulumi.ComponentResource {
    /** Repository URL (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`). */
    readonly repositoryUrl: pulumi.Output<string>;
    /** Repository ARN. */
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: RepositoryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:registry:Repository", name, {}, opts);
        const repo = new aws.ecr.Repository(
            `${name}-repo`,
            {
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "AES256" }],
                forceDelete: false,
            },
            stateful(this, args.protect),
        );
        new aws.ecr.LifecyclePolicy(
            `${name}-lifecycle`,
            {
                repository: repo.name,
                policy: JSON.stringify({
                    rules: [
                        { rulePriority: 1, description: "Expire untagged images after a day", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 }, action: { type: "expire" } },
                        { rulePriority: 2, description: `Keep the newest ${args.keepImages} images`, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: args.keepImages }, action: { type: "expire" } },
                    ],
                }),
            },
            child(this),
        );
        this.repositoryUrl = repo.repositoryUrl;
        this.arn = repo.arn;
        this.registerOutputs({ repositoryUrl: this.repositoryUrl, arn: this.arn });
    }
}
