// Demo organisations: the nine municipalities of regio Hart van Brabant (real CBS codes, host Tilburg)
// and twelve fictional providers with plausible names and made-up AGB codes.

/** Municipalities with their CBS code and a weight (roughly the number of inhabitants in thousands). */
export const DEMO_GEMEENTEN = [
  { cbsCode: '0855', name: 'Tilburg', weight: 225 },
  { cbsCode: '0867', name: 'Waalwijk', weight: 49 },
  { cbsCode: '0797', name: 'Heusden', weight: 44 },
  { cbsCode: '0824', name: 'Oisterwijk', weight: 33 },
  { cbsCode: '0784', name: 'Gilze en Rijen', weight: 27 },
  { cbsCode: '0766', name: 'Dongen', weight: 26 },
  { cbsCode: '0785', name: 'Goirle', weight: 24 },
  { cbsCode: '0809', name: 'Loon op Zand', weight: 23 },
  { cbsCode: '0798', name: 'Hilvarenbeek', weight: 16 },
] as const;

export const DEMO_REGIO = { name: 'Regio Hart van Brabant', hostCbsCode: '0855' } as const;

type AgreementState = 'ONDERTEKEND' | 'VERZONDEN' | 'AANGEVRAAGD';

/**
 * Providers with a profile that shapes their data: share of all trajectories, how often they
 * measure (respons), uitval, mean satisfaction, and their main hulpvormen.
 */
export const DEMO_AANBIEDERS: {
  agbCode: string;
  name: string;
  agreement: AgreementState;
  share: number;
  respons: number;
  uitval: number;
  tevredenheid: number;
  hulpvormen: string[];
  productcategorie: string;
  /** Wmo support besides (or instead of) youth care: its profile, and iWmo product categories. */
  wmo?: { share: number; respons: number; uitval: number; tevredenheid: number; productcategorieen: string[] };
}[] = [
  {
    agbCode: '98100001',
    name: 'Jeugdhulp Midden-Brabant',
    agreement: 'ONDERTEKEND',
    share: 0.24,
    respons: 0.62,
    uitval: 0.07,
    tevredenheid: 7.8,
    hulpvormen: ['02', '03', '04'],
    productcategorie: '45',
    wmo: { share: 0.35, respons: 0.5, uitval: 0.06, tevredenheid: 7.6, productcategorieen: ['02', '07'] },
  },
  {
    agbCode: '98100002',
    name: 'Stichting Kompasroos Jeugd & Gezin',
    agreement: 'ONDERTEKEND',
    share: 0.16,
    respons: 0.55,
    uitval: 0.09,
    tevredenheid: 7.5,
    hulpvormen: ['02', '04'],
    productcategorie: '45',
  },
  {
    agbCode: '98100003',
    name: 'GGZ Jong Brabant',
    agreement: 'ONDERTEKEND',
    share: 0.14,
    respons: 0.41,
    uitval: 0.12,
    tevredenheid: 7.1,
    hulpvormen: ['02'],
    productcategorie: '45',
  },
  {
    agbCode: '98100004',
    name: 'Pleegzorg Zuid-Nederland',
    agreement: 'ONDERTEKEND',
    share: 0.08,
    respons: 0.58,
    uitval: 0.03,
    tevredenheid: 7.9,
    hulpvormen: ['11'],
    productcategorie: '44',
  },
  {
    agbCode: '98100005',
    name: 'Gezinshuizen De Linde',
    agreement: 'ONDERTEKEND',
    share: 0.04,
    respons: 0.35,
    uitval: 0.05,
    tevredenheid: 8.1,
    hulpvormen: ['12'],
    productcategorie: '43',
  },
  {
    agbCode: '98100006',
    name: 'Kinderpraktijk Het Anker',
    agreement: 'ONDERTEKEND',
    share: 0.1,
    respons: 0.18,
    uitval: 0.1,
    tevredenheid: 7.6,
    hulpvormen: ['02'],
    productcategorie: '45',
  },
  {
    agbCode: '98100007',
    name: 'Vitaal Jeugd',
    agreement: 'ONDERTEKEND',
    share: 0.08,
    respons: 0.09,
    uitval: 0.14,
    tevredenheid: 6.8,
    hulpvormen: ['01', '02'],
    productcategorie: '45',
    wmo: { share: 0.2, respons: 0.4, uitval: 0.1, tevredenheid: 7.1, productcategorieen: ['02', '03'] },
  },
  {
    agbCode: '98100008',
    name: 'Orthopedagogisch Centrum Brabant',
    agreement: 'ONDERTEKEND',
    share: 0.07,
    respons: 0.47,
    uitval: 0.08,
    tevredenheid: 7.4,
    hulpvormen: ['03', '14'],
    productcategorie: '41',
  },
  {
    agbCode: '98100009',
    name: 'De Wissel Jeugdzorg',
    agreement: 'ONDERTEKEND',
    share: 0.06,
    respons: 0.3,
    uitval: 0.11,
    tevredenheid: 7.2,
    hulpvormen: ['02', '13'],
    productcategorie: '43',
  },
  {
    agbCode: '98100010',
    name: 'Buitenkans Dagbehandeling',
    agreement: 'ONDERTEKEND',
    share: 0.03,
    respons: 0.72,
    uitval: 0.04,
    tevredenheid: 8.3,
    hulpvormen: ['03'],
    productcategorie: '41',
  },
  {
    agbCode: '98100014',
    name: 'Zorggroep Het Baken',
    agreement: 'ONDERTEKEND',
    share: 0,
    respons: 0,
    uitval: 0,
    tevredenheid: 0,
    hulpvormen: [],
    productcategorie: '45',
    wmo: {
      share: 0.45,
      respons: 0.65,
      uitval: 0.04,
      tevredenheid: 8.1,
      productcategorieen: ['01', '02', '07', '15'],
    },
  },
  {
    agbCode: '98100011',
    name: 'Stichting Thuisbasis',
    agreement: 'VERZONDEN',
    share: 0,
    respons: 0,
    uitval: 0,
    tevredenheid: 0,
    hulpvormen: [],
    productcategorie: '45',
  },
  {
    agbCode: '98100012',
    name: 'Jeugdcoaching Noord-Brabant',
    agreement: 'AANGEVRAAGD',
    share: 0,
    respons: 0,
    uitval: 0,
    tevredenheid: 0,
    hulpvormen: [],
    productcategorie: '45',
  },
];

