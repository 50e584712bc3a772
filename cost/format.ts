/** Number formatting for `basis` texts. */

/** A price: at least two decimals, as many as it needs (`$0.0084`, `$0.40`, `$5.00`). */
export function usd(value: number): string {
    const trimmed = value.toFixed(10).replace(/0+$/, "");
    const [whole, fraction = ""] = trimmed.split(".");
    return `$${whole}.${fraction.padEnd(2, "0")}`;
}

/** A quantity: up to three decimals, no trailing zeros (`730`, `0.25`, `3.2`). */
export function qty(value: number): string {
    return String(Math.round(value * 1000) / 1000);
}

/** Rounds to the cent. */
export function cents(value: number): number {
    return Math.round((value + Number.EPSILON) * 100) / 100;
}
