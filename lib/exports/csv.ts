// CSV for downloads (Dutch Excel: ";" and a BOM). Cells that a spreadsheet would run as a formula
// (=, +, -, @, tab, CR at the start) are neutralised with a leading apostrophe.
export const neutraliseFormula = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function safeCell(value: unknown): string {
  const v = neutraliseFormula(value === null || value === undefined ? '' : String(value));
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsvDownload(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(safeCell).join(';')).join('\r\n')}\r\n`;
}
