import { expect, test } from '@playwright/test';
import { loginDemo, sql } from './helpers/accounts';
import { axeViolations } from './helpers/axe';
import { confirmAction } from './helpers/confirm';

// A provider automates delivery (issue 16): it issues its own token in the portal, its "script"
// delivers a test file over HTTP with that token, polls the status and reads the row report as
// JSON and CSV, and the token stops working once revoked. The documentation page shows every call.

const file = (agb: string) =>
  [
    'agb_code;pseudo_id;traject_id;geboortejaar;geslacht;gemeentecode;begindatum;einddatum;reden_einde;verwijzer;hulpvorm;productcategorie;profiel;zorgvraagzwaarte;complexiteit;perspectief;crisis;respondent;tevredenheid;zonder_hulp_verder;afname_problematiek;doelrealisatie;meetdatum',
    `${agb};CL-api-1;TR-API-0001;2013;V;0855;20260105;;;01;02;45;3;2;1;;N;;;;;;`,
    `${agb};CL-api-2;TR-API-0002;2012;M;0855;20260105;20260301;01;01;99;45;3;2;1;;N;;;;;;`,
    '',
  ].join('\r\n');

test('a provider delivers by API with its own token, reads the receipt and the row report, then revokes', async ({
  page,
  playwright,
}) => {
  await loginDemo(page, 'aanbieder2@gemeenteportaal.demo');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'API-tokens' }).click();
  await expect(page.getByRole('main')).toContainText('POST /api/v1/aanleveringen?soort=test');
  await page.getByLabel('Naam van de token').fill('Bronsysteem E2E');
  await page.getByRole('button', { name: 'Token uitgeven' }).click();
  const token = (await page.getByTestId('nieuwe-token').innerText()).trim();
  expect(token).toMatch(/^gp_/);

  // The script: no cookies, only the token.
  const script = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const delivered = await script.post('/api/v1/aanleveringen?soort=test&bestandsnaam=api.csv', {
    data: Buffer.from(file('98100002')),
  });
  expect(delivered.status()).toBe(202);
  const receipt = await delivered.json();
  expect(receipt).toMatchObject({ kind: 'TEST', fileName: 'api.csv', duplicate: false });
  expect(receipt.sha256).toMatch(/^[0-9a-f]{64}$/);
  // The test file is processed by the portal's own job runner within moments.
  await expect
    .poll(async () => (await (await script.get(`/api/v1/aanleveringen/${receipt.id}`)).json()).status, {
      timeout: 60_000,
    })
    .toBe('VERWERKT_MET_FOUTEN');
  const report = await (await script.get(`/api/v1/aanleveringen/${receipt.id}`)).json();
  expect(report).toMatchObject({ rowCount: 2, acceptedCount: 1, rejectedCount: 1 });
  expect(report.errors).toContainEqual(expect.objectContaining({ line: 3, field: 'hulpvorm', code: 'ONBEKENDE_CODE' }));
  const csv = await script.get(`/api/v1/aanleveringen/${receipt.id}`, { headers: { accept: 'text/csv' } });
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('3;hulpvorm;99;ONBEKENDE_CODE;');
  // The same upload is in the provider's history in the portal, with the same report.
  await page.goto(`/aanbieder/uploads/${receipt.id}`);
  await expect(page.getByRole('main')).toContainText('api.csv');
  // Its token opens nothing else: not the figures, not another provider's deliveries.
  expect((await script.get('/api/v1/indicatoren/uitval')).status()).toBe(401);
  const [foreign] = await sql<{ id: string }>(
    `SELECT u.id FROM upload u JOIN organisation o ON o.id = u.aanbieder_id WHERE o.agb_code <> '98100002' LIMIT 1`,
  );
  expect((await script.get(`/api/v1/aanleveringen/${foreign.id}`)).status()).toBe(404);

  await page.goto('/api-tokens');
  await confirmAction(page.getByRole('row').filter({ hasText: `${token.slice(0, 8)}…` }), 'Intrekken');
  await expect(page.getByText('De token is ingetrokken.')).toBeVisible();
  expect((await script.get(`/api/v1/aanleveringen/${receipt.id}`)).status()).toBe(401);
  await script.dispose();
});

test('the API documentation shows every endpoint with a curl example, without accessibility problems', async ({
  page,
}) => {
  await page.goto('/api-documentatie');
  await expect(page.getByRole('heading', { level: 1, name: 'API-documentatie' })).toBeVisible();
  for (const name of [
    'POST /api/v1/aanleveringen',
    'GET /api/v1/aanleveringen/{nummer}',
    'GET /api/v1/indicatoren/{indicator}',
  ])
    await expect(page.getByRole('region', { name })).toContainText('curl ');
  const spec = await page.request.get('/api/v1/openapi.json');
  expect((await spec.json()).openapi).toBe('3.1.0');
  expect(await axeViolations(page)).toEqual([]);
});
