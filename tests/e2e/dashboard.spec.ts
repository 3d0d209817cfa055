import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loginDemo, sql } from './helpers/accounts';
import { confirmAction } from './helpers/confirm';
import { DESKTOP, PHONE } from './helpers/screens';

// The dashboards in Chromium on the demo data: a municipality filters, meets the disclosure control
// and exports; a provider sees its own figures exact; the TTP issues an API token for a BI tool.

test('a municipal user filters, sees small numbers hidden and exports the same figures', async ({ page }) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard outcome-indicatoren' })).toBeVisible();
  for (const name of [
    'Uitval',
    'Cliënttevredenheid',
    'Zonder hulp verder',
    'Na beëindiging geen nieuwe start',
    'Afname problematiek',
    'Doelrealisatie',
    'Respons',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await page.getByRole('heading', { level: 2, name: 'Uitval' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/dashboard\/uitval\?/);
  await page
    .getByRole('navigation', { name: 'Indeling van de tabel' })
    .getByRole('link', { name: 'Per aanbieder' })
    .click();
  await expect(page).toHaveURL(/groep=aanbieder/);

  // Per provider, small numbers are hidden with the one marker, explained once under the table.
  const table = page.locator('table.indicatortabel');
  await expect(table.locator('td.verborgen', { hasText: '< 7' }).first()).toBeVisible();
  await expect(page.locator('p.toelichting')).toContainText(
    '< 7: Niet getoond: minder dan 7 cliënten (dat kan ook geen zijn).',
  );

  // Filter on a referrer through the filter bar: the filter lands in the URL, so the view can be shared.
  await page.getByText('Meer filters').click();
  await page.getByRole('group', { name: 'Verwijzer' }).getByLabel('02 huisarts').check();
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/verwijzer=02/);
  await expect(page).toHaveURL(/groep=aanbieder/);
  const totalOnPage = (await table.locator('tr.totaalrij td').last().innerText()).trim();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toContain('n uitval (03)');
  const totalLine = lines.find((l) => l.startsWith('Totaal;'))!.split(';');
  expect(lines.at(-1)).toContain('licht verstoord'); // the same explanation as under the table
  expect(totalLine.at(-1)).toBe(totalOnPage.replace(/\./g, ''));
  // No figure between 0 and 6 anywhere in the export's count columns: none reads "< 7" like a few.
  const header = lines[0].split(';');
  for (const line of lines.slice(1).filter((l) => l.includes(';'))) {
    line.split(';').forEach((v, i) => {
      if (header[i].startsWith('n ')) expect(/^[0-6]$/.test(v), `${header[i]} = ${v}`).toBe(false);
    });
  }
});

const month = (d: Date) => d.toISOString().slice(0, 7);
const addMonths = (m: string, k: number) =>
  month(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)) - 1 + k, 1)));

test('Tilburg sees the uitval of every provider with 10 or more uitval clients, this year and last year', async ({
  page,
}) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  // the default period: the calendar year of the last whole month, and the year before it
  const year = Number(addMonths(month(new Date()), -1).slice(0, 4));
  for (const y of [year, year - 1]) {
    const [van, tot] = [`${y}-01`, `${y}-12`];
    const truth = await sql<{ name: string; uitval: number }>(
      `SELECT o.name, count(DISTINCT t.client_pseudonym) FILTER (WHERE t.reden_einde = '03')::int AS uitval
       FROM trajectory t JOIN organisation o ON o.id = t.aanbieder_id
       WHERE t.gemeentecode = '0855' AND t.domein = 'JEUGD' AND t.einddatum >= $1::date AND t.einddatum < ($2::date + interval '1 month')
       GROUP BY o.name`,
      [`${van}-01`, `${tot}-01`],
    );
    const large = truth.filter((r) => r.uitval >= 10);
    expect(large.length).toBeGreaterThanOrEqual(3);
    await page.goto(`/dashboard/uitval?groep=aanbieder&eind_van=${van}&eind_tm=${tot}`);
    const table = page.locator('table.indicatortabel');
    // the headline's column (uitval is category 03: that column, marked as the headline)
    const heads = await table.locator('thead tr').first().locator('th[scope="colgroup"]').all();
    const headline = (await Promise.all(heads.map((h) => h.getAttribute('class')))).indexOf('kernkolom');
    expect(await heads[headline].innerText()).toContain('uitval (03)');
    for (const r of large) {
      const shown = (
        await table
          .locator('tbody tr', { has: page.locator('th', { hasText: r.name }) })
          .locator('td')
          .nth(2 * headline)
          .innerText()
      ).trim();
      expect(shown, `${r.name} ${van}–${tot}`).not.toBe('< 7');
      expect(Math.abs(Number(shown.replace(/\./g, '')) - r.uitval)).toBeLessThanOrEqual(3);
    }
  }
});

