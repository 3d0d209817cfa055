// npm run bench:import [-- --rows 1000000 --fixed-mb 100 --xlsx-rows 200000 --files DIR] — the import end to end
// (receive, read, validate, pseudonymise, key, stage, merge, link) of a generated CSV, a fixed-width
// file and an Excel file, each into an emptied table (a first delivery); after the CSV, the same
// trajectories again with other scores (a re-delivery: every record replaces one). Beside the CSV: a plain COPY of the same
// file into an unindexed table, and a COPY of the same imported rows into a table with trajectory's
// indexes, in the same run. Peak memory counts the portal's process and its child (read-upload.ts),
// sampled from outside both (memory-sampler.mjs). After them a forged-header Excel bomb and the Excel
// file through `npm run import:file`, the command's memory sampled whole (bench-import-command.ts).
// With --files, the generated files are kept in DIR and reused by the next run with the same sizes
// (writing 200,000 Excel rows alone takes ~2 minutes), so two versions of the code can be measured on
// the same files one after the other.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { FIELD_KEYS } from '@/lib/cbs/layout';
import { forgedZipBomb } from '../tests/fixtures/forged-zip-bomb';
import { CSV_HEADER, csvLine, fixedLine, recordAt as recordOf } from './bench-files';
import { importFileCommand } from './bench-import-command';
import { type BenchFigure, writeBenchResult } from './bench-result';
import { openDatabaseServer } from './database-server';
import { generateSecrets } from './local-secrets';
import { peakMemory } from './peak-memory';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'fixed-mb': { type: 'string', default: '100' },
    'xlsx-rows': { type: 'string', default: '200000' },
    /** Keep the generated files in this directory, and reuse those of an earlier run with the same sizes. */
    files: { type: 'string' },
    /** Internal: only write the three files into this directory (a process of its own, see below). */
    'write-files-to': { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const FIXED_BYTES = Number(values['fixed-mb']) * 1024 * 1024;
const XLSX_ROWS = Number(values['xlsx-rows']);
const AGB = '99999999';
const nf = new Intl.NumberFormat('nl-NL');
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

const recordAt = (i: number, rows: number) => recordOf(i, rows, AGB);

async function writeLines(file: string, count: number, line: (i: number) => string, header?: string) {
  const out = createWriteStream(file);
  if (header) out.write(header);
  for (let i = 0; i < count; i++) {
    if (!out.write(line(i))) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res) => out.end(() => res()));
}

async function writeXlsx(file: string, rows: number) {
  // Shared strings, as Excel writes every text (since session 19; before, each cell held its own text).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('trajecten');
  ws.addRow(FIELD_KEYS).commit();
  for (let i = 0; i < rows; i++) ws.addRow(FIELD_KEYS.map((k) => recordAt(i, rows)[k])).commit();
  ws.commit();
  await wb.commit();
}

const fixedRows = Math.floor(FIXED_BYTES / fixedLine(recordAt(0, 1)).length);
/**
 * The files, in the order they are imported. `herlevering` is the CSV's trajectories again with other
 * scores, imported right after it without emptying the table: a provider correcting a year, where
 * every record replaces one. `maand` is them once more with one record in ten changed: a monthly file
 * that repeats the year so far. The others go into an empty table: a first delivery.
 */
const filesIn = (dir: string) => ({
  csv: path.join(dir, 'bench.csv'),
  herlevering: path.join(dir, 'bench-herlevering.csv'),
  maand: path.join(dir, 'bench-maand.csv'),
  fixed: path.join(dir, 'bench.txt'),
  xlsx: path.join(dir, 'bench.xlsx'),
});
/** The files imported on top of the CSV's records (the others go into an emptied table). */
const REDELIVERIES = new Set(['herlevering', 'maand']);
if (values['write-files-to']) {
  const files = filesIn(values['write-files-to']);
  await writeLines(files.csv, ROWS, (i) => csvLine(recordAt(i, ROWS)), CSV_HEADER);
  await writeLines(files.herlevering, ROWS, (i) => csvLine(recordOf(i, ROWS, AGB, 1)), CSV_HEADER);
  await writeLines(files.maand, ROWS, (i) => csvLine(recordOf(i, ROWS, AGB, i % 10 ? 1 : 2)), CSV_HEADER);
  await writeLines(files.fixed, fixedRows, (i) => fixedLine(recordAt(i, fixedRows)));
  await writeXlsx(files.xlsx, XLSX_ROWS);
  process.exit(0);
}

const server = await openDatabaseServer('bench-pg', 54349);
const dir = await mkdtemp(path.join(os.tmpdir(), 'gp-bench-'));
const filesDir = values.files
  ? path.join(path.resolve(values.files), `${ROWS}-${values['fixed-mb']}-${XLSX_ROWS}-gedeelde-teksten`)
  : dir;
