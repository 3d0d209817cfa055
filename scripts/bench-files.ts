import { FIELD_KEYS, FIELDS, type RawRecord } from '@/lib/cbs/layout';
import { exampleRecords } from '@/lib/cbs/write-files';

// Generated delivery files for the benchmarks: record i of n, ~1.4 trajectories per client, four
// municipalities, scores spread; the layout's own field list and widths.

let base: RawRecord | undefined;
/** The example record the generated ones vary, made once per AGB code (not once per record). */
function baseRecord(agbCode: string): RawRecord {
  if (base?.agb_code !== agbCode) base = exampleRecords(agbCode)[1];
  return base;
}

/** `variant` shifts the scores only: the same trajectories in a file that is not a duplicate of an earlier one. */
export function recordAt(i: number, rows: number, agbCode = '99999999', variant = 0): RawRecord {
  return {
    ...baseRecord(agbCode),
    pseudo_id: `CL-${((i * 7919) % (rows * 0.7)) | 0}`,
    traject_id: `TR-${i}`,
    gemeentecode: ['0855', '0785', '0798', '0766'][i % 4],
    tevredenheid: String(1 + ((i + variant) % 10)),
  };
}

export const CSV_HEADER = `${FIELD_KEYS.join(';')}\n`;
export const csvLine = (r: RawRecord) => `${FIELD_KEYS.map((k) => r[k]).join(';')}\n`;
export const fixedLine = (r: RawRecord) =>
  `${FIELDS.map((f) => r[f.key].padEnd(f.width).slice(0, f.width)).join('')}\r\n`;

/** A whole CSV in memory (for files of up to a few hundred thousand records). */
export function benchCsv(agbCode: string, rows: number, first = 0, variant = 0): Buffer {
  const lines = [CSV_HEADER];
  for (let i = first; i < first + rows; i++) lines.push(csvLine(recordAt(i, first + rows, agbCode, variant)));
  return Buffer.from(lines.join(''));
}
