import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** Arguments of the monthly cost budget. */
export interface BudgetArgs {
    /**
     * Monthly limit in USD.
     * @default `CONFIG_SCHEMA.monthlyBudget` (zero 50, hero 300, enterprise 3000), through `runway:monthlyBudget`
     */
    readonly monthlyLimitUsd: number;
    /**
     * Email alerted when actual or forecast spend crosses a threshold.
     * @default `CONFIG_SCHEMA.alertEmail` (`ops@example.com`), through `runway:alertEmail`
     */
    readonly email: string;
    /**
     * Alert at these percentages of actual spend.
     * @default `BUDGET_ALERTS.actual` (80 and 100)
     */
    readonly actualThresholds?: readonly number[];
    /**
     * Alert at these percentages of forecast spend.
     * @default `BUDGET_ALERTS.forecast` (100)
     */
    readonly forecastThresholds?: readonly number[];
}

/** Default alert points: 80 % and 100 % of actual spend, 100 % of forecast. */
export const BUDGET_ALERTS = { actual: [80, 100], forecast: [100] } as const;

/** An AWS Budgets monthly cost budget with email notifications. */
export class Budget extends pulumi.ComponentResource {
    /** Budget name. */
    readonly budgetName: pulumi.Output<string>;

    constructor(name: string, args: BudgetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:budget:Budget", name, {}, opts);
        const notify = (type: "ACTUAL" | "FORECASTED", threshold: number) => ({
            comparisonOperator: "GREATER_THAN",
            threshold,
            thresholdType: "PERCENTAGE",
            notificationType: type,
            subscriberEmailAddresses: [args.email],
        });
        const budget = new aws.budgets.Budget(
            `${name}-monthly`,
            {
                budgetType: "COST",
                timeUnit: "MONTHLY",
                limitAmount: args.monthlyLimitUsd.toFixed(2),
                limitUnit: "USD",
                notifications: [
                    ...(args.actualThresholds ?? BUDGET_ALERTS.actual).map((t) => notify("ACTUAL", t)),
                    ...(args.forecastThresholds ?? BUDGET_ALERTS.forecast).map((t) => notify("FORECASTED", t)),
                ],
            },
            child(this),
        );
        this.budgetName = budget.name;
        this.registerOutputs({ budgetName: this.budgetName });
    }
}
