/** SQS queues and SNS topics, priced by requests. */
import type { Pricer } from "../context";
import { bool } from "../props";

const queue: Pricer = (r, ctx) => {
    const fifo = bool(r.props, "fifoQueue") === true;
    return ctx
        .line()
        .usage(ctx.use("sqs.requestsMillionsPerMonth", r), ctx.prices.usd("sqs", fifo ? "fifo.perMillion" : "standard.perMillion"), "M req", fifo ? "FIFO requests" : "requests")
        .build();
};

const topic: Pricer = (r, ctx) =>
    ctx.line().usage(ctx.use("sns.publishesMillionsPerMonth", r), ctx.prices.usd("sns", "publish.perMillion"), "M publishes", "publishes").build();

export const messagingPricers: Record<string, Pricer> = {
    "aws:sqs/queue:Queue": queue,
    "aws:sns/topic:Topic": topic,
};
