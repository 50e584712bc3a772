/** Lambda functions, API Gateway APIs and DynamoDB tables, priced by requests and storage. */
import type { Pricer } from "../context";
import { qty, usd } from "../format";
import { arr, num, records, str } from "../props";

const lambdaFunction: Pricer = (r, ctx) => {
    const arm = (arr(r.props, "architectures") ?? []).includes("arm64");
    const memoryGb = (num(r.props, "memorySize") ?? 128) / 1024;
    const requests = ctx.use("lambda.requestsMillionsPerMonth", r);
    const duration = ctx.use("lambda.avgDurationMs", r);
    const gbSecond = ctx.prices.usd("lambda", arm ? "arm.gbSecond" : "x86.gbSecond");
    const line = ctx.line().usage(requests, ctx.prices.usd("lambda", "requests.perMillion"), "M req", "requests");
    const gbSeconds = requests.value * 1e6 * (duration.value / 1000) * memoryGb;
    line.usageAmount(
        gbSeconds * gbSecond,
        requests.none || duration.none
            ? "compute: 0 (usage: none)"
            : `compute: ${qty(requests.value)} M × ${qty(duration.value)} ms (${duration.label}) × ${qty(memoryGb)} GB = ${qty(gbSeconds)} GB-s × ${usd(gbSecond)} (${arm ? "arm64" : "x86_64"})`,
        requests.none || duration.none,
    );
    return line.build();
};

const httpApi: Pricer = (r, ctx) => {
    const websocket = str(r.props, "protocolType") === "WEBSOCKET";
    const price = ctx.prices.usd("apiGateway", websocket ? "websocket.perMillionMessages" : "http.perMillion");
    if (websocket) ctx.assume("WebSocket APIs are priced by messages only; connection minutes are not modelled.");
    return ctx.line().usage(ctx.use("apiGateway.requestsMillionsPerMonth", r), price, websocket ? "M messages" : "M req", websocket ? "messages" : "HTTP API requests").build();
};

const restApi: Pricer = (r, ctx) =>
    ctx.line().usage(ctx.use("apiGateway.requestsMillionsPerMonth", r), ctx.prices.usd("apiGateway", "rest.perMillion"), "M req", "REST API requests").build();

/**
 * A DynamoDB table, and each replica of a global table (`replicas[].regionName`): every replica stores the data and
 * takes every write (replicated write units, priced like writes in the replica's region since the 2024-11 cut:
 * https://aws.amazon.com/dynamodb/pricing/); reads stay where they are made, here all at the table.
 */
const table: Pricer = (r, ctx) => {
    const line = ctx.line();
    const provisioned = str(r.props, "billingMode") === "PROVISIONED";
    const wcu = num(r.props, "writeCapacity") ?? 0;
    const rcu = num(r.props, "readCapacity") ?? 0;
    if (provisioned) {
        const wPrice = ctx.prices.usd("dynamodb", "provisioned.wcuHour");
        const rPrice = ctx.prices.usd("dynamodb", "provisioned.rcuHour");
        line.fixed((wcu * wPrice + rcu * rPrice) * ctx.hours, `(${qty(wcu)} WCU × ${usd(wPrice)} + ${qty(rcu)} RCU × ${usd(rPrice)}) × ${ctx.hours} h`);
    } else {
        line.usage(ctx.use("dynamodb.writeMillionsPerMonth", r), ctx.prices.usd("dynamodb", "onDemand.writePerMillion"), "M WRU", "writes");
        line.usage(ctx.use("dynamodb.readMillionsPerMonth", r), ctx.prices.usd("dynamodb", "onDemand.readPerMillion"), "M RRU", "reads");
    }
    line.usage(ctx.use("dynamodb.gbStored", r), ctx.prices.usd("dynamodb", "storage.gbMonth"), "GB-mo", "storage");
    for (const replica of records(r.props, "replicas")) {
        const region = str(replica, "regionName");
        if (region === undefined) return { unpriced: "a replica's region is not known" };
        const prices = ctx.pricesIn(region);
        if (prices === undefined) return { unpriced: `replica in ${region}: no price table for region ${region}` };
        if (provisioned) {
            const wPrice = prices.usd("dynamodb", "provisioned.wcuHour");
            line.fixed(wcu * wPrice * ctx.hours, `replica ${region}: ${qty(wcu)} replicated WCU × ${usd(wPrice)} × ${ctx.hours} h`);
        } else {
            line.usage(ctx.use("dynamodb.writeMillionsPerMonth", r), prices.usd("dynamodb", "onDemand.writePerMillion"), "M rWRU", `replica ${region} writes`);
        }
        line.usage(ctx.use("dynamodb.gbStored", r), prices.usd("dynamodb", "storage.gbMonth"), "GB-mo", `replica ${region} storage`);
    }
    return line.build();
};

export const serverlessPricers: Record<string, Pricer> = {
    "aws:lambda/function:Function": lambdaFunction,
    "aws:apigatewayv2/api:Api": httpApi,
    "aws:apigateway/restApi:RestApi": restApi,
    "aws:dynamodb/table:Table": table,
};
