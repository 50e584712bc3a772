/**
 * The borderless tables of the text reports, drawn by the `table` package: columns aligned by display width, no
 * colour whatever the terminal, the same bytes on every run, no trailing spaces.
 */
import { getBorderCharacters, table } from "table";

export interface TextTableLayout {
    /** How each column is aligned, one entry per column. */
    align: readonly ("left" | "right")[];
    /** Between two columns. */
    gap: string;
    /** Before each line. */
    indent?: string;
}

/** A row is one line: a tab, newline or other control character in a cell shows as a space. */
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** The lines of `rows`, every row as long as `layout.align`. */
export function textTable(rows: readonly (readonly string[])[], layout: TextTableLayout): string[] {
    if (rows.length === 0) return [];
    const drawn = table(
        rows.map((row) => row.map((cell) => cell.replace(CONTROL, " "))),
        {
            border: { ...getBorderCharacters("void"), bodyLeft: layout.indent ?? "", bodyJoin: layout.gap },
            columns: layout.align.map((alignment) => ({ alignment, paddingLeft: 0, paddingRight: 0 })),
            drawHorizontalLine: () => false,
        },
    );
    return drawn.replace(/\n$/, "").split("\n").map((line) => line.trimEnd());
}

/** A comparison side by side: the row labels on the left, then one right-aligned column per stage or region. */
export function sideBySide(rows: readonly (readonly string[])[]): string[] {
    return textTable(rows, { align: (rows[0] ?? []).map((_, col) => (col === 0 ? "left" : "right")), gap: "   " });
}
