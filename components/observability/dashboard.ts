import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** One graph: a title and its metrics (`[namespace, metric, dimName, dimValue, ...]`). */
export interface DashboardWidget {
    /** Widget title. */
    readonly title: string;
    /** Metric rows in CloudWatch dashboard syntax. */
    readonly metrics: pulumi.Input<string>[][];
    /** Statistic of every metric in the widget. */
    readonly stat: string;
}

/** Arguments of the dashboard. */
export interface DashboardArgs {
    /**
     * Region of the metrics.
     * @default `CONFIG_SCHEMA.region` (`us-east-1`), through `runway:region`
     */
    readonly region: string;
    /** Widgets, laid out two per row. */
    readonly widgets: DashboardWidget[];
}

const WIDTH = 12;
const HEIGHT = 6;

/** A CloudWatch dashboard of metric graphs. */
export class Dashboard extends pulumi.ComponentResource {
    /** Console URL of the dashboard. */
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: DashboardArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:observability:Dashboard", name, {}, opts);
        const dashboardName = `runway-${pulumi.getStack()}`;
        const body = pulumi.jsonStringify({
            widgets: args.widgets.map((widget, i) => ({
                type: "metric",
                x: (i % 2) * WIDTH,
                y: Math.floor(i / 2) * HEIGHT,
                width: WIDTH,
                height: HEIGHT,
                properties: { title: widget.title, region: args.region, stat: widget.stat, period: 300, metrics: widget.metrics },
            })),
        });
        const dashboard = new aws.cloudwatch.Dashboard(`${name}-dashboard`, { dashboardName, dashboardBody: body }, child(this));
        this.url = pulumi.interpolate`https://${args.region}.console.aws.amazon.com/cloudwatch/home?region=${args.region}#dashboards:name=${dashboard.dashboardName}`;
        this.registerOutputs({ url: this.url });
    }
}
