/** Bad input to the cost model (a missing or malformed price table or usage file, an unpriced region). */
export class CostInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "CostInputError";
    }
}

/**
 * A price the region's table does not hold (an instance class it does not list, a region with no table): the
 * resource is reported as unpriced with this message, never priced at zero and never a reason to stop the plan.
 */
export class MissingPrice extends Error {
    constructor(message: string) {
        super(message);
        this.name = "MissingPrice";
    }
}
