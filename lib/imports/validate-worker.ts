// A worker thread of checkedInWorkers (validate-workers.ts): validates batches of raw rows and makes
// each valid record's COPY line (stage-2 pseudonym and record keys included), in the order received.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadRow } from '@/lib/cbs/read-file';
import { copyLine, currentLineKeys } from './copy-lines';
import { checkRow } from './validate-file';
import type { WorkerJob } from './validate-workers';

const job = workerData as WorkerJob;
const keys = currentLineKeys();
const keep = job.copy ? (r: Parameters<typeof copyLine>[0]) => copyLine(r, keys) : () => '';

parentPort!.on('message', (rows: ReadRow[]) => {
  parentPort!.postMessage(
    rows.map((row) =>
      'error' in row ? { line: row.line, errors: [row.error] } : checkRow(row.raw, row.line, job, keep),
    ),
  );
});
