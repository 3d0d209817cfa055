import { z } from 'zod';
import type { Domein } from '@/lib/generated/prisma/enums';
import { AGB_CODE } from '@/lib/validation';
import { looksLikeBsn } from './bsn';
import { DOMEIN_LABEL, type FieldDef, type FieldKey, fieldsFor, type RawRecord } from './layout';

// One zod schema for a record of the file; its issues become the Dutch row report:
// line, field, value, a stable code and what was expected.

export type RowError = {
  line: number;
  field: FieldKey | 'domein' | 'bestand';
  value: string;
  code: string;
  message: string;
};

type Ctx = z.RefinementCtx;
const fail = (ctx: Ctx, code: string, message: string) => {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** jjjjmmdd → Date (UTC), or null when it is not an existing date from 1900 on. Hot path: no regex. */
function parseDate(v: string): Date | null {
  if (v.length !== 8) return null;
  let n = 0;
  for (let i = 0; i < 8; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return new Date(Date.UTC(y, m - 1, d));
}

/** Accepts "1" for code "01" and "07" for score "7": spreadsheets drop or add leading zeros. */
function normaliseCode(v: string, codes: Readonly<Record<string, string>>): string | null {
  if (v in codes) return v;
  if (v.padStart(2, '0') in codes) return v.padStart(2, '0');
  const stripped = v.replace(/^(-?)0+(?=\d)/, '$1');
  return stripped in codes ? stripped : null;
}

/**
 * The allowed codes as a provider reads them, in numeric order (an object lists keys such as "11"
 * before "01", which once gave "verwacht 11 t/m 04"): a range only where the codes run without a gap
 * (tevredenheid 1 t/m 10), otherwise every code (hulpvorm 01, 02, 03, 04, 11, …).
 */
const expectedCodes = (codes: Readonly<Record<string, string>>) => {
  const keys = Object.keys(codes).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const gapless = keys.every((k, i) => i === 0 || Number(k) === Number(keys[i - 1]) + 1);
  return keys.length > 6 && gapless ? `${keys[0]} t/m ${keys[keys.length - 1]}` : keys.join(', ');
};

/** A field that failed its rule: the stable code and the Dutch message of the row report. */
class FieldInvalid {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/**
 * The rule of one field: its value as stored, or why it is refused. The one home of the field rules:
 * the zod schema below reports with it, and the hot path of an import calls it directly.
 */
function checkField(f: FieldDef, domein: Domein, raw: string): string | number | Date | null | FieldInvalid {
  const v = raw.trim();
  if (v === '') return f.requirement === 'verplicht' ? new FieldInvalid('VERPLICHT', `${f.label} is verplicht.`) : null;
  if (f.requirement === 'n.v.t.')
    return new FieldInvalid(
      'NIET_VAN_TOEPASSING',
      `${f.label} bestaat niet bij ${DOMEIN_LABEL[domein]}: laat dit veld leeg (of lever dit bestand aan als ${DOMEIN_LABEL[domein === 'WMO' ? 'JEUGD' : 'WMO']}).`,
    );
  if (v.length > f.width) return new FieldInvalid('TE_LANG', `${f.label} mag hoogstens ${f.width} tekens zijn.`);
  switch (f.kind) {
    case 'agb':
      return AGB_CODE.test(v) ? v : new FieldInvalid('FORMAAT', 'Verwacht een AGB-code van 8 cijfers.');
    case 'id':
      if (/^[=+\-@]/.test(v)) return new FieldInvalid('FORMAAT', `${f.label} mag niet beginnen met =, +, - of @.`);
      return v;
    case 'year': {
      const year = Number(v);
      const now = new Date().getUTCFullYear();
      return /^\d{4}$/.test(v) && year >= 1900 && year <= now
        ? year
        : new FieldInvalid('FORMAAT', `Verwacht een jaartal (jjjj) tussen 1900 en ${now}.`);
    }
    case 'date':
      return (
        parseDate(v) ??
        new FieldInvalid('ONGELDIGE_DATUM', 'Verwacht een bestaande datum als jjjjmmdd, bijvoorbeeld 20260131.')
      );
    case 'code': {
      if (f.key === 'gemeentecode')
        return /^\d{4}$/.test(v)
          ? v
          : new FieldInvalid('FORMAAT', 'Verwacht een CBS-gemeentecode van 4 cijfers, bijvoorbeeld 0855.');
      return (
        normaliseCode(v, f.codes!) ??
        new FieldInvalid(
          'ONBEKENDE_CODE',
          `Onbekende code voor ${f.label.toLowerCase()}; verwacht ${expectedCodes(f.codes!)}.`,
        )
      );
    }
  }
}

function fieldSchema(f: FieldDef, domein: Domein) {
  return z.string().transform((raw, ctx) => {
    const v = checkField(f, domein, raw);
    return v instanceof FieldInvalid ? fail(ctx, v.code, v.message) : v;
  });
}

// One compiled schema per domain: the same layout, Wmo with its own rules where a field has them.
const schemaFor = (domein: Domein) =>
  z.object(
    Object.fromEntries(fieldsFor(domein).map((f) => [f.key, fieldSchema(f, domein)])) as {
      [K in FieldKey]: ReturnType<typeof fieldSchema>;
    },
  );
const SCHEMAS = { JEUGD: schemaFor('JEUGD'), WMO: schemaFor('WMO') } as const;
type Parsed = z.output<(typeof SCHEMAS)['JEUGD']>;

/**
 * Every field of a row through its rule without zod: the hot path of an import (zod's object parse
 * cost ~20 µs a row, more than reading, pseudonymising and keying it; bench:import). Null when a field
 * fails: the schema above then makes the report, with the same rules, so both paths agree.
 */
export function parseFields(raw: RawRecord, domein: Domein): Parsed | null {
  const out: Record<string, string | number | Date | null> = {};
  for (const f of fieldsFor(domein)) {
    const v = (raw as Record<string, unknown>)[f.key];
    if (typeof v !== 'string') return null;
    const checked = checkField(f, domein, v);
    if (checked instanceof FieldInvalid) return null;
    out[f.key] = checked;
  }
  return out as Parsed;
}

/** The same check through the schema: slower, and it lists every failing field (the row report). */
export const parseWithSchema = (raw: RawRecord, domein: Domein) => SCHEMAS[domein].safeParse(raw);

/** The row's own domain column (CSV/Excel), when filled: "jeugd"/"wmo" or "J"/"W". */
const DOMEIN_VALUES: Record<string, Domein> = { j: 'JEUGD', jeugd: 'JEUGD', w: 'WMO', wmo: 'WMO' };

const MEASUREMENTS = ['tevredenheid', 'zonder_hulp_verder', 'afname_problematiek', 'doelrealisatie'] as const;

/** Rules across fields, on a record whose fields are each valid. */
/** The row error of a client number that passes the BSN 11-proef: the whole file is refused for it. */
export const BSN_CODE = 'BSN';

type CrossError = { field: FieldKey | 'domein'; code: string; message: string };

function crossFieldErrors(r: Parsed, rowDomein: string, agbCode: string, domein: Domein): CrossError[] {
  const out: CrossError[] = [];
  const issue = (field: CrossError['field'], code: string, message: string) => out.push({ field, code, message });
  if (r.agb_code !== agbCode) issue('agb_code', 'AGB_ANDERS', `Verwacht de AGB-code van uw organisatie (${agbCode}).`);
  const own = rowDomein.trim().toLowerCase();
  if (own !== '' && !(own in DOMEIN_VALUES))
    issue('domein', 'ONBEKENDE_CODE', 'Onbekend domein; verwacht jeugd of wmo (of J of W), of laat de kolom leeg.');
  else if (own !== '' && DOMEIN_VALUES[own] !== domein)
    issue(
      'domein',
      'DOMEIN_ANDERS',
      `Deze regel is ${DOMEIN_LABEL[DOMEIN_VALUES[own]]}, maar het bestand is aangeleverd als ${DOMEIN_LABEL[domein]}. Lever de domeinen apart aan en kies bij elk het juiste domein.`,
    );
  if (looksLikeBsn(r.pseudo_id as string))
    issue(
      'pseudo_id',
      BSN_CODE,
      'Dit lijkt een BSN (9 cijfers, 11-proef). Lever nooit een BSN aan: gebruik uw pseudoniem.',
    );
  const begin = r.begindatum as Date;
  const end = r.einddatum as Date | null;
  if (end && end < begin) issue('einddatum', 'EINDE_VOOR_BEGIN', 'De einddatum ligt vóór de begindatum.');
  if (end && !r.reden_einde)
    issue('reden_einde', 'VERPLICHT', 'Reden beëindiging is verplicht als de einddatum gevuld is.');
  if (!end && r.reden_einde)
    issue('einddatum', 'VERPLICHT', 'Een reden beëindiging zonder einddatum: vul de einddatum in.');
  if (begin.getUTCFullYear() < (r.geboortejaar as number))
    issue('begindatum', 'ONGELDIGE_DATUM', 'De begindatum ligt vóór het geboortejaar.');
  const measured = MEASUREMENTS.some((m) => r[m] !== null);
  if (measured && !r.respondent) issue('respondent', 'VERPLICHT', 'Respondent is verplicht bij een meting.');
  if (measured && !r.meetdatum) issue('meetdatum', 'VERPLICHT', 'Meetdatum is verplicht bij een meting.');
  if (domein === 'JEUGD' && r.afname_problematiek !== null && r.verwijzer === '06') {
    issue(
      'afname_problematiek',
      'NIET_VAN_TOEPASSING',
      'Afname problematiek wordt alleen gemeten bij niet vrij toegankelijke hulp (verwijzer is 06).',
    );
  }
  return out;
}

export type ValidRecord = {
  agbCode: string;
  domein: Domein;
  pseudoId: string;
  trajectId: string;
  respondent: string | null;
  geboortejaar: number;
  geslacht: string;
  gemeentecode: string;
  begindatum: Date;
  einddatum: Date | null;
  redenEinde: string | null;
  verwijzer: string;
  /** Jeugd only (CBS list); null for Wmo. */
  hulpvorm: string | null;
  productcategorie: string | null;
  profiel: number | null;
  zorgvraagzwaarte: number | null;
  complexiteit: number | null;
  perspectief: string | null;
  crisis: boolean | null;
  tevredenheid: number | null;
  zonderHulpVerder: number | null;
  afnameProblematiek: number | null;
  doelrealisatie: number | null;
  meetdatum: Date | null;
};

const num = (v: unknown) => (v === null ? null : Number(v));

/** Validates one row of a delivery by `agbCode` in `domein` (Jeugd unless the upload says Wmo). */
export function validateRecord(
  raw: RawRecord,
  line: number,
  agbCode: string,
  domein: Domein = 'JEUGD',
): { record: ValidRecord | null; errors: RowError[] } {
  // The report is stored and shown: never echo a client number (it may even be a BSN).
  const value = (field: RowError['field']) =>
    field === 'bestand' ? '' : field === 'pseudo_id' ? '(niet getoond)' : (raw[field] ?? '').slice(0, 60);
  let r = parseFields(raw, domein);
  if (!r) {
    const result = parseWithSchema(raw, domein);
    if (!result.success) {
      const errors = result.error.issues.map((i) => {
        const field: RowError['field'] = (i.path[0] as FieldKey | undefined) ?? 'bestand';
        const code = (i as { params?: { code?: string } }).params?.code ?? 'ONGELDIG';
        return { line, field, value: value(field), code, message: i.message };
      });
      return { record: null, errors };
    }
    r = result.data;
  }
  const cross = crossFieldErrors(r, raw.domein ?? '', agbCode, domein);
  if (cross.length) return { record: null, errors: cross.map((e) => ({ line, ...e, value: value(e.field) })) };
  return {
    errors: [],
    record: {
      agbCode: r.agb_code as string,
      domein,
      pseudoId: r.pseudo_id as string,
      trajectId: r.traject_id as string,
      respondent: r.respondent as string | null,
      geboortejaar: r.geboortejaar as number,
      geslacht: r.geslacht as string,
      gemeentecode: r.gemeentecode as string,
      begindatum: r.begindatum as Date,
      einddatum: r.einddatum as Date | null,
      redenEinde: r.reden_einde as string | null,
      verwijzer: r.verwijzer as string,
      hulpvorm: r.hulpvorm as string | null,
      productcategorie: r.productcategorie as string | null,
      profiel: num(r.profiel),
      zorgvraagzwaarte: num(r.zorgvraagzwaarte),
      complexiteit: num(r.complexiteit),
      perspectief: r.perspectief as string | null,
      crisis: r.crisis === null ? null : r.crisis === 'J',
      tevredenheid: num(r.tevredenheid),
      zonderHulpVerder: num(r.zonder_hulp_verder),
      afnameProblematiek: num(r.afname_problematiek),
      doelrealisatie: num(r.doelrealisatie),
      meetdatum: r.meetdatum as Date | null,
    },
  };
}
