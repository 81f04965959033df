/**
 * Plain-text tables for the terminal: columns padded to their widest cell, two spaces apart, no trailing
 * blanks.
 */

/**
 * Formats `rows` under `headers`; a cell's line breaks are shown as spaces so a row stays one line.
 *
 * @example
 * formatTable(["ID", "NAME"], [["1", "Sign in"]]); // "ID  NAME\n1   Sign in\n"
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const clean = (cell: string | undefined): string => (cell ?? "").replace(/\s*\n\s*/g, " ");
  const all = [headers, ...rows].map((row) => headers.map((_, column) => clean(row[column])));
  const widths = headers.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? "")].length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell + " ".repeat((widths[column] ?? 0) - [...cell].length),
      )
      .join("  ")
      .trimEnd();
  return all.map(line).join("\n") + "\n";
}
