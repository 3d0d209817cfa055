import type { Domein } from '@/lib/generated/prisma/enums';
import {
  AFNAME_PROBLEMATIEK,
  COMPLEXITEIT,
  type CodeList,
  CRISIS,
  DOELREALISATIE,
  GESLACHT,
  HULPVORM,
  PERSPECTIEF,
  PRODUCTCATEGORIE,
  PRODUCTCATEGORIE_WMO,
  PROFIEL,
  REDEN_EINDE,
  RESPONDENT,
  RESPONDENT_WMO,
  VERWIJZER,
  ZONDER_HULP_VERDER,
  ZORGVRAAGZWAARTE,
} from './code-lists';

// The accepted file layout, published as-is on the format page. One definition serves the
// fixed-width slicer (order and widths), the CSV/Excel header names and the validation.
// Raise LAYOUT_VERSION on any change providers must know about.
export const LAYOUT_VERSION = '2026.1';

export type FieldKind = 'agb' | 'id' | 'year' | 'date' | 'code';
/** 'n.v.t.': the field does not exist in this domain and must stay empty. */
export type Requirement = 'verplicht' | 'optioneel' | 'bij einde' | 'bij meting' | 'n.v.t.';

/** What a field is in a Wmo delivery where that differs from Jeugd. */
type WmoRule = { requirement?: Requirement; codes?: CodeList; description: string };

export type FieldDef = {
  key: string;
  label: string;
  width: number;
  kind: FieldKind;
  requirement: Requirement;
  codes?: CodeList;
  description: string;
  wmo?: WmoRule;
};

export const FIELDS = [
  {
    key: 'agb_code',
    label: 'AGB-code aanbieder',
    width: 8,
    kind: 'agb',
    requirement: 'verplicht',
    description: '8 cijfers; de AGB-code van de aanleverende aanbieder',
  },
  {
    key: 'pseudo_id',
    label: 'Cliëntnummer',
    width: 40,
    kind: 'id',
    requirement: 'verplicht',
    description: 'uw pseudoniem van de cliënt (nooit het BSN: een nummer dat de 11-proef doorstaat wordt geweigerd)',
  },
  {
    key: 'traject_id',
    label: 'Trajectnummer',
    width: 20,
    kind: 'id',
    requirement: 'verplicht',
    description: 'uw eigen nummer van het traject; met AGB-code en respondent de sleutel van het record',
  },
  { key: 'geboortejaar', label: 'Geboortejaar', width: 4, kind: 'year', requirement: 'verplicht', description: 'jjjj' },
  {
    key: 'geslacht',
    label: 'Geslacht',
    width: 1,
    kind: 'code',
    requirement: 'verplicht',
    codes: GESLACHT,
    description: 'CBS-codes',
  },
  {
    key: 'gemeentecode',
    label: 'Gemeentecode',
    width: 4,
    kind: 'code',
    requirement: 'verplicht',
    description: 'CBS-code (4 cijfers) van de woongemeente (woonplaatsbeginsel)',
  },
  { key: 'begindatum', label: 'Begindatum', width: 8, kind: 'date', requirement: 'verplicht', description: 'jjjjmmdd' },
  {
    key: 'einddatum',
    label: 'Einddatum',
    width: 8,
    kind: 'date',
    requirement: 'optioneel',
    description: 'jjjjmmdd; leeg zolang het traject loopt; niet vóór de begindatum',
  },
  {
    key: 'reden_einde',
    label: 'Reden beëindiging',
    width: 2,
    kind: 'code',
    requirement: 'bij einde',
    codes: REDEN_EINDE,
    description: 'verplicht als de einddatum gevuld is',
  },
  {
    key: 'verwijzer',
    label: 'Verwijzer',
    width: 2,
    kind: 'code',
    requirement: 'verplicht',
    codes: VERWIJZER,
    description: 'CBS/iJw-lijst',
  },
  {
    key: 'hulpvorm',
    label: 'Hulpvorm',
    width: 2,
    kind: 'code',
    requirement: 'verplicht',
    codes: HULPVORM,
    description: 'CBS-lijst; een andere hulpvorm is een nieuw record',
    wmo: { requirement: 'n.v.t.', description: 'bestaat niet bij Wmo: leeg laten (de productcategorie zegt de vorm)' },
  },
  {
    key: 'productcategorie',
    label: 'Productcategorie',
    width: 2,
    kind: 'code',
    requirement: 'optioneel',
    codes: PRODUCTCATEGORIE,
    description: 'iJw-productcategorie',
    wmo: { requirement: 'verplicht', codes: PRODUCTCATEGORIE_WMO, description: 'iWmo-productcategorie' },
  },
  {
    key: 'profiel',
    label: 'Profiel',
    width: 2,
    kind: 'code',
    requirement: 'optioneel',
    codes: PROFIEL,
    description: 'regionaal zorgprofiel 1–10; leeg als de regio geen profielen kent',
  },
  {
    key: 'zorgvraagzwaarte',
    label: 'Zorgvraagzwaarte',
    width: 1,
    kind: 'code',
    requirement: 'optioneel',
    codes: ZORGVRAAGZWAARTE,
    description: '',
  },
  {
    key: 'complexiteit',
    label: 'Complexiteit',
    width: 1,
    kind: 'code',
    requirement: 'optioneel',
    codes: COMPLEXITEIT,
    description: '',
  },
  {
    key: 'perspectief',
    label: 'Perspectief',
    width: 2,
    kind: 'code',
    requirement: 'optioneel',
    codes: PERSPECTIEF,
    description: 'CBS-lijst van vóór 2019',
  },
  {
    key: 'crisis',
    label: 'Gestart met crisis',
    width: 1,
    kind: 'code',
    requirement: 'optioneel',
    codes: CRISIS,
    description: '',
  },
  {
    key: 'respondent',
    label: 'Respondent',
    width: 1,
    kind: 'code',
    requirement: 'bij meting',
    codes: RESPONDENT,
    description: 'wie de meting beantwoordde; verplicht bij een meting; één record per respondent',
    wmo: { codes: RESPONDENT_WMO, description: 'de cliënt of een vertegenwoordiger; verplicht bij een meting' },
  },
  {
    key: 'tevredenheid',
    label: 'Cliënttevredenheid',
    width: 2,
    kind: 'code',
    requirement: 'optioneel',
    codes: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), String(i + 1)])),
    description: 'rapportcijfer 1–10; leeg als niet gemeten',
  },
  {
    key: 'zonder_hulp_verder',
    label: 'Zonder hulp verder',
    width: 1,
    kind: 'code',
    requirement: 'optioneel',
    codes: ZONDER_HULP_VERDER,
    description: 'leeg als niet gemeten',
  },
  {
    key: 'afname_problematiek',
    label: 'Afname problematiek',
    width: 1,
    kind: 'code',
    requirement: 'optioneel',
    codes: AFNAME_PROBLEMATIEK,
    description: 'alleen bij niet vrij toegankelijke hulp (verwijzer niet 06)',
    wmo: { requirement: 'n.v.t.', description: 'wordt bij Wmo niet gemeten: leeg laten' },
  },
  {
    key: 'doelrealisatie',
    label: 'Doelrealisatie',
    width: 2,
    kind: 'code',
    requirement: 'optioneel',
    codes: DOELREALISATIE,
    description: 'totaalscore',
  },
  {
    key: 'meetdatum',
    label: 'Meetdatum',
    width: 8,
    kind: 'date',
    requirement: 'bij meting',
    description: 'jjjjmmdd; telt als eindmeting binnen 3 weken van de einddatum',
  },
] as const satisfies readonly FieldDef[];

