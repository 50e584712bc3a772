/** AWS Budgets (first two free), SSM parameters (advanced tier priced), Route 53 hosted zones. */
import { free, type Pricer } from "../context";
import { qty, usd } from "../format";
import { str } from "../props";

const budget: Pricer = (r, ctx) => {
    ctx.budgetsSeen += 1;
    const freeCount = ctx.prices.usd("budgets", "freeBudgets");
    ctx.assume("The stack's budgets are the account's only budgets: the first two are free.");
    if (ctx.budgetsSeen <= freeCount) return free(`budget ${ctx.budgetsSeen} of the account's ${qty(freeCount)} free budgets`);
    const day = ctx.prices.usd("budgets", "budget.day");
    const days = ctx.hours / 24;
    return ctx.line().fixed(day * days, `${qty(days)} days × ${usd(day)}/day (budgets beyond the first ${qty(freeCount)})`).build();
};

const budgetAction: Pricer = (r, ctx) => {
    ctx.actionBudgetsSeen += 1;
    const freeCount = ctx.prices.usd("budgets", "freeActionBudgets");
    if (ctx.actionBudgetsSeen <= freeCount) return free(`action-enabled budget ${ctx.actionBudgetsSeen} of ${qty(freeCount)} free`);
    const day = ctx.prices.usd("budgets", "actionBudget.day");
    const days = ctx.hours / 24;
    return ctx.line().fixed(day * days, `${qty(days)} days × ${usd(day)}/day (action-enabled budget beyond the first ${qty(freeCount)})`).build();
};

const parameter: Pricer = (r, ctx) => {
    if (str(r.props, "tier") !== "Advanced") return free("standard parameter");
    const price = ctx.prices.usd("ssm", "advancedParameter.month");
    return ctx.line().fixed(price, `1 advanced parameter × ${usd(price)}/mo`).build();
};

const zone: Pricer = (r, ctx) => {
    const price = ctx.prices.usd("route53", "hostedZone.month");
    return ctx
        .line()
        .fixed(price, `1 hosted zone × ${usd(price)}/mo`)
        .usage(ctx.use("route53.queriesMillionsPerMonth", r), ctx.prices.usd("route53", "queries.perMillion"), "M queries", "queries")
        .build();
};

export const managementPricers: Record<string, Pricer> = {
    "aws:budgets/budget:Budget": budget,
    "aws:budgets/budgetAction:BudgetAction": budgetAction,
    "aws:ssm/parameter:Parameter": parameter,
    "aws:route53/zone:Zone": zone,
};
