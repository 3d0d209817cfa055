// The code lists of the CBS Beleidsinformatie Jeugd as the portal accepts them (docs/domain.md), and
// the Wmo lists that replace some of them for Wmo deliveries.
// Used by the file validation, the published format page and (later) the dashboard filters.

export type CodeList = Readonly<Record<string, string>>;

export const GESLACHT = { M: 'man', V: 'vrouw', O: 'onbekend' } as const satisfies CodeList;

export const REDEN_EINDE = {
  '01': 'volgens plan',
  '02': 'voortijdig, in overeenstemming',
  '03': 'voortijdig, eenzijdig door cliënt (uitval)',
  '04': 'voortijdig, eenzijdig door aanbieder',
  '05': 'voortijdig, wegens externe omstandigheden',
} as const satisfies CodeList;

export const VERWIJZER = {
  '01': 'gemeentelijke toegang',
  '02': 'huisarts',
  '03': 'jeugdarts',
  '04': 'gecertificeerde instelling',
  '05': 'medisch specialist',
  '06': 'geen verwijzer (vrij toegankelijk)',
  '07': 'onbekend (alleen zorg gestart vóór 2015)',
  '08': 'rechter, officier van justitie of justitiële jeugdinrichting',
} as const satisfies CodeList;

export const HULPVORM = {
  '01': 'wijk-/buurtteam',
  '02': 'ambulant op locatie aanbieder',
  '03': 'daghulp op locatie aanbieder',
  '04': 'jeugdhulp in het netwerk van de jeugdige',
  '11': 'pleegzorg',
  '12': 'gezinsgericht (gezinshuis, logeerhuis)',
  '13': 'gesloten plaatsing',
  '14': 'overig verblijf bij de aanbieder',
} as const satisfies CodeList;

export const PRODUCTCATEGORIE = {
  '40': 'persoonlijke verzorging',
  '41': 'dagbehandeling',
  '42': 'jeugdhulp ambulant (overig)',
  '43': 'verblijf inclusief behandeling',
  '44': 'verblijf exclusief behandeling',
  '45': 'ambulante jeugdhulp',
  '46': 'crisis',
  '47': 'pleegzorg',
  '48': 'jeugd-ggz',
  '49': 'jeugdhulp bij beperking',
} as const satisfies CodeList;

export const ZORGVRAAGZWAARTE = { '1': 'licht', '2': 'middel', '3': 'zwaar' } as const satisfies CodeList;

export const COMPLEXITEIT = { '1': 'enkelvoudig', '2': 'meervoudig' } as const satisfies CodeList;

export const PERSPECTIEF = {
  '01': 'stabilisatie crisis',
  '02': 'diagnostiek',
  '03': 'begeleiden',
  '04': 'behandelen',
} as const satisfies CodeList;

export const CRISIS = { J: 'ja', N: 'nee' } as const satisfies CodeList;

export const RESPONDENT = {
  '1': 'jeugdige',
  '2': 'ouder/verzorger',
  '3': 'jeugdige en ouder samen',
} as const satisfies CodeList;

/** Wmo: the client answers, or a representative (partner, family member, mantelzorger) on their behalf. */
export const RESPONDENT_WMO = {
  '1': 'cliënt',
  '2': 'vertegenwoordiger of mantelzorger',
} as const satisfies CodeList;

/**
 * Wmo: the iWmo product categories (Zorginstituut Nederland, iStandaarden), as CBS groups them in
 * its Wmo statistics. They take the place of the Jeugd hulpvorm and iJw product category.
 */
export const PRODUCTCATEGORIE_WMO = {
  '01': 'hulp bij het huishouden',
  '02': 'begeleiding',
  '03': 'persoonlijke verzorging',
  '04': 'kortdurend verblijf',
  '05': 'woondiensten',
  '06': 'overige ondersteuning individu of huishouden',
  '07': 'dagbesteding',
  '08': 'vervoersdiensten',
  '09': 'overige groepsgerichte ondersteuning',
  '10': 'overige maatwerkarrangementen',
  '11': 'rolstoelen',
  '12': 'vervoervoorzieningen',
  '13': 'woonvoorzieningen',
  '14': 'overige hulpmiddelen',
  '15': 'beschermd wonen',
  '16': 'opvang',
  '17': 'spoedopvang',
  '18': 'overige beschermd wonen en opvang',
} as const satisfies CodeList;

export const ZONDER_HULP_VERDER = {
  '1': 'helemaal niet mee eens',
  '2': 'niet mee eens',
  '3': 'mee eens',
  '4': 'helemaal mee eens',
} as const satisfies CodeList;

export const AFNAME_PROBLEMATIEK = {
  '1': 'sterke verbetering',
  '2': 'matige verbetering',
  '3': 'stabilisatie',
  '4': 'matige verslechtering',
  '5': 'sterke verslechtering',
} as const satisfies CodeList;

export const DOELREALISATIE = {
  '-1': 'niet behaald, ongunstiger',
  '0': 'niet behaald, gelijk',
  '1': 'deels behaald',
  '2': 'behaald',
} as const satisfies CodeList;

export const PROFIEL = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [String(i + 1), `profiel ${i + 1}`]),
) as CodeList;
