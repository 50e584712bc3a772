/** Bad input to the cost model (a missing or malformed price table or usage file, an unpriced region). */
export class CostInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "CostInputError";
    }
}
