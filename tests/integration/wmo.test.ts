import { describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { validateRecord } from '@/lib/cbs/validate-record';
import { toCsv } from '@/lib/cbs/write-files';
import { db } from '@/lib/db';
import { validateFile } from '@/lib/imports/validate-file';
import { findIndicator, indicatorsFor } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { getSpiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { parsePeriod } from '@/lib/services/reports/report-period';
import { receiveUpload } from '@/lib/uploads/receive-upload';
import { loadRecords, makeAanbieder, makeUser, type RecordInput, scopeOf } from './helpers/fixtures';

// Wmo end to end (issue 17): its own row rules from the one layout, the Wmo indicator set computed
// against a dataset counted by hand, and Jeugd and Wmo never mixed in a figure, a link or a report.

const AS_OF = new Date('2026-11-23T12:00:00Z');
const PERIOD = 'eind_van=2026-01&eind_tm=2026-06';
const H1 = parsePeriod('2026-H1')!;
const view = (scope: Scope, key: string, domein: 'JEUGD' | 'WMO', query = PERIOD) =>
  getIndicatorView(
    scope,
    findIndicator(key)!,
    parseViewParams(scope, new URLSearchParams(`${query}&domein=${domein}`), AS_OF),
  );
const wmo = (r: RecordInput): RecordInput => ({ domein: 'WMO', hulpvorm: null, productcategorie: '02', ...r });
const times = (n: number, make: (i: number) => RecordInput) => Array.from({ length: n }, (_, i) => make(i));

/** A valid Wmo row of the delivery format (CSV cells), to break one field at a time. */
const wmoRow = (agb: string, over: Record<string, string> = {}) => ({
  agb_code: agb,
  pseudo_id: 'CLIENT-W-1',
  traject_id: 'W-1',
  geboortejaar: '1950',
  geslacht: 'V',
  gemeentecode: '0855',
  begindatum: '20260105',
  einddatum: '20260601',
  reden_einde: '01',
  verwijzer: '01',
  hulpvorm: '',
  productcategorie: '02',
  profiel: '',
  zorgvraagzwaarte: '',
  complexiteit: '',
  perspectief: '',
  crisis: '',
  respondent: '2',
  tevredenheid: '8',
  zonder_hulp_verder: '3',
  afname_problematiek: '',
  doelrealisatie: '2',
  meetdatum: '20260601',
  domein: '',
  ...over,
});

describe('Wmo row rules, from the same layout as Jeugd', () => {
  const AGB = '12345678';
  const errorOf = (over: Record<string, string>) => {
    const { record, errors } = validateRecord(wmoRow(AGB, over), 2, AGB, 'WMO');
    expect(record).toBeNull();
    return errors.map((e) => [e.field, e.code]);
  };
  it('accepts a Wmo row and stores it as Wmo, without hulpvorm', () => {
    const { record, errors } = validateRecord(wmoRow(AGB), 2, AGB, 'WMO');
    expect(errors).toEqual([]);
    expect(record).toMatchObject({ domein: 'WMO', hulpvorm: null, productcategorie: '02', respondent: '2' });
  });
  it('refuses the Jeugd-only fields and codes, in Dutch', () => {
    expect(errorOf({ hulpvorm: '02' })).toEqual([['hulpvorm', 'NIET_VAN_TOEPASSING']]);
    expect(errorOf({ afname_problematiek: '1' })).toEqual([['afname_problematiek', 'NIET_VAN_TOEPASSING']]);
    expect(errorOf({ productcategorie: '45' })).toEqual([['productcategorie', 'ONBEKENDE_CODE']]); // an iJw code
    expect(errorOf({ productcategorie: '' })).toEqual([['productcategorie', 'VERPLICHT']]);
    expect(errorOf({ respondent: '3' })).toEqual([['respondent', 'ONBEKENDE_CODE']]); // "jeugdige en ouder samen"
    expect(errorOf({ domein: 'jeugd' })).toEqual([['domein', 'DOMEIN_ANDERS']]);
    expect(errorOf({ domein: 'x' })).toEqual([['domein', 'ONBEKENDE_CODE']]);
    const [hulpvorm] = validateRecord(wmoRow(AGB, { hulpvorm: '02' }), 7, AGB, 'WMO').errors;
    expect(hulpvorm).toMatchObject({ line: 7, message: expect.stringContaining('Hulpvorm bestaat niet bij Wmo') });
    // the domain column may also say it, in either spelling
    expect(validateRecord(wmoRow(AGB, { domein: 'W' }), 2, AGB, 'WMO').record).not.toBeNull();
  });
  it('refuses a Wmo file delivered as Jeugd, and says which domain it fits', async () => {
    const file = Buffer.from(toCsv([wmoRow(AGB), wmoRow(AGB, { traject_id: 'W-2' })]));
    const asJeugd = await validateFile(file, AGB, 'JEUGD');
    expect(asJeugd.report.accepted).toBe(0);
    expect(asJeugd.report.errors.map((e) => [e.field, e.code])).toContainEqual(['hulpvorm', 'VERPLICHT']);
    expect(asJeugd.report.fileError).toContain('lever dit bestand aan als Wmo');
    const asWmo = await validateFile(file, AGB, 'WMO');
    expect(asWmo.report).toMatchObject({ accepted: 2, rejected: 0 });
  });
});

describe('the Wmo indicator set against a hand-counted dataset', () => {
  it('computes uitval, tevredenheid, zonder hulp verder, doelrealisatie and respons over Wmo only', async () => {
    const a = await makeAanbieder();
    await loadRecords(a, [
      // Wmo, ended in the period: 2 of 10 uitval; 5 measured
      ...times(2, (i) => wmo({ client: `w-03-${i}`, redenEinde: '03' })),
      ...times(3, (i) => wmo({ client: `w-01-${i}`, redenEinde: '01' })),
      ...[3, 6, 8, 9, 10].map((score, i) =>
        wmo({
          client: `w-m-${i}`,
          respondent: '1',
          tevredenheid: score,
          zonderHulpVerder: [1, 3, 4, 4, 2][i],
          doelrealisatie: [-1, 1, 2, 2, 0][i],
        }),
      ),
      // Jeugd at the same provider, all uitval and badly rated: must change no Wmo figure
      ...times(6, (i) => ({ client: `j-${i}`, redenEinde: '03', tevredenheid: 2, respondent: '1' })),
    ]);
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
    const uitval = await view(scope, 'uitval', 'WMO');
    expect(uitval.total.populatie.n).toBe(10);
    expect(uitval.total.headline).toEqual({ n: 2, pct: 20, suppressed: false });
    const tevreden = await view(scope, 'clienttevredenheid', 'WMO');
    expect(tevreden.total.categories.map((c) => c.n)).toEqual([1, 1, 3]);
    const zhv = await view(scope, 'zonder-hulp-verder', 'WMO');
    expect(zhv.total.categories.map((c) => c.n)).toEqual([1, 1, 1, 2]);
    expect(zhv.total.headline).toMatchObject({ n: 3, pct: 60 });
    const doel = await view(scope, 'doelrealisatie', 'WMO');
    expect(doel.total.categories.map((c) => c.n)).toEqual([1, 1, 1, 2]);
    expect(doel.total.headline).toMatchObject({ n: 2, pct: 40 });
    const respons = await view(scope, 'respons', 'WMO');
    expect(respons.total.headline).toMatchObject({ n: 5, pct: 50 });
    // and Jeugd sees only its own six
    const jeugd = await view(scope, 'uitval', 'JEUGD');
    expect(jeugd.total.headline).toEqual({ n: 6, pct: 100, suppressed: false });
    // afname problematiek is not a Wmo indicator; the Wmo set is the five plus respons
    expect(indicatorsFor('WMO').map((i) => i.key)).toEqual(
      expect.arrayContaining([
        'uitval',
        'clienttevredenheid',
        'zonder-hulp-verder',
        'geen-nieuwe-start',
        'doelrealisatie',
      ]),
    );
    expect(indicatorsFor('WMO').map((i) => i.key)).not.toContain('afname-problematiek');
  });

  it('links "geen nieuwe start" within Wmo only, across Wmo providers', async () => {
    const [a, b] = [await makeAanbieder(), await makeAanbieder()];
    await loadRecords(a, [
      wmo({ client: 'l-jeugd-later', begindatum: '2025-01-01', einddatum: '2025-03-15' }),
      wmo({ client: 'l-wmo-later', begindatum: '2025-01-01', einddatum: '2025-03-15' }),
      wmo({ client: 'l-nothing', begindatum: '2025-01-01', einddatum: '2025-03-15' }),
    ]);
    await loadRecords(b, [
      { client: 'l-jeugd-later', begindatum: '2025-09-01', einddatum: null }, // Jeugd: not a new Wmo start
      wmo({ client: 'l-wmo-later', begindatum: '2025-09-01', einddatum: null }), // Wmo elsewhere: a new start
    ]);
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
    const v = await view(scope, 'geen-nieuwe-start', 'WMO', 'eind_van=2025-01&eind_tm=2025-06');
    expect(v.total.populatie.n).toBe(3);
    expect(v.total.headline).toMatchObject({ n: 2 });
    const links = await withScope('system', (tx) =>
      tx.trajectory.findMany({ where: { aanbiederId: a.id }, select: { volgendeStart: true } }),
    );
    expect(links.filter((l) => l.volgendeStart !== null)).toHaveLength(1);
  });

  it('keeps a Jeugd and a Wmo record with the same trajectnummer apart', async () => {
    const a = await makeAanbieder();
    await loadRecords(a, [{ client: 's-1', trajectId: 'SAME-1', redenEinde: '01' }]);
    await loadRecords(a, [wmo({ client: 's-1', trajectId: 'SAME-1', redenEinde: '03' })]);
    const rows = await withScope('system', (tx) =>
      tx.trajectory.findMany({ where: { aanbiederId: a.id }, orderBy: { domein: 'asc' } }),
    );
    expect(rows.map((r) => [r.domein, r.redenEinde])).toEqual([
      ['JEUGD', '01'],
      ['WMO', '03'],
    ]);
  });
});

describe('Wmo deliveries and reports', () => {
  it('takes production Wmo only under an agreement that covers Wmo; the same bytes per domain are two deliveries', async () => {
    const a = await makeAanbieder();
    const content = Buffer.from('agb_code;pseudo_id\n');
    await db().processingAgreement.create({
      data: { aanbiederId: a.id, version: '1', status: 'ONDERTEKEND', validFrom: new Date('2026-01-01') },
    });
    await expect(
      receiveUpload({ aanbiederId: a.id, content, fileName: 'w.csv', kind: 'PRODUCTIE', domein: 'WMO' }),
    ).rejects.toMatchObject({ code: 'DOMEIN_NIET_IN_OVEREENKOMST' });
    const test = await receiveUpload({ aanbiederId: a.id, content, fileName: 'w.csv', kind: 'TEST', domein: 'WMO' });
    expect(test).toMatchObject({ domein: 'WMO', duplicate: false });
    await db().processingAgreement.updateMany({ where: { aanbiederId: a.id }, data: { domeinen: ['JEUGD', 'WMO'] } });
    const prodWmo = await receiveUpload({
      aanbiederId: a.id,
      content,
      fileName: 'w.csv',
      kind: 'PRODUCTIE',
      domein: 'WMO',
    });
    const prodJeugd = await receiveUpload({ aanbiederId: a.id, content, fileName: 'w.csv', kind: 'PRODUCTIE' });
    expect(prodJeugd).toMatchObject({ domein: 'JEUGD', duplicate: false });
    expect(prodJeugd.id).not.toBe(prodWmo.id);
    await db().upload.deleteMany({ where: { aanbiederId: a.id } }); // not left for the nightly run of other tests
  });

  it('puts both domains side by side in the spiegelrapportage of a provider that delivers both', async () => {
    const a = await makeAanbieder();
    await loadRecords(a, [
      ...times(8, (i) => ({ client: `r-j-${i}`, redenEinde: i < 2 ? '03' : '01' })),
      ...times(8, (i) => wmo({ client: `r-w-${i}`, redenEinde: i < 1 ? '03' : '01' })),
    ]);
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
    const report = await getSpiegelrapportage(scope, { agbCode: a.agbCode!, period: H1, version: 'intern' }, AS_OF);
    const uitval = report.indicators.filter((i) => i.key === 'uitval');
    expect(uitval.map((i) => [i.domein, i.label])).toEqual([
      ['JEUGD', 'Uitval'],
      ['WMO', 'Uitval (Wmo)'],
    ]);
    const current = (i: (typeof uitval)[number]) => i.periods.find((p) => p.period.key === H1.key)!.headline.n;
    expect(uitval.map(current)).toEqual([2, 1]);
    expect(report.indicators.filter((i) => i.domein === 'WMO').map((i) => i.key)).not.toContain('afname-problematiek');
  });
});
