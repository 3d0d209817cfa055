import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ValidRecord } from '@/lib/cbs/validate-record';
import { env } from '@/lib/env';
import type { Domein } from '@/lib/generated/prisma/enums';
import { pseudonymise } from '@/lib/pseudonym/pseudonymise';
import { recordKeys } from '@/lib/pseudonym/record-keys';
import { checkedRows, type FileReport, fileRows, firstRawOf, reportRows } from './validate-file';
import { checkedInWorkers } from './validate-workers';

// A valid record as one line of COPY text for the staging table: the stage-2 pseudonym and the record
// keys computed here, so the provider's client number never leaves this process.

/** The staged columns, in the order of a line. */
export const STAGED_COLUMNS = [
  'domein',
  'traject_id',
  'respondent',
  'client_pseudonym',
  'geboortejaar',
  'geslacht',
  'gemeentecode',
  'begindatum',
  'einddatum',
  'reden_einde',
  'verwijzer',
  'hulpvorm',
  'productcategorie',
  'profiel',
  'zorgvraagzwaarte',
  'complexiteit',
  'perspectief',
  'crisis',
  'tevredenheid',
  'zonder_hulp_verder',
  'afname_problematiek',
  'doelrealisatie',
  'meetdatum',
  'client_key',
  'traject_key',
  'row_key',
  'record_key_version',
] as const;

type Field = string | number | bigint | boolean | null;

const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

const SPECIAL = /[\\\t\n\r]/;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * COPY text format: \N for null; backslash, tab, newline and carriage return escaped. Hot path (27
 * fields a record): a value is tested before it is rewritten, which almost none needs (bench:import).
 */
function field(v: Field): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  return SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPED[c]) : s;
}

export type LineKeys = { cellKeySecret: Buffer; keyVersion: number };

export const currentLineKeys = (): LineKeys => ({
  cellKeySecret: Buffer.from(env().CELL_KEY_SECRET, 'base64'),
  keyVersion: env().CELL_KEY_VERSION,
});

/** One record as a COPY line (with its newline), in STAGED_COLUMNS order. */
export function copyLine(r: ValidRecord, keys: LineKeys): string {
  const pseudonym = pseudonymise(r.pseudoId);
  const k = recordKeys(
    { pseudonym, agbCode: r.agbCode, trajectId: r.trajectId, respondent: r.respondent },
    keys.cellKeySecret,
  );
  const values: Field[] = [
    r.domein,
    r.trajectId,
    r.respondent,
    pseudonym,
    r.geboortejaar,
    r.geslacht,
    r.gemeentecode,
    date(r.begindatum),
    date(r.einddatum),
    r.redenEinde,
    r.verwijzer,
    r.hulpvorm,
    r.productcategorie,
    r.profiel,
    r.zorgvraagzwaarte,
    r.complexiteit,
    r.perspectief,
    r.crisis,
    r.tevredenheid,
    r.zonderHulpVerder,
    r.afnameProblematiek,
    r.doelrealisatie,
    date(r.meetdatum),
    k.clientKey,
    k.trajectKey,
    k.rowKey,
    keys.keyVersion,
  ];
  return `${values.map(field).join('\t')}\n`;
}

const CHUNK = 256 * 1024;

/** Lines gathered into chunks of ~256 KB and written to `out`, waiting while it is full. */
export function chunkedWriter(out: Writable) {
  let chunk = '';
  const flush = async () => {
    if (!chunk) return;
    const ok = out.write(chunk);
    chunk = '';
    // events.once rejects on 'error' as well, and removes both its listeners either way.
    if (!ok) await once(out, 'drain');
  };
  return {
    add(line: string) {
      chunk += line;
      if (chunk.length > CHUNK) return flush();
    },
    flush,
  };
}

/** From this size on a file is checked in worker threads; below it, starting them costs more than it saves. */
export const PARALLEL_FROM_BYTES = 2 * 1024 * 1024;

/**
 * Validates a file and writes its valid records to `out` as COPY lines, in chunks, waiting when `out`
 * is full (memory stays flat in the file size). `out` null: validation only (a test file).
 */
export async function writeCopyLines(
  buf: Buffer,
  agbCode: string,
  domein: Domein,
  out: Writable | null,
): Promise<FileReport> {
  const expected = { agbCode, domein };
  const keys = currentLineKeys();
  const rows =
    buf.length < PARALLEL_FROM_BYTES
      ? checkedRows(fileRows(buf), expected, (r) => (out ? copyLine(r, keys) : ''))
      : checkedInWorkers(buf, { ...expected, copy: out !== null });
  const lines = out ? chunkedWriter(out) : null;
  const report = await reportRows(
    rows,
    expected,
    (line) => lines?.add(line),
    () => firstRawOf(buf),
  );
  await lines?.flush();
  return report;
}
