import { spawnSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import type { RawRecord } from '../../lib/cbs/layout';
import { exampleWmoRecords, toCsv } from '../../lib/cbs/write-files';
import { loginDemo, sql } from './helpers/accounts';

// Wmo end to end (issue 17): a provider delivers Wmo test and production files in the browser, gets
// Wmo's own row errors, sees a Wmo file refused as Jeugd with the reason, and after the nightly run
// the municipality's Wmo dashboard shows the provider's figures.

const AGB = '98100001'; // Jeugdhulp Midden-Brabant: delivers Jeugd and Wmo under its agreement

async function deliver(
  page: Page,
  name: string,
  rows: RawRecord[],
  domein: 'Jeugd' | 'Wmo',
  soort: 'Testbestand' | 'Productiebestand',
) {
  await page.goto('/aanbieder/aanleveren');
  await page.getByRole('group', { name: 'Domein' }).getByLabel(domein, { exact: false }).check();
  await page.getByRole('group', { name: 'Soort bestand' }).getByLabel(soort).check();
  await page
    .getByLabel('Sleep uw bestand hierheen, of kies een bestand')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) });
  await expect(page.getByTestId('controle')).toContainText('herkend als CSV');
  await page.getByRole('button', { name: 'Versturen' }).click();
  const receipt = page.getByTestId('ontvangstbewijs');
  await expect(receipt).toContainText(domein);
  await receipt.getByRole('link', { name: 'Bekijk de status en het verslag' }).click();
  await expect(page.getByTestId('domein')).toHaveText(domein);
}

test('a provider delivers Wmo in the browser; the municipality sees it on its Wmo dashboard', async ({
  page,
  browser,
}) => {
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');

  // A Wmo test file with Jeugd-only fields filled: Wmo's own row errors
  const wrong = exampleWmoRecords(AGB);
  wrong[1] = { ...wrong[1], hulpvorm: '02', afname_problematiek: '1' };
  await deliver(page, 'wmo-test.csv', wrong, 'Wmo', 'Testbestand');
  await expect(page.getByTestId('status')).toHaveText('verwerkt met fouten', { timeout: 60_000 });
  await expect(page.getByRole('row').filter({ hasText: 'hulpvorm' })).toContainText('Hulpvorm bestaat niet bij Wmo');
  await expect(page.getByRole('row').filter({ hasText: 'afname_problematiek' })).toContainText(
    'Afname problematiek bestaat niet bij Wmo',
  );

  // The clean Wmo file delivered as Jeugd: refused, and told which domain it fits
  await deliver(page, 'wmo-als-jeugd.csv', exampleWmoRecords(AGB), 'Jeugd', 'Testbestand');
  await expect(page.getByTestId('status')).toHaveText('afgewezen', { timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'afgewezen' })).toContainText('lever dit bestand aan als Wmo');

  // A Wmo production file: twelve Tilburg clients whose support ended last month, three dropped out
  const ended = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 10));
  const ymd = ended.toISOString().slice(0, 10).replace(/-/g, '');
  const [template] = exampleWmoRecords(AGB);
  const production = Array.from({ length: 12 }, (_, i) => ({
    ...template,
    pseudo_id: `E2E-WMO-CLIENT-${i}`,
    traject_id: `E2E-WMO-${i}`,
    gemeentecode: '0855',
    begindatum: '20250105',
    einddatum: ymd,
    reden_einde: i < 3 ? '03' : '01',
  }));
  await deliver(page, 'wmo-productie.csv', production, 'Wmo', 'Productiebestand');
  const job = spawnSync('node_modules/.bin/tsx', ['scripts/job-import.ts'], { env: process.env, encoding: 'utf8' });
  expect(job.status, job.stderr).toBe(0);
  await page.reload();
  await expect(page.getByTestId('status')).toHaveText('verwerkt');
  const stored = await sql<{ domein: string; n: number }>(
    `SELECT domein::text, count(*)::int AS n FROM trajectory WHERE traject_id LIKE 'E2E-WMO-%'
       AND aanbieder_id = (SELECT id FROM organisation WHERE agb_code = $1) GROUP BY domein`,
    [AGB],
  );
  expect(stored).toEqual([{ domein: 'WMO', n: 12 }]);

  // The municipality: Wmo figures of its residents, the provider among them, Jeugd apart
  const gemeente = await (await browser.newContext()).newPage();
  await loginDemo(gemeente, 'gemeente@gemeenteportaal.demo');
  await gemeente.goto('/dashboard?domein=WMO');
  await expect(gemeente.getByText('Nog geen Wmo-aanleveringen')).toHaveCount(0);
  await expect(gemeente.getByRole('heading', { name: 'Uitval' }).first()).toBeVisible();
  await gemeente.goto('/dashboard/uitval?domein=WMO&groep=aanbieder');
  const row = gemeente.getByRole('row').filter({ hasText: 'Jeugdhulp Midden-Brabant' }).first();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('< 7');
  // the provider's own Wmo-only demo neighbour is there too, and a Jeugd-only provider is not
  await expect(gemeente.getByRole('row').filter({ hasText: 'Zorggroep Het Baken' }).first()).toBeVisible();
  await expect(gemeente.getByRole('row').filter({ hasText: 'Pleegzorg Zuid-Nederland' })).toHaveCount(0);
});
