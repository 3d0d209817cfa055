import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { loginNew, newProvider, sql } from './helpers/accounts';
import { postRaw } from './helpers/raw-post';
import { type SentFile, writeValidCsv } from './helpers/valid-csv';

// Large files arrive whole, through the browser and through the delivery API, up to UPLOAD_MAX_MB
// (200 in the tests, as by default), and a larger one is refused at once with nothing stored.
// Test deliveries: the portal validates each at once and counts its rows, which is what proves that
// none was lost, without putting ~4 million trajectories into the database the other tests read
// (a production import of 199 MB twice would add about two minutes and slow every later page).

const MB = 1024 * 1024;
const LIMIT_MB = 200;
const SIZES_MB = [9, 11, 50, 199];
const nf = new Intl.NumberFormat('nl-NL');
const TOO_BIG = `Het bestand is groter dan ${LIMIT_MB} MB.`;

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gp-e2e-groot-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A provider of its own, signed in, with a delivery token (issued in the portal, as a provider does). */
async function providerWithToken(page: Page, name: string) {
  const provider = await newProvider(name);
  await loginNew(page, 'AANBIEDER_UPLOAD', provider.id);
  await page.goto('/api-tokens');
  await page.getByLabel('Naam van de token').fill('Grote bestanden');
  await page.getByRole('button', { name: 'Token uitgeven' }).click();
  const token = (await page.getByTestId('nieuwe-token').innerText()).trim();
  const cookies = await page.context().cookies();
  return {
    ...provider,
    api: { authorization: `Bearer ${token}` },
    session: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
  };
}

/** What the portal stored for a provider: its upload rows, and the files in the upload store. */
async function stored(aanbiederId: string) {
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM upload WHERE aanbieder_id = $1`, [
    aanbiederId,
  ]);
  const store = process.env.UPLOAD_DIR!;
  return { rows: n, files: existsSync(store) ? readdirSync(store).sort() : [] };
}

test('files of 9 to 199 MB arrive whole through the browser and the API, every row validated', async ({ page }) => {
  test.setTimeout(20 * 60_000);
  const provider = await providerWithToken(page, 'Grote Bestanden');
  const origin = new URL(page.url()).origin;
  const delivered: { sent: SentFile; id: string; via: string }[] = [];
  for (const mb of SIZES_MB) {
    // Through the browser: the provider's own upload page, its check, its progress bar, its receipt.
    const viaBrowser = await writeValidCsv(path.join(dir, `browser-${mb}.csv`), mb * MB, provider.agb, 0);
    await page.goto('/aanbieder/aanleveren');
    await page.getByLabel('Sleep uw bestand hierheen, of kies een bestand').setInputFiles(viaBrowser.path);
    await expect(page.getByTestId('controle')).toContainText('herkend als CSV');
    await page.getByRole('button', { name: 'Versturen' }).click();
    const receipt = page.getByTestId('ontvangstbewijs');
    await expect(receipt).toContainText('Ontvangen.', { timeout: 120_000 });
    await expect(receipt, `${mb} MB via de browser`).toContainText(`${nf.format(viaBrowser.size)} bytes`);
    await expect(receipt.locator('code')).toHaveText(viaBrowser.sha256);
    const browserId = (await receipt.locator('dd').first().innerText()).trim();
    delivered.push({ sent: viaBrowser, id: browserId, via: 'browser' });
    rmSync(viaBrowser.path);

    // Through the API, as a provider's system sends it: streamed from disk with its length.
    const viaApi = await writeValidCsv(path.join(dir, `api-${mb}.csv`), mb * MB, provider.agb, 1);
    const answer = await postRaw(`${origin}/api/v1/aanleveringen?soort=test&bestandsnaam=api-${mb}.csv`, provider.api, {
      file: viaApi.path,
      length: viaApi.size,
    });
    expect(answer.status, answer.body).toBe(202);
    const apiReceipt = JSON.parse(answer.body);
    expect(apiReceipt, `${mb} MB via de API`).toMatchObject({ sizeBytes: viaApi.size, sha256: viaApi.sha256 });
    delivered.push({ sent: viaApi, id: apiReceipt.id, via: 'api' });
    rmSync(viaApi.path);
  }

  // Stored whole: what the portal keeps is what was sent, and the portal's job validated every row.
  for (const { sent, id, via } of delivered) {
    const what = `${nf.format(sent.size)} bytes via ${via === 'api' ? 'de API' : 'de browser'}`;
    const [row] = await sql<{ size: string; sha256: string }>(
      `SELECT size_bytes::text AS size, sha256 FROM upload WHERE id = $1`,
      [id],
    );
    expect(row, what).toEqual({ size: String(sent.size), sha256: sent.sha256 });
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`/api/v1/aanleveringen/${id}`, { headers: provider.api });
          const s = await res.json();
          return { status: s.status, rows: s.rowCount, accepted: s.acceptedCount, rejected: s.rejectedCount };
        },
        { message: what, timeout: 8 * 60_000, intervals: [2_000] },
      )
      .toEqual({ status: 'VERWERKT', rows: sent.rows, accepted: sent.rows, rejected: 0 });
  }
});

test('a file over the limit is refused at once, in Dutch, and nothing is stored', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  const provider = await providerWithToken(page, 'Te Groot');
  const origin = new URL(page.url()).origin;
  const before = await stored(provider.id);
  const declared = (LIMIT_MB + 1) * MB;

  // A declared length over the limit, with ten bytes behind it: refused before any is read, on both routes.
  for (const [route, headers] of [
    ['/api/v1/aanleveringen?soort=test&bestandsnaam=te-groot.csv', provider.api],
    ['/api/uploads', { ...provider.session, 'x-soort': 'test', 'x-bestandsnaam': 'te-groot.csv' }],
  ] as const) {
    const answer = await postRaw(`${origin}${route}`, headers, {
      bytes: Buffer.from('agb_code;x'),
      declaredLength: declared,
    });
    expect(answer.status, route).toBe(413);
    expect(JSON.parse(answer.body).fout).toBe(TOO_BIG);
    expect(answer.ms, route).toBeLessThan(2_000);
    test.info().annotations.push({ type: 'geweigerd na', description: `${route}: ${Math.round(answer.ms)} ms` });
  }

  // A valid 201 MB file without a declared length (chunked): refused once it passes the limit.
  const tooBig = await writeValidCsv(path.join(dir, 'te-groot.csv'), declared, provider.agb);
  const streamed = await postRaw(`${origin}/api/v1/aanleveringen?soort=test&bestandsnaam=te-groot.csv`, provider.api, {
    file: tooBig.path,
    length: null,
  });
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body).fout).toBe(TOO_BIG);

  // In the browser: the upload page says so before sending anything.
  const sent: string[] = [];
  page.on('request', (r) => r.url().includes('/api/uploads') && sent.push(r.url()));
  await page.goto('/aanbieder/aanleveren');
  const t0 = Date.now();
  await page.getByLabel('Sleep uw bestand hierheen, of kies een bestand').setInputFiles(tooBig.path);
  await expect(page.getByRole('alert').filter({ hasText: TOO_BIG })).toBeVisible({ timeout: 2_000 });
  expect(Date.now() - t0).toBeLessThan(2_000);
  await expect(page.getByRole('button', { name: 'Versturen' })).toBeDisabled();
  expect(sent).toEqual([]);
  rmSync(tooBig.path);

  expect(await stored(provider.id)).toEqual(before);
});