/** A provider that asked for access through the public form and waits for the TTP. */
export const DEMO_AANMELDING = {
  organisationName: 'Praktijk De Horizon',
  agbCode: '98100013',
  contactName: 'Hanna de Horizon',
  contactEmail: 'contact@horizon.demo',
  accounts: [{ name: 'Henk Horizon', email: 'henk@horizon.demo', role: 'AANBIEDER_UPLOAD' }],
  note: 'Wij leveren ambulante jeugdhulp in Tilburg en Goirle.',
};

export const DEMO_TTP = { name: 'Gemeenteportaal TTP (demo)' } as const;

export const DEMO_PASSWORD = 'Demo-wachtwoord-2026!';

/**
 * One account per role (plus a second provider and a small municipality, to show isolation and
 * small numbers hidden). The TOTP secrets are fixed so `npm run demo:code` can print the current code:
 * acceptable for demo accounts only; real accounts enrol with a fresh secret at first login.
 */
export const DEMO_ACCOUNTS = [
  {
    email: 'beheer@gemeenteportaal.demo',
    name: 'Bea Beheer',
    role: 'TTP_BEHEER',
    org: 'ttp',
    totp: 'GEMEENTEPORTAALDEMOBEHEERAAAAAAA',
  },
  {
    email: 'aanbieder@gemeenteportaal.demo',
    name: 'Aart Aanlever',
    role: 'AANBIEDER_UPLOAD',
    org: '98100001',
    totp: 'GEMEENTEPORTAALDEMOAANBIEDERAAAA',
  },
  {
    email: 'inzage@gemeenteportaal.demo',
    name: 'Iris Inzage',
    role: 'AANBIEDER_INZAGE',
    org: '98100001',
    totp: 'GEMEENTEPORTAALDEMOINZAGEAAAAAAA',
  },
  {
    email: 'aanbieder2@gemeenteportaal.demo',
    name: 'Kees Kompas',
    role: 'AANBIEDER_UPLOAD',
    org: '98100002',
    totp: 'GEMEENTEPORTAALDEMOAANBIEDERBBBB',
  },
  {
    email: 'gemeente@gemeenteportaal.demo',
    name: 'Gerda Gemeente',
    role: 'GEMEENTE',
    org: '0855',
    totp: 'GEMEENTEPORTAALDEMOGEMEENTEAAAAA',
  },
  {
    email: 'hilvarenbeek@gemeenteportaal.demo',
    name: 'Hans Hilvarenbeek',
    role: 'GEMEENTE',
    org: '0798',
    totp: 'GEMEENTEPORTAALDEMOGEMEENTEBBBBB',
  },
  {
    email: 'regio@gemeenteportaal.demo',
    name: 'Rob Regio',
    role: 'REGIO',
    org: 'regio',
    totp: 'GEMEENTEPORTAALDEMOREGIOAAAAAAAA',
  },
] as const;
