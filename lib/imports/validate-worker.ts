// A worker thread of checkedInWorkers (validate-workers.ts): reads, validates and keys one batch at a
// time and makes each valid record's COPY line (stage-2 pseudonym and record keys included), in the
// order the batches arrive.
import { parentPort, workerData } from 'node:worker_threads';
import { type ReadRow, textRows } from '@/lib/cbs/read-text-records';
import { recordOfRow, type SheetStart } from '@/lib/cbs/xlsx-xml';
import { checkRow } from './check-row';
import { copyLine, currentLineKeys } from './copy-line';
import type { CheckedBatch, WorkerInput, WorkerJob } from './validate-workers';

const job = workerData as WorkerJob;
const keys = currentLineKeys();
const keep = job.copy ? (r: Parameters<typeof copyLine>[0]) => copyLine(r, keys) : () => '';

let sheet: SheetStart | null = null;

/** The records of a batch of sheet rows (their cells read here), rows without any value left out. */
function* sheetRecords({ lines, ends, xml }: { lines: number[]; ends: number[]; xml: string }): Generator<ReadRow> {
  for (let i = 0; i < lines.length; i++) {
    const record = recordOfRow({ line: lines[i], xml: xml.slice(ends[i - 1] ?? 0, ends[i]) }, sheet!);
    if (record) yield record;
  }
}

parentPort!.on('message', (input: WorkerInput) => {
  if ('sheetStart' in input) {
    sheet = input.sheetStart;
    return; // no answer: every worker gets it once, before the sheet's rows
  }
  const rows =
    'sheetRows' in input
      ? sheetRecords(input.sheetRows)
      : textRows(Buffer.from(input.text.bytes.buffer), input.text.format, {
          encoding: input.text.encoding,
          start: 0,
          line: input.text.line,
        });
  const batch: CheckedBatch = { lines: [], keys: [], errors: {}, copy: '', ends: [] };
  const parts: string[] = [];
  let end = 0;
  for (const row of rows) {
    const checked = checkRow(row, job, keep);
    if ('errors' in checked) {
      batch.errors[batch.lines.length] = checked.errors;
      batch.keys.push('');
    } else {
      batch.keys.push(checked.key);
      parts.push(checked.value);
      end += checked.value.length;
    }
    batch.lines.push(checked.line);
    batch.ends.push(end);
  }
  // One string for the batch's lines: a few strings are cloned much faster than a thousand.
  batch.copy = parts.join('');
  parentPort!.postMessage(batch);
});
