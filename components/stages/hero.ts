import * as pulumi from "@pulumi/pulumi";
import { lookupAccount } from "../account";
import { Alarms } from "../observability/alarms";
import { instanceAlarmSpecs } from "../observability/alarm-specs";
import { declarePlatform } from "./platform";
import { STAGE_NAME, STAGE_TYPES, stageAliases, type StageArgs, type StageOutputs } from "./stage";
import { declareZeroServer } from "./zero";

/**
 * hero — the container platform across 2 AZs with one NAT gateway:
 *
 *   internet ▶ WAF ▶ ALB (public) ▶ ECS Fargate web 2..10 @ CPU 70 % (app subnets) ▶ RDS Postgres, Redis (data subnets)
 *   CloudFront ▶ S3 assets (OAC)      ECS Fargate worker ◀ SQS + DLQ (scales on backlog)
 *   ECR, SSM parameters, log groups, alarm topic, budget
 *
 * With `runway:retainZeroServer` (zero → hero, until cut-over) it also keeps zero's server and its alarms,
 * declared exactly as zero declares them, so the move keeps them instead of deleting the data they hold.
 */
export class HeroStage extends pulumi.ComponentResource implements StageOutputs {
    readonly url: pulumi.Output<string>;
    readonly dbEndpoint: pulumi.Output<string>;
    readonly assetsBucket: pulumi.Output<string>;
    /** CloudFront domain of the assets. */
    readonly cdnDomain: pulumi.Output<string>;
    /** ECR repository to push images to. */
    readonly repositoryUrl: pulumi.Output<string>;

    constructor(args: StageArgs, opts?: pulumi.ComponentResourceOptions) {
        super(STAGE_TYPES.hero, STAGE_NAME, {}, { ...opts, aliases: stageAliases("hero") });
        const platform = declarePlatform(this, args.config, lookupAccount(this, args.config.region));
        if (args.config.server.retainInHero) {
            const server = declareZeroServer(this, args.config, platform.network, platform.uploads);
            new Alarms("alarms", { topicArn: platform.alerts.topicArn, alarms: instanceAlarmSpecs(server.instanceId) }, { parent: this });
        }
        this.url = platform.url;
        this.dbEndpoint = platform.database.endpoint;
        this.assetsBucket = platform.assets.bucketName;
        this.cdnDomain = platform.cdn.domainName;
        this.repositoryUrl = platform.registry.repositoryUrl;
        this.registerOutputs({ url: this.url, dbEndpoint: this.dbEndpoint, assetsBucket: this.assetsBucket, cdnDomain: this.cdnDomain, repositoryUrl: this.repositoryUrl });
    }
}
