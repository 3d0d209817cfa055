// npm run import:file -- --agb <AGB-code> --file <pad> [--test]
// Runs the import pipeline on one file and prints a JSON summary; exits 1 if the file was
// rejected as a whole (or could not be imported at all), 0 otherwise.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { importFile } from '@/lib/imports/import-file';

const { values } = parseArgs({
  options: { agb: { type: 'string' }, file: { type: 'string' }, test: { type: 'boolean', default: false } },
});
if (!values.agb || !/^\d{8}$/.test(values.agb) || !values.file) {
  console.error('Gebruik: npm run import:file -- --agb <8 cijfers> --file <pad> [--test]');
  process.exit(2);
}
let exitCode = 0;
try {
  const { report, alreadyProcessed, uploadId } = await importFile({
    agbCode: values.agb,
    content: createReadStream(values.file),
    fileName: path.basename(values.file),
    kind: values.test ? 'TEST' : 'PRODUCTIE',
  });
  const summary = {
    uploadId,
    alreadyProcessed,
    rows: report.rows,
    accepted: report.accepted,
    rejected: report.rejected,
    fileError: report.fileError ?? null,
    errors: report.errors,
  };
  console.log(JSON.stringify(summary, null, 2));
  if (report.fileError) exitCode = 1;
} catch (err) {
  if (!(err instanceof AppError) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  console.log(
    JSON.stringify({ rows: 0, accepted: 0, rejected: 0, fileError: (err as Error).message, errors: [] }, null, 2),
  );
  exitCode = 1;
} finally {
  await closeDb();
}
process.exit(exitCode);