const figures: BenchFigure[] = [];
try {
  Object.assign(process.env, generateSecrets(), { UPLOAD_DIR: path.join(dir, 'uploads') });
  const files = filesIn(filesDir);
  if (existsSync(path.join(filesDir, 'complete')) && existsSync(files.maand))
    console.log(`Bestanden van een eerdere run: ${filesDir}`);
  else {
    console.log(
      `Bestanden genereren: CSV ${nf.format(ROWS)} records, vaste breedte ${nf.format(fixedRows)} records, Excel ${nf.format(XLSX_ROWS)} records…`,
    );
    mkdirSync(filesDir, { recursive: true });
    // In a process of its own: what generating them leaves in a heap is not the portal's memory.
    execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1], ...process.argv.slice(2), '--write-files-to', filesDir],
      { stdio: 'inherit' },
    );
    writeFileSync(path.join(filesDir, 'complete'), '');
  }

  // One database; the table emptied before each format, so each import starts from the same state.
  const url = await server.fresh('bench_import');
  process.env.DATABASE_URL = url;
  const { db, closeDb } = await import('@/lib/db');
  const { receiveUpload } = await import('@/lib/uploads/receive-upload');
  const { processUpload } = await import('@/lib/imports/process-upload');
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const org = await db().organisation.create({ data: { kind: 'AANBIEDER', name: 'Bench', agbCode: AGB } });
  await db().processingAgreement.create({ data: { aanbiederId: org.id, version: 'bench', status: 'ONDERTEKEND' } });
  const results: Record<string, { rows: number; ms: number; peak: number; portal: number; reader: number }> = {};
  const copyRows = path.join(dir, 'rows.copy');
  for (const [kind, file] of Object.entries(files)) {
    if (!REDELIVERIES.has(kind)) await owner.query('TRUNCATE trajectory');
    await owner.query('CHECKPOINT');
    const steps: Record<string, number> = {};
    let ms = 0;
    const { result: receipt, peak } = await peakMemory(async () => {
      const t0 = performance.now();
      // As the portal receives an upload: streamed into encrypted storage, never held whole.
      const received = await receiveUpload({
        aanbiederId: org.id,
        content: createReadStream(file),
        fileName: path.basename(file),
        kind: 'PRODUCTIE',
      });
      await processUpload(received.id, steps);
      ms = performance.now() - t0;
      return received;
    });
    const upload = await db().upload.findUniqueOrThrow({ where: { id: receipt.id } });
    if (upload.status !== 'VERWERKT') throw new Error(`${kind}: ${upload.status} ${JSON.stringify(upload.report)}`);
    results[kind] = { rows: upload.acceptedCount ?? 0, ms, peak: peak.total, portal: peak.portal, reader: peak.reader };
    console.log(
      `Import ${kind} (${mb(statSync(file).size)}): ${nf.format(upload.acceptedCount ?? 0)} records in ${(ms / 1000).toFixed(1)} s, ` +
        `${nf.format(Math.round(((upload.acceptedCount ?? 0) / ms) * 1000))} records/s, piekgeheugen ${mb(peak.total)} ` +
        `(portaal ${mb(peak.portal)}, leesproces ${mb(peak.reader)}; elk hun eigen piek)`,
    );
    console.log(
      `  per stap: ${Object.entries(steps)
        .map(([step, stepMs]) => `${step} ${(stepMs / 1000).toFixed(1)} s`)
        .join(' · ')}`,
    );
    // The CSV's rows as imported, for the COPY with indexes below.
    if (kind === 'csv')
      await pipeline(owner.query(copyTo(`COPY (SELECT * FROM trajectory) TO STDOUT`)), createWriteStream(copyRows));
  }
  await closeDb();

  // A forged-header Excel bomb and the valid Excel file through `npm run import:file`: the reader's
  // memory stays bounded whatever a file unpacks to.
  const bomb = path.join(dir, 'bom-vervalste-koppen.xlsx');
  writeFileSync(bomb, forgedZipBomb(100));
  const commands = { bom: await importFileCommand(bomb, AGB), xlsx: await importFileCommand(files.xlsx, AGB) };
  if (!commands.bom.fileError) throw new Error('de Excel-bom is niet geweigerd');
  if (commands.xlsx.accepted !== XLSX_ROWS) throw new Error(`Excel via import:file: ${commands.xlsx.accepted} records`);
  for (const [kind, run] of Object.entries(commands))
    console.log(
      `npm run import:file ${kind === 'bom' ? 'Excel-bom (vervalste koppen, 100 MB nullen)' : `Excel (${nf.format(XLSX_ROWS)} records)`}: ` +
        `${(run.ms / 1000).toFixed(1)} s, piekgeheugen leesproces ${mb(run.peak.reader)}, hele opdracht ${mb(run.peak.total)}` +
        (run.fileError ? ` (geweigerd: ${run.fileError})` : ''),
    );

  // The database's own speed, on the CSV's database: the file as it is into text columns without
  // indexes, and the imported rows into a table with trajectory's indexes (LIKE … INCLUDING ALL).
  const client = owner;
  await client.query(`CREATE UNLOGGED TABLE bench_copy (${FIELD_KEYS.map((k) => `${k} text`).join(', ')})`);
  let t = performance.now();
  await pipeline(
    createReadStream(files.csv),
    client.query(copyFrom(`COPY bench_copy FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)`)),
  );
  const bareMs = performance.now() - t;
  await client.query(`CREATE TABLE bench_indexed (LIKE trajectory INCLUDING ALL)`);
  await client.query('CHECKPOINT');
  t = performance.now();
  await pipeline(createReadStream(copyRows), client.query(copyFrom(`COPY bench_indexed FROM STDIN`)));
  const indexedMs = performance.now() - t;
  await client.end();

  const rate = (r: { rows: number; ms: number }) => (r.rows / r.ms) * 1000;
  console.log(
    `\nKale COPY van het CSV-bestand in een tabel zonder indexen: ${(bareMs / 1000).toFixed(1)} s (${nf.format(Math.round((ROWS / bareMs) * 1000))} records/s)`,
  );
  console.log(
    `COPY van dezelfde rijen in een tabel met de indexen van trajectory: ${(indexedMs / 1000).toFixed(1)} s (${nf.format(Math.round((ROWS / indexedMs) * 1000))} records/s)`,
  );
  console.log(
    `Verhouding import / COPY met indexen: ${(results.csv.ms / indexedMs).toFixed(1)}× · import / kale COPY: ${(results.csv.ms / bareMs).toFixed(1)}×`,
  );
  const labels = {
    csv: 'CSV',
    herlevering: 'CSV als herlevering',
    maand: 'CSV als maandbestand',
    fixed: 'vaste breedte',
    xlsx: 'Excel',
  } as const;
  for (const [kind, r] of Object.entries(results)) {
    const label = labels[kind as keyof typeof labels];
    if (REDELIVERIES.has(kind)) {
      // No aim of its own in the issue; printed beside the first delivery.
      const what = kind === 'maand' ? 'waarvan 1 op 10 gewijzigd' : 'die elk een record vervangen';
      figures.push({
        figure: `Import ${label} (${nf.format(r.rows)} records ${what}), records/s`,
        value: `${nf.format(Math.round(rate(r)))} (${(r.ms / 1000).toFixed(1)} s, ${mb(r.peak)})`,
        aim: '(ter vergelijking)',
        met: null,
      });
      continue;
    }
    figures.push({
      figure: `Import ${label} (${nf.format(r.rows)} records), records/s`,
      value: nf.format(Math.round(rate(r))),
      aim: '≥ 100.000',
      met: rate(r) >= 100_000,
    });
    figures.push({
      figure: `Import ${label}, piekgeheugen (portaal · leesproces)`,
      value: `${mb(r.peak)} (${mb(r.portal)} · ${mb(r.reader)})`,
      aim: '< 400 MB',
      met: r.peak < 400 * 1024 ** 2,
    });
  }
  figures.push({
    figure: 'Excel-bom via npm run import:file, piekgeheugen leesproces (hele opdracht)',
    value: `${mb(commands.bom.peak.reader)} (${mb(commands.bom.peak.total)})`,
    aim: '< 200 MB',
    met: commands.bom.peak.reader < 200 * 1024 ** 2,
  });
  figures.push({
    figure: `Excel (${nf.format(XLSX_ROWS)} records) via npm run import:file, piekgeheugen leesproces (hele opdracht)`,
    value: `${mb(commands.xlsx.peak.reader)} (${mb(commands.xlsx.peak.total)})`,
    aim: '(ter vergelijking)',
    met: null,
  });
  figures.push({
    figure: 'Import CSV / COPY met indexen',
    value: `${(results.csv.ms / indexedMs).toFixed(1)}×`,
    aim: '≤ 3×',
    met: results.csv.ms / indexedMs <= 3,
  });
  figures.push({
    figure: 'COPY met indexen / kale COPY, records/s',
    value: `${nf.format(Math.round((ROWS / indexedMs) * 1000))} / ${nf.format(Math.round((ROWS / bareMs) * 1000))}`,
    aim: '(ter vergelijking)',
    met: null,
  });
  writeBenchResult('import', figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
}
