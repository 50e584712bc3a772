/** Shared helpers for cost tests: temporary usage files and line lookup. */
import * as fs from "fs";
import { tempDir } from "../temp";
import * as path from "path";
import type { CostLine, CostReport } from "../../cost";

/** Writes `content` as JSON to a temporary file and returns its path. */
export function tempJson(content: unknown, name = "usage.json"): string {
    const dir = tempDir("cost");
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
}

/** The line for the resource named `name`; fails the test when absent. */
export function lineOf(report: CostReport, name: string): CostLine {
    const line = report.lines.find((l) => l.name === name);
    if (line === undefined) throw new Error(`no cost line for ${name}; lines: ${report.lines.map((l) => l.name).join(", ")}`);
    return line;
}

/** Rounds to the cent, as the report does. */
export function c(value: number): number {
    return Math.round((value + Number.EPSILON) * 100) / 100;
}
