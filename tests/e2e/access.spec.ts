import { expect, test } from '@playwright/test';
import { loginDemo, orgId, sql } from './helpers/accounts';

// Attacks: another role's pages answer 403, another organisation's records 404, and neither
// leaks the other's data in the HTML. Every refusal is in the audit log.
const refusalsOf = async (email: string) =>
  (
    await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE user_email = $1 AND outcome = 'geweigerd'`,
      [email],
    )
  )[0].n;

test('a provider cannot open TTP or municipal pages, nor another provider', async ({ page }) => {
  await loginDemo(page, 'aanbieder2@gemeenteportaal.demo');
  const before = await refusalsOf('aanbieder2@gemeenteportaal.demo');
  const pages = [
    '/beheer',
    '/beheer/mail',
    '/beheer/auditlog',
    '/beheer/verwerking',
    '/beheer/accounts',
    '/beheer/organisaties',
    '/beheer/api-tokens',
    '/beheer/volwassenheid',
    '/beheer/aanmeldingen',
    '/beheer/overeenkomsten',
    '/beheer/verwerkingsregister',
    '/gemeente',
  ];
  for (const path of pages) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
  }
  // every refusal is in the audit log, once
  expect((await refusalsOf('aanbieder2@gemeenteportaal.demo')) - before).toBe(pages.length);
  const other = await orgId({ agb: '98100001' });
  const res = await page.goto(`/organisatie/${other}`);
  expect(res?.status()).toBe(404);
  const html = await page.content();
  expect(html).not.toContain('Jeugdhulp Midden-Brabant');
  expect(html).not.toContain('98100001');
  const own = await page.goto(`/organisatie/${await orgId({ agb: '98100002' })}`);
  expect(own?.status()).toBe(200);
});

test('a municipality cannot open provider pages, nor another municipality', async ({ page }) => {
  await loginDemo(page, 'hilvarenbeek@gemeenteportaal.demo');
  expect((await page.goto('/aanbieder'))?.status()).toBe(403);
  expect((await page.goto('/aanbieder/gegevens'))?.status()).toBe(403);
  expect((await page.goto('/beheer'))?.status()).toBe(403);
  expect((await page.goto('/beheer/auditlog'))?.status()).toBe(403);
  expect((await page.request.get('/api/beheer/auditlog')).status()).toBe(403);
  for (const path of [
    '/beheer/accounts',
    '/beheer/organisaties',
    '/beheer/api-tokens',
    '/beheer/aanmeldingen',
    '/beheer/overeenkomsten',
    '/beheer/verwerkingsregister',
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
  // the agreement routes refuse too, also for a real agreement id
  const [agreement] = await sql<{ id: string }>(`SELECT id FROM processing_agreement LIMIT 1`);
  expect((await page.request.get(`/api/beheer/overeenkomsten/${agreement.id}/document`)).status()).toBe(403);
  const post = await page.request.post(`/api/beheer/overeenkomsten/${agreement.id}/ondertekend`, {
    multipart: { signedAt: '2026-11-01' },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(403);
  const tilburg = await orgId({ cbs: '0855' });
  expect((await page.goto(`/organisatie/${tilburg}`))?.status()).toBe(404);
  expect(await page.content()).not.toContain('Gemeente Tilburg');
});

test('the TTP sees no client-level pages', async ({ page }) => {
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  expect((await page.goto('/aanbieder'))?.status()).toBe(403);
  expect((await page.goto('/gemeente'))?.status()).toBe(403);
  expect((await page.goto('/dashboard/uitval'))?.status()).toBe(403);
  expect((await page.request.get('/api/dashboard/uitval/export?formaat=csv')).status()).toBe(403);
  // a provider's own page and downloads about its clients are the provider's alone
  expect((await page.goto('/aanbieder/gegevens'))?.status()).toBe(403);
  expect((await page.request.get('/api/aanbieder/teruggave')).status()).toBe(403);
  // nor a way round: it cannot issue an API token, which would read a municipality's figures
  expect((await page.goto('/api-tokens'))?.status()).toBe(403);
  await page.goto('/beheer/api-tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API-tokens' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Token uitgeven' })).toHaveCount(0);
  // but may open any organisation it manages
  expect((await page.goto(`/organisatie/${await orgId({ agb: '98100001' })}`))?.status()).toBe(200);
});

test('without a session every portal page sends you to the login page', async ({ page }) => {
  for (const path of ['/beheer', '/aanbieder', '/gemeente', '/beheer/mail', '/']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/inloggen$/);
  }
});

test('pages carry security headers (no framing, no sniffing, a content security policy)', async ({ request }) => {
  for (const path of ['/bestandsformaat', '/api-documentatie', '/wachtwoord-vergeten']) {
    const page = await request.get(path);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(page.headers()['content-security-policy'])![1];
    for (const m of (await page.text()).matchAll(/<script\b[^>]*>/g)) expect(m[0], path).toContain(`nonce="${nonce}"`);
  }
  // not for search engines, and with its own icon
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-Agent: \*\s+Disallow: \//i);
  const res = await request.get('/inloggen');
  const h = res.headers();
  const icons = [...(await res.text()).matchAll(/<link rel="icon" href="([^"]+)"/g)].map((m) => m[1]);
  const types = await Promise.all(icons.map(async (icon) => (await request.get(icon)).headers()['content-type']));
  expect(types.some((t) => t.includes('image/svg+xml'))).toBe(true);
  // and /favicon.ico, which browsers ask for on their own (its 404 was a console error)
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/^image\//);
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).not.toContain('unsafe-eval');
  expect(h['x-powered-by']).toBeUndefined();
  // Scripts only with this response's nonce: no 'unsafe-inline' for scripts, a new nonce per response,
  // and every script of the page carries it.
  const scriptSrc = /script-src ([^;]*)/.exec(h['content-security-policy'])![1];
  expect(scriptSrc).not.toContain('unsafe-inline');
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)![1];
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = (await request.get('/inloggen')).headers()['content-security-policy'];
  expect(again).not.toContain(nonce);
});

test('a state-changing request from another site is refused with 403 and a Dutch answer, pages and actions alike', async ({
  page,
}) => {
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`);
  // A server action (inviting an account) posted as another site would: refused before it runs.
  // Origin "null": a sandboxed frame, a data: page or a redirect chain from another site
  const attacks: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
  ];
  for (const headers of attacks) {
    const res = await page.request.post('/beheer/accounts', {
      headers: { ...headers, 'next-action': 'x', 'content-type': 'application/x-www-form-urlencoded' },
      data: 'email=aanvaller%40evil.example',
      maxRedirects: 0,
    });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toContain('cross-site request forgery');
  }
  expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`))[0].n).toBe(before[0].n);
  // (The same posts from the portal's own pages are every form in the other tests.)
});

test('reports and conversations: the internal report is the provider’s alone, a conversation its two parties’', async ({
  page,
}) => {
  const [tilburg, provider] = [await orgId({ cbs: '0855' }), await orgId({ agb: '98100001' })];
  const [conversation] = await sql<{ id: string }>(
    `INSERT INTO conversation (id, organisation_id, aanbieder_id, period, figures) VALUES (gen_random_uuid(), $1, $2, '2026-K3', '{}') RETURNING id`,
    [tilburg, provider],
  );
  const report = (versie: string, aanbieder = '98100001') =>
    `/api/spiegelrapportage?aanbieder=${aanbieder}&periode=2026-K2&versie=${versie}&formaat=pdf`;

  await loginDemo(page, 'hilvarenbeek@gemeenteportaal.demo');
  expect((await page.request.get(report('intern'))).status()).toBe(403);
  expect((await page.goto(`/kwaliteitsgesprekken/${conversation.id}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/kwaliteitsgesprekken/${conversation.id}/rapport?formaat=pdf`)).status()).toBe(
    404,
  );

  await loginDemo(page, 'aanbieder2@gemeenteportaal.demo');
  expect((await page.request.get(report('intern'))).status()).toBe(404);
  expect((await page.request.get(report('deelbaar'))).status()).toBe(404);
  expect((await page.goto(`/kwaliteitsgesprekken/${conversation.id}`))?.status()).toBe(404);
  expect((await page.request.get(report('intern', '98100002'))).status()).toBe(200);

  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  for (const path of ['/kwaliteitsgesprekken', '/spiegelrapportage'])
    expect((await page.goto(path))?.status(), path).toBe(403);
  expect((await page.request.get(report('deelbaar'))).status()).toBe(403);
  const refused = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'geweigerd' AND object LIKE $1`,
    [`%${conversation.id}%`],
  );
  expect(refused[0].n).toBeGreaterThanOrEqual(1);
});

