// npm run bench:import [-- --rows 1000000] — the import end to end (receive, parse, validate,
// pseudonymise, store) on a generated CSV, next to a plain COPY of the same file into an
// unindexed table in the same database. Prints records/s, peak memory and the ratio.
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { FIELD_KEYS } from '@/lib/cbs/layout';
import { exampleRecords } from '@/lib/cbs/write-files';
import { openDatabaseServer } from './database-server';
import { generateSecrets } from './local-secrets';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const ROWS = Number(values.rows);
const AGB = '99999999';

async function writeCsv(file: string) {
  const template = exampleRecords(AGB)[1];
  const out = createWriteStream(file);
  out.write(`${FIELD_KEYS.join(';')}\n`);
  for (let i = 0; i < ROWS; i++) {
    const r = {
      ...template,
      pseudo_id: `CL-${((i * 7919) % (ROWS * 0.7)) | 0}`,
      traject_id: `TR-${i}`,
      gemeentecode: ['0855', '0785', '0798', '0766'][i % 4],
      tevredenheid: String(1 + (i % 10)),
    };
    if (!out.write(`${FIELD_KEYS.map((k) => r[k]).join(';')}\n`))
      await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res) => out.end(() => res()));
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const nf = new Intl.NumberFormat('nl-NL');

const server = await openDatabaseServer('bench-pg', 54349);
try {
  const url = await server.fresh('bench');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gp-bench-'));
  Object.assign(process.env, generateSecrets(), { DATABASE_URL: url, UPLOAD_DIR: path.join(dir, 'uploads') });
  const file = path.join(dir, 'bench.csv');
  console.log(`CSV met ${nf.format(ROWS)} records genereren…`);
  await writeCsv(file);
  console.log(`Bestand: ${mb(statSync(file).size)}`);

  const { db, closeDb } = await import('@/lib/db');
  const { receiveUpload } = await import('@/lib/uploads/receive-upload');
  const { processUpload } = await import('@/lib/imports/process-upload');
  const org = await db().organisation.create({ data: { kind: 'AANBIEDER', name: 'Bench', agbCode: AGB } });
  await db().processingAgreement.create({ data: { aanbiederId: org.id, version: 'bench', status: 'ONDERTEKEND' } });

  const baseRss = process.memoryUsage().rss;
  peakRss = baseRss;
  const t0 = performance.now();
  const receipt = await receiveUpload({
    aanbiederId: org.id,
    content: readFileSync(file),
    fileName: 'bench.csv',
    kind: 'PRODUCTIE',
  });
  await processUpload(receipt.id);
  const importMs = performance.now() - t0;
  const upload = await db().upload.findUniqueOrThrow({ where: { id: receipt.id } });
  const importPeak = peakRss;

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE UNLOGGED TABLE bench_copy (${FIELD_KEYS.map((k) => `${k} text`).join(', ')})`);
  const t1 = performance.now();
  await pipeline(
    createReadStream(file),
    client.query(copyFrom(`COPY bench_copy FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)`)),
  );
  const copyMs = performance.now() - t1;
  await client.end();

  clearInterval(sampler);
  const rate = (ROWS / importMs) * 1000;
  console.log(
    `\nImport (ontvangen, lezen, valideren, pseudonimiseren, opslaan): ${nf.format(upload.acceptedCount ?? 0)} records in ${(importMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  ${nf.format(Math.round(rate))} records/s, piekgeheugen ${mb(importPeak)} (vóór de import ${mb(baseRss)})`,
  );
  console.log(
    `Kale COPY van hetzelfde bestand in een tabel zonder indexen: ${(copyMs / 1000).toFixed(1)} s (${nf.format(Math.round((ROWS / copyMs) * 1000))} records/s)`,
  );
  console.log(`Verhouding import / COPY: ${(importMs / copyMs).toFixed(1)}×`);
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
} finally {
  clearInterval(sampler);
  await server.close();
}