export type FieldKey = (typeof FIELDS)[number]['key'];

/**
 * Only in files with a header row (CSV, Excel): the domain of the row. Optional; when present it must
 * be the domain chosen for the delivery. Not in the fixed-width layout (its widths are the CBS's).
 */
export const DOMEIN_COLUMN = {
  key: 'domein',
  label: 'Domein',
  description: 'optioneel, alleen in CSV en Excel: jeugd of wmo (of J/W); moet het gekozen domein zijn',
} as const;
export type ColumnKey = FieldKey | typeof DOMEIN_COLUMN.key;
export type RawRecord = Record<ColumnKey, string>;

export const DOMEIN_LABEL = { JEUGD: 'Jeugd', WMO: 'Wmo' } as const satisfies Record<Domein, string>;

const WMO_FIELDS: readonly FieldDef[] = FIELDS.map((f: FieldDef) =>
  f.wmo
    ? {
        ...f,
        requirement: f.wmo.requirement ?? f.requirement,
        codes: f.wmo.codes ?? f.codes,
        description: f.wmo.description,
      }
    : f,
);

/** The layout as it applies to one domain: Wmo takes its own rules where a field has them. */
export const fieldsFor = (domein: Domein): readonly FieldDef[] => (domein === 'WMO' ? WMO_FIELDS : FIELDS);

export const FIELD_KEYS = FIELDS.map((f) => f.key) as FieldKey[];
export const FIXED_WIDTH_LENGTH = FIELDS.reduce((sum, f) => sum + f.width, 0);

/** Start position (0-based) of every field in the fixed-width record. */
export const FIXED_WIDTH_OFFSETS: Record<FieldKey, number> = (() => {
  let pos = 0;
  const out = {} as Record<FieldKey, number>;
  for (const f of FIELDS) {
    out[f.key] = pos;
    pos += f.width;
  }
  return out;
})();
