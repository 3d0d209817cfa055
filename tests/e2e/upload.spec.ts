import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { exampleRecords, toCsv } from '../../lib/cbs/write-files';
import { loginDemo, loginNew, newProvider, sql } from './helpers/accounts';
import { axeViolations } from './helpers/axe';

const AGB = '98100001';

test('a provider uploads a test file in the browser and sees its report per row', async ({ page }) => {
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanleveren' }).click();
  expect(await axeViolations(page)).toEqual([]);
  const rows = exampleRecords(AGB);
  rows[1] = { ...rows[1], hulpvorm: '99' };
  await page
    .getByLabel('Sleep uw bestand hierheen, of kies een bestand')
    .setInputFiles({ name: 'test-januari.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) });
  await expect(page.getByTestId('controle')).toContainText('herkend als CSV');
  await page.getByRole('button', { name: 'Versturen' }).click();
  const receipt = page.getByTestId('ontvangstbewijs');
  await expect(receipt).toContainText('SHA-256');
  await receipt.getByRole('link', { name: 'Bekijk de status en het verslag' }).click();
  // test files are processed within a minute by the job runner in the server
  await expect(page.getByTestId('status')).toHaveText('verwerkt met fouten', { timeout: 60_000 });
  const row = page.getByRole('row').filter({ hasText: 'hulpvorm' });
  await expect(row).toContainText('99');
  await expect(row).toContainText('Onbekende code voor hulpvorm');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download het verslag als CSV' }).click();
  const text = await (await (await download).createReadStream())
    .toArray()
    .then((c) => Buffer.concat(c).toString('utf8'));
  expect(text).toContain('ONBEKENDE_CODE');
  // and it never reached the figures (another test's provider may deliver the same example for real)
  const [{ n }] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM trajectory WHERE traject_id = 'TR-2026-0001'
       AND aanbieder_id = (SELECT id FROM organisation WHERE agb_code = $1)`,
    [AGB],
  );
  expect(n).toBe(0);

  // the nastiest files get their Dutch answer, and the server stays up
  const nasty = {
    'zip-bom.xlsx': Buffer.from(
      zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(300 * 1024 * 1024) }, { level: 9 }),
    ),
    'een-regel.csv': Buffer.from(`agb_code;${'x'.repeat(10 * 1024 * 1024)}`),
    'afbeelding.png': readFileSync(path.join('tests', 'fixtures', 'malformed', 'afbeelding.png')),
  };
  const ids: string[] = [];
  for (const [name, data] of Object.entries(nasty)) {
    const res = await page.request.post('/api/uploads', {
      headers: { 'x-soort': 'test', 'x-bestandsnaam': name, 'content-type': 'application/octet-stream' },
      data,
    });
    expect(res.status(), name).toBe(201);
    ids.push((await res.json()).id);
  }
  await expect
    .poll(
      async () =>
        (await sql<{ status: string }>(`SELECT status::text FROM upload WHERE id = ANY($1::uuid[])`, [ids])).map(
          (r) => r.status,
        ),
      { timeout: 90_000 },
    )
    .toEqual(['AFGEWEZEN', 'AFGEWEZEN', 'AFGEWEZEN']);
  expect((await page.request.get('/api/health')).status()).toBe(200);
});

test('production files: the nightly run imports them, and a later month says what it changed', async ({ page }) => {
  // A provider of its own: its records do not move the demo providers' figures other tests read.
  const provider = await newProvider('Jeugdhulp Maandbestand');
  await loginNew(page, 'AANBIEDER_UPLOAD', provider.id);
  const deliver = async (name: string, rows: ReturnType<typeof exampleRecords>) => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanleveren' }).click();
    await page.getByLabel('Productiebestand').check();
    await page
      .getByLabel('Sleep uw bestand hierheen, of kies een bestand')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) });
    await expect(page.getByTestId('controle')).toContainText('herkend als CSV');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByTestId('ontvangstbewijs').getByRole('link', { name: 'Bekijk de status en het verslag' }).click();
    await expect(page.getByText('Productiebestanden worden ’s nachts verwerkt.')).toBeVisible();
    // The night comes: what the scheduler runs.
    const job = spawnSync('node_modules/.bin/tsx', ['scripts/job-import.ts'], { env: process.env, encoding: 'utf8' });
    expect(job.status, job.stderr).toBe(0);
    await page.reload();
    await expect(page.getByTestId('status')).toHaveText('verwerkt');
  };
  const january = exampleRecords(provider.agb);
  const n = january.length;
  await deliver('januari.csv', january);
  await expect(page.getByTestId('records')).toHaveText(
    `${n}: ${n} goedgekeurd, 0 afgekeurd; ${n} nieuw of gewijzigd, 0 ongewijzigd`,
  );
  // February repeats January with one record corrected: one is written, the others stay as they were.
  const february = january.map((r, i) => (i === 0 ? { ...r, verwijzer: r.verwijzer === '02' ? '01' : '02' } : r));
  await deliver('februari.csv', february);
  await expect(page.getByTestId('records')).toHaveText(
    `${n}: ${n} goedgekeurd, 0 afgekeurd; 1 nieuw of gewijzigd, ${n - 1} ongewijzigd`,
  );
});

test('the browser refuses a file with a BSN before anything is sent', async ({ page }) => {
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  await page.goto('/aanbieder/aanleveren');
  const rows = exampleRecords(AGB);
  rows[2] = { ...rows[2], pseudo_id: '111222333' };
  const sent: string[] = [];
  page.on('request', (r) => r.url().includes('/api/uploads') && sent.push(r.url()));
  await page
    .getByLabel('Sleep uw bestand hierheen, of kies een bestand')
    .setInputFiles({ name: 'met-bsn.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) });
  await expect(page.getByTestId('controle')).toContainText('regel 4');
  await expect(page.getByTestId('controle')).toContainText('BSN');
  await expect(page.getByRole('button', { name: 'Versturen' })).toBeDisabled();
  expect(sent).toEqual([]);
});

test('uploading needs a session and the upload permission', async ({ page, request }) => {
  const res = await request.post('/api/uploads', {
    headers: { 'x-soort': 'productie', 'x-bestandsnaam': 'zonder-sessie.csv' },
    data: 'x',
    maxRedirects: 0,
  });
  // without a session: sent to the login page, and nothing stored
  expect(res.status()).toBe(307);
  expect(res.headers().location).toMatch(/\/inloggen$/);
  const [{ n: stored }] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM upload WHERE file_name = 'zonder-sessie.csv'`,
  );
  expect(stored).toBe(0);
  await loginDemo(page, 'inzage@gemeenteportaal.demo');
  const denied = await page.request.post('/api/uploads', {
    headers: { 'x-soort': 'test', 'x-bestandsnaam': 'x.csv' },
    data: toCsv(exampleRecords(AGB)),
  });
  expect(denied.status()).toBe(403); // a read-only account may not upload
});

test('the format page and its example files are generated from the layout', async ({ page, request }) => {
  await page.goto('/bestandsformaat');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bestandsformaat, versie');
  await expect(page.getByRole('row').filter({ hasText: 'reden_einde' })).toContainText(
    'voortijdig, eenzijdig door cliënt (uitval)',
  );
  for (const f of ['csv', 'txt', 'xlsx'])
    expect((await request.get(`/bestandsformaat/voorbeeld/${f}`)).status()).toBe(200);
  // Without a session the example carries the placeholder the page names; a provider gets its own
  // AGB code, so the example goes through as its test file instead of "afgewezen, 0 of 4".
  const anonymous = await (await request.get('/bestandsformaat/voorbeeld/csv')).text();
  expect(anonymous.split('\r\n')[1]).toMatch(/^00000000;/);
  await expect(page.getByRole('main')).toContainText('anders staat er 00000000');
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  const own = await (await page.request.get('/bestandsformaat/voorbeeld/csv')).text();
  expect(
    own
      .split('\r\n')
      .slice(1, -1)
      .every((l) => l.startsWith(`${AGB};`)),
  ).toBe(true);
});
