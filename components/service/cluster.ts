import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** Arguments of the ECS cluster (none yet: Container Insights is always on). */
export type ClusterArgs = Record<string, never>;

/** An ECS cluster for Fargate services, with Container Insights (the worker scales on its task count). */
export class Cluster extends pulumi.ComponentResource {
    /** Cluster name (autoscaling resource ids, metric dimensions). */
    readonly clusterName: pulumi.Output<string>;
    /** Cluster ARN. */
    readonly arn: pulumi.Output<string>;

    constructor(name: string, _args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:service:Cluster", name, {}, opts);
        const cluster = new aws.ecs.Cluster(`${name}-cluster`, { settings: [{ name: "containerInsights", value: "enabled" }] }, child(this));
        this.clusterName = cluster.name;
        this.arn = cluster.arn;
        this.registerOutputs({ clusterName: this.clusterName, arn: this.arn });
    }
}