test('a provider with fewer than 7 clients in the period is one line that says so, not a marker per column', async ({
  page,
}) => {
  await loginDemo(page, 'hilvarenbeek@gemeenteportaal.demo');
  // a quarter in which a provider served 1 to 6 of Hilvarenbeek's clients whose trajectory ended then
  const [small] = await sql<{ name: string; m: string }>(
    `SELECT o.name, to_char(date_trunc('quarter', t.einddatum), 'YYYY-MM') AS m
     FROM trajectory t JOIN organisation o ON o.id = t.aanbieder_id
     WHERE t.gemeentecode = '0798' AND t.domein = 'JEUGD' AND t.einddatum >= date_trunc('quarter', now()) - interval '21 months'
     GROUP BY 1, 2 HAVING count(DISTINCT t.client_pseudonym) BETWEEN 1 AND 6 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  expect(small).toBeDefined();
  await page.goto(`/dashboard/uitval?groep=aanbieder&eind_van=${small.m}&eind_tm=${addMonths(small.m, 2)}`);
  const table = page.locator('table.indicatortabel');
  const row = table.locator('tbody tr', { has: page.locator('th', { hasText: small.name }) });
  await expect(row.locator('td')).toHaveCount(1);
  await expect(row.locator('td')).toHaveText('< 7 cliënten: niet getoond');
  await expect(row.locator('abbr')).toHaveAttribute('title', /minder dan 7 cliënten/);
  // the one cell spans every column of figures that a shown row (the total) fills
  const total = table.locator('tbody tr.totaalrij td');
  expect(Number(await row.locator('td').getAttribute('colspan'))).toBe(await total.count());
});

test('a page asks the server for nothing the user did not ask for: no prefetch of the links on it', async ({
  page,
}) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  const prefetches: string[] = [];
  page.on('request', (r) => {
    if (r.headers()['next-router-prefetch'] || r.url().includes('_rsc=')) prefetches.push(r.url());
  });
  // the overview shows the menu and seven cards, each a link to a page rendered per request
  await page.goto('/dashboard');
  await expect(page.locator('article.indicatorkaart')).toHaveCount(7);
  await page.waitForLoadState('networkidle');
  await page.getByRole('heading', { level: 2, name: 'Uitval' }).getByRole('link').hover();
  await page.waitForTimeout(500);
  expect(prefetches).toEqual([]);
  // a click still navigates
  await page.getByRole('heading', { level: 2, name: 'Uitval' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitval' })).toBeVisible();
});

test('an empty domain says why it is empty instead of showing cards of zeros', async ({ page }) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  // the demo's Wmo support began three years ago: a year before it is empty
  await page.goto('/dashboard?domein=WMO&eind_van=2019-01&eind_tm=2019-12');
  // in the same words as a selection of a few clients: none and a few are not told apart
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    'Minder dan 7 cliënten in deze selectie: er worden geen cijfers getoond.',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Uitval' })).toHaveCount(0);
  // both domains are populated in the default period; the cards after the first stream in, each in its place
  for (const [domein, cards] of [
    ['WMO', 6],
    ['JEUGD', 7],
  ] as const) {
    await page.goto(`/dashboard?domein=${domein}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Uitval' })).toBeVisible();
    await expect(page.locator('article.indicatorkaart')).toHaveCount(cards);
    await expect(page.locator('.kaart-wacht')).toHaveCount(0);
    await expect(page.locator('article.indicatorkaart h2').last()).toHaveText('Respons');
  }
});

test('a provider sees its own figures exact', async ({ page }) => {
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  await page.goto('/dashboard/uitval?groep=maand');
  const table = page.locator('table.indicatortabel');
  await expect(table.locator('tbody tr').nth(3)).toBeVisible();
  await expect(table.locator('td.verborgen')).toHaveCount(0);
  await expect(page.getByText('exact en zonder afscherming').first()).toBeVisible();
  // A tampered grouping or filter value is ignored, not an error.
  const res = await page.goto('/dashboard/uitval?groep=drop&verwijzer=99&eind_van=2099-99');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Uitval' })).toBeVisible();
});