test('the browser upload refuses a post from another site, even with the provider’s session', async ({ page }) => {
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  const attacks: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }];
  for (const headers of attacks) {
    const res = await page.request.post('/api/uploads', {
      headers: { ...headers, 'x-soort': 'test', 'x-bestandsnaam': 'van-elders.csv' },
      data: 'agb_code;pseudo_id\n',
    });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect((await res.json()).fout).toContain('Geweigerd: dit verzoek kwam niet van een pagina van het portaal zelf');
  }
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM upload WHERE file_name = 'van-elders.csv'`);
  expect(n).toBe(0);
});

test('the signed-agreement upload refuses a post from another site, even with the TTP’s session', async ({ page }) => {
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  const [agreement] = await sql<{ id: string }>(
    `SELECT id FROM processing_agreement WHERE status = 'VERZONDEN' LIMIT 1`,
  );
  const multipart = {
    signedAt: '2026-11-01',
    validFrom: '2026-11-01',
    signatoryName: 'Aanvaller',
    signatoryRole: 'x',
    pdf: { name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
  };
  // Origin "null": a sandboxed frame, a data: page or a redirect chain from another site
  const attacks: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
  ];
  for (const headers of attacks) {
    const res = await page.request.post(`/api/beheer/overeenkomsten/${agreement.id}/ondertekend`, {
      multipart,
      headers,
      maxRedirects: 0,
    });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toContain('Geweigerd: dit verzoek kwam niet van een pagina van het portaal zelf');
  }
  const [after] = await sql<{ status: string }>(`SELECT status::text FROM processing_agreement WHERE id = $1`, [
    agreement.id,
  ]);
  expect(after.status).toBe('VERZONDEN');
});
