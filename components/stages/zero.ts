import * as pulumi from "@pulumi/pulumi";
import type { RunwayConfig } from "../../config/types";
import { Budget } from "../budget/budget";
import { Network } from "../network/network";
import { Alarms } from "../observability/alarms";
import { instanceAlarmSpecs } from "../observability/alarm-specs";
import { lookupAccount } from "../account";
import { Alerts } from "../observability/alerts";
import { WebServer } from "../server/web-server";
import { Bucket } from "../storage/bucket";
import { STAGE_NAME, STAGE_TYPES, stageAliases, type StageArgs, type StageOutputs } from "./stage";

/**
 * zero's server, `server` under the stage component. hero declares it too while `runway:retainZeroServer`
 * is true, with the same name, type and inputs, so its URN carries over through the stage aliases and the
 * move keeps it (and the data on its root volume) running beside hero until cut-over.
 */
export function declareZeroServer(scope: pulumi.ComponentResource, cfg: RunwayConfig, network: Network, uploads: Bucket): WebServer {
    return new WebServer(
        "server",
        {
            vpcId: network.vpcId,
            subnetId: network.publicSubnetIds[0],
            instanceType: cfg.server.instanceType,
            rootVolumeGb: cfg.server.rootVolumeGb,
            snapshotRetentionDays: cfg.server.snapshotRetentionDays,
            domain: cfg.domain,
            image: cfg.web.image,
            appPort: cfg.web.containerPort,
            bucketArn: uploads.arn,
            protect: cfg.protect,
        },
        { parent: scope },
    );
}

/**
 * zero — one Graviton instance, nothing else to pay for:
 *
 *   internet ─80/443─▶ Elastic IP ─▶ EC2 (Caddy ▶ app container) ──▶ S3 uploads/backups
 *                                     └─ daily DLM snapshots, SSM access, alarms ▶ SNS ▶ email
 *
 * A small VPC of its own (one public subnet, internet gateway, no NAT) rather than the default VPC: the
 * route is declared, so policies see it, and the same VPC and subnet carry on into hero.
 */
export class ZeroStage extends pulumi.ComponentResource implements StageOutputs {
    readonly url: pulumi.Output<string>;
    readonly assetsBucket: pulumi.Output<string>;
    /** Elastic IP of the instance. */
    readonly publicIp: pulumi.Output<string>;

    constructor(args: StageArgs, opts?: pulumi.ComponentResourceOptions) {
        super(STAGE_TYPES.zero, STAGE_NAME, {}, { ...opts, aliases: stageAliases("zero") });
        const cfg = args.config;
        const parent = { parent: this };

        const network = new Network("network", { region: cfg.region, cidr: cfg.network.cidr, azCount: 1, privateSubnets: false, nat: "none" }, parent);
        const uploads = new Bucket("uploads", { protect: cfg.protect }, parent);
        const server = declareZeroServer(this, cfg, network, uploads);
        const alerts = new Alerts("alerts", { email: cfg.alertEmail, account: lookupAccount(this, cfg.region), protect: cfg.protect }, parent);
        new Alarms("alarms", { topicArn: alerts.topicArn, alarms: instanceAlarmSpecs(server.instanceId) }, parent);
        new Budget("budget", { monthlyLimitUsd: cfg.monthlyBudget, email: cfg.alertEmail }, parent);

        this.url = cfg.domain ? pulumi.output(`https://${cfg.domain}`) : pulumi.interpolate`http://${server.publicIp}`;
        this.assetsBucket = uploads.bucketName;
        this.publicIp = server.publicIp;
        this.registerOutputs({ url: this.url, assetsBucket: this.assetsBucket, publicIp: this.publicIp });
    }
}
