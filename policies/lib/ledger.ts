/**
 * Findings that one policy leaves for a companion policy to report in the same request.
 *
 * CrossGuard gives each policy one enforcement level, so a finding that must be advisory whatever its policy's level
 * (waived, not evaluated in preview, advisory in this stage profile, an internal error) is left here, under the
 * request it belongs to (an `Analyze` call is one resource's URN, the `AnalyzeStack` call is `STACK_REQUEST`), and
 * collected by `runway-waivers` or `runway-advisory`, which the analyzer runs after every other policy of the same
 * request. A ledger belongs to one pack instance (`PackScope`), never to the module.
 */
import type { Finding } from "../../model/finding";

/** The request key of an `AnalyzeStack` call: no URN can equal it (every URN starts with `urn:`). */
export const STACK_REQUEST = "stack";

/**
 * How many requests' findings a ledger holds. Only a companion disabled by pack config leaves findings uncollected;
 * past this many requests the oldest request's findings are dropped (never the current request's: it is the newest).
 */
export const LEDGER_REQUESTS = 10_000;

const NOTHING: readonly Finding[] = [];

export class FindingLedger {
    private readonly byRequest = new Map<string, Finding[]>();

    constructor(private readonly limit = LEDGER_REQUESTS) {}

    /** Leaves `finding` for the companion that reports request `request`. */
    leave(request: string, finding: Finding): void {
        const list = this.byRequest.get(request);
        if (list !== undefined) {
            list.push(finding);
            return;
        }
        if (this.byRequest.size >= this.limit) {
            const oldest = this.byRequest.keys().next();
            if (!oldest.done) this.byRequest.delete(oldest.value);
        }
        this.byRequest.set(request, [finding]);
    }

    /** Takes what was left for `request` (called for every resource: allocates nothing when there is nothing). */
    collect(request: string): readonly Finding[] {
        if (this.byRequest.size === 0) return NOTHING;
        const list = this.byRequest.get(request);
        if (list === undefined) return NOTHING;
        this.byRequest.delete(request);
        return list;
    }

    /** How many requests have findings waiting. */
    get pending(): number {
        return this.byRequest.size;
    }
}
