import type { ValidRecord } from '@/lib/cbs/validate-record';
import { env } from '@/lib/env';
import { pseudonymise } from '@/lib/pseudonym/pseudonymise';
import { recordKeys } from '@/lib/pseudonym/record-keys';

// A valid record as one line of COPY text for the staging table: the stage-2 pseudonym and the record
// keys computed here, so the provider's client number never leaves the reader.

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

/**
 * A record's key within its provider: a later file with the same key replaces the record (respondents
 * compare NULL as equal, as the unique index on trajectory does: NULLS NOT DISTINCT).
 */
export const RECORD_KEY = ['domein', 'traject_id', 'respondent'] as const;

/** SQL: rows `a` and `b` (aliases) have the same RECORD_KEY. */
export const sameRecordKey = (a: string, b: string) =>
  `${a}.domein = ${b}.domein AND ${a}.traject_id = ${b}.traject_id AND ${a}.respondent IS NOT DISTINCT FROM ${b}.respondent`;

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