test('a municipality issues its own API token that returns protected figures, and revokes it', async ({
  page,
  request,
}) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'API-tokens' }).click();
  await expect(page).toHaveURL(/\/api-tokens$/);
  await page.getByLabel('Naam van de token').fill('E2E BI-pakket');
  await page.getByRole('button', { name: 'Token uitgeven' }).click();
  const token = (await page.getByTestId('nieuwe-token').innerText()).trim();
  expect(token).toMatch(/^gp_/);

  const api = await request.get('/api/v1/indicatoren/uitval?groep=aanbieder', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.indicator.sleutel).toBe('uitval');
  const cells = [...body.rijen, body.totaal].flatMap(
    (r: { categorieen: { n: number | null; suppressed: boolean }[] }) => r.categorieen,
  );
  expect(cells.some((c: { suppressed: boolean }) => c.suppressed)).toBe(true);
  for (const c of cells) {
    if (c.suppressed) expect(c.n).toBeNull();
    else expect(c.n === 0 || (c.n ?? 0) >= 7).toBe(true);
  }

  // The list shows the token's first characters only; that is how the user finds it.
  await confirmAction(page.getByRole('row').filter({ hasText: `${token.slice(0, 8)}…` }), 'Intrekken');
  await expect(page.getByText('De token is ingetrokken.')).toBeVisible();
  expect(
    (await request.get('/api/v1/indicatoren/uitval', { headers: { authorization: `Bearer ${token}` } })).status(),
  ).toBe(401);
});

test('the answer first: every provider ranked with last year and the average, above the fold, also on a phone', async ({
  page,
}) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto('/dashboard/uitval?groep=aanbieder');
    const figure = page.getByRole('figure', { name: /per aanbieder, van hoog naar laag/ });
    await expect(figure).toBeVisible();
    // one dark bar per provider in the table, each with its value; the average as a dashed line
    const providers = await page.locator('table.indicatortabel tbody tr').count();
    const ranked = figure.locator('ol.sr-only li');
    await expect(ranked).toHaveCount(providers - 1); // the table's last row is the total
    // a bar for every provider shown; a hidden one ("< 7") has its label and no bar
    const shown = (await ranked.allTextContents()).filter((t) => !t.includes('niet getoond')).length;
    expect(shown).toBeGreaterThanOrEqual(7);
    const bars = figure.locator('.rang-balk.nu');
    await expect(bars).toHaveCount(shown);
    await expect(figure.locator('.rang-gemiddeld')).toHaveCount(1);
    // a light bar for every provider with a figure a year earlier
    const withLastYear = (await ranked.allTextContents()).filter((t) => t.includes('een jaar eerder')).length;
    expect(withLastYear).toBeGreaterThan(0);
    await expect(figure.locator('.rang-balk.eerder')).toHaveCount(withLastYear);
    // the bars on one scale: as long as their values, in the same order
    const widths = await bars.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(widths[0]).toBeGreaterThan(widths[widths.length - 1]);
    // the bars are backgrounds: kept when the page is printed for a kwaliteitsgesprek
    expect(await bars.first().evaluate((e) => getComputedStyle(e).printColorAdjust)).toBe('exact');
    // ranked high to low
    const shares = (await ranked.allTextContents())
      .map((t) => /: ([\d,]+) ?%/.exec(t)?.[1])
      .filter(Boolean)
      .map((v) => Number(v!.replace(',', '.')));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    // above the fold on a desktop; no sideways scrolling on a phone
    const box = (await figure.locator('.rangschikking').boundingBox())!;
    if (viewport === DESKTOP) expect(box.y + box.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: test.info().outputPath(`antwoord-${viewport.width}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
});

test('printed for a kwaliteitsgesprek: the figures with their period, filters and source, without the controls', async ({
  page,
}) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  await page.goto('/dashboard/uitval?groep=aanbieder&verwijzer=01');
  await page.emulateMedia({ media: 'print' });
  // what the figures are and cover stays: the heading, the period, the active filter, chart and table
  await expect(page.getByRole('heading', { level: 1, name: 'Uitval' })).toBeVisible();
  await expect(page.getByText(/^Periode:/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Actieve filters' })).toContainText('01 gemeentelijke toegang');
  await expect(page.getByRole('figure', { name: /per aanbieder, van hoog naar laag/ })).toBeVisible();
  await expect(page.locator('table.indicatortabel')).toBeVisible();
  // whose portal it came from, legible without the header's background
  const organisation = page.locator('.kop').getByRole('link', { name: 'Gemeente Tilburg' });
  await expect(organisation).toBeVisible();
  expect(await organisation.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(0, 0, 0)');
  // the controls go
  for (const control of [
    page.getByRole('navigation', { name: 'Hoofdmenu' }),
    page.getByRole('button', { name: 'Uitloggen' }),
    page.getByRole('form', { name: 'Filters' }),
    page.getByRole('link', { name: 'Filters aanpassen' }),
    page.getByRole('link', { name: 'Alle filters wissen' }),
    page.getByText(/^Exporteren:/),
  ])
    await expect(control).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('afdruk.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Filters' })).toBeVisible();
});
