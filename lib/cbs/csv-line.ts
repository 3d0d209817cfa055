/**
 * One CSV line into its fields (RFC 4180 quoting: "a;b" and "" inside quotes). Returns null when a
 * quote is not closed on the line: the format's fields are codes and ids, so a field never spans lines.
 */
export function parseCsvLine(line: string, delimiter: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) return null;
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const next = line.indexOf(delimiter, i);
      value += next === -1 ? line.slice(i) : line.slice(i, next); // tolerate text after the closing quote
      out.push(value);
      if (next === -1) return out;
      i = next + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next === -1) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, next));
      i = next + 1;
    }
  }
}
