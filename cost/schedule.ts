/**
 * Night schedules: `aws:appautoscaling/scheduledAction:ScheduledAction` pairs that scale a target to zero in
 * the evening and back up in the morning. Reads the hours a scheduled service runs from the two cron
 * expressions when they are simple (`cron(M H ? * MON-FRI *)`), else from the usage file.
 */
import type { StackResource } from "../model/resource";
import type { PricingContext } from "./context";
import { qty } from "./format";
import { num, rec, str } from "./props";

export const SCHEDULED_ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";

/** Hours a scheduled target runs per month, with the reasoning; undefined when it is not scheduled off. */
export interface ScheduleHours {
    hours: number;
    text: string;
    /** True when the hours came from the usage file and it is `none`. */
    none: boolean;
}

/** Scheduled actions acting on `target` (an autoscaling target) or on the service it scales. */
export function scheduledActionsFor(ctx: PricingContext, target: StackResource, service: StackResource): StackResource[] {
    const targetId = str(target.props, "resourceId");
    return ctx.graph.ofType(SCHEDULED_ACTION).filter((a) => {
        const deps = a.propertyDependencies.resourceId ?? [];
        if (deps.includes(target.urn) || deps.includes(service.urn) || a.dependencies.includes(target.urn)) return true;
        return targetId !== undefined && str(a.props, "resourceId") === targetId;
    });
}

interface Cron {
    minute: number;
    hour: number;
    /** Days per week the expression fires. */
    daysPerWeek: number;
}

const WEEKDAY_FIELDS = new Set(["MON-FRI", "2-6"]);

/** Parses `cron(M H DOM MON DOW [YEAR])` with fixed minute and hour and a whole-week or weekday day field. */
export function parseCron(expression: string): Cron | undefined {
    const m = /^cron\((.*)\)$/.exec(expression.trim());
    if (m === null) return undefined;
    const [minute, hour, dom, month, dow] = m[1].trim().split(/\s+/);
    if (!/^\d+$/.test(minute ?? "") || !/^\d+$/.test(hour ?? "") || month !== "*") return undefined;
    let daysPerWeek: number | undefined;
    if (WEEKDAY_FIELDS.has((dow ?? "").toUpperCase())) daysPerWeek = 5;
    else if ((dow === "*" || dow === "?") && (dom === "*" || dom === "?")) daysPerWeek = 7;
    if (daysPerWeek === undefined) return undefined;
    return { minute: Number(minute), hour: Number(hour), daysPerWeek };
}

/** The hours per month a target with a night schedule runs, or undefined when no action scales it to zero. */
export function scheduleHours(ctx: PricingContext, actions: StackResource[], subject: StackResource): ScheduleHours | undefined {
    const capacity = (a: StackResource): number | undefined => num(rec(a.props, "scalableTargetAction"), "maxCapacity");
    const off = actions.find((a) => capacity(a) === 0);
    if (off === undefined) return undefined;
    const on = actions.find((a) => (capacity(a) ?? num(rec(a.props, "scalableTargetAction"), "minCapacity") ?? 0) > 0);
    const offCron = parseCron(str(off.props, "schedule") ?? "");
    const onCron = on === undefined ? undefined : parseCron(str(on.props, "schedule") ?? "");
    if (offCron !== undefined && onCron !== undefined) {
        const daily = ((offCron.hour * 60 + offCron.minute - (onCron.hour * 60 + onCron.minute) + 24 * 60) % (24 * 60)) / 60;
        const hours = daily * (ctx.hours / 24) * (onCron.daysPerWeek / 7);
        return {
            hours,
            text: `scheduled on ${qty(daily)} h/day, ${onCron.daysPerWeek} days/week (${str(on?.props, "schedule")} .. ${str(off.props, "schedule")}) = ${qty(hours)} h`,
            none: false,
        };
    }
    const reading = ctx.use("schedule.hoursOnPerMonth", subject);
    if (reading.none) {
        return { hours: ctx.hours, text: `scheduled off at night, hours not readable from the cron expressions (usage: none: full ${ctx.hours} h)`, none: true };
    }
    return { hours: reading.value, text: `scheduled off at night: ${qty(reading.value)} h (${reading.label})`, none: false };
}
