import { expect, type Page, test } from '@playwright/test';
import { exampleRecords, toCsv } from '../../lib/cbs/write-files';
import { env } from '../../lib/env';
import { loginDemo, sql } from './helpers/accounts';
import { walk } from './helpers/watch';

// Issue 13: each role walks its main task in Chromium, from its start page through the menu. Every
// step fails on a console error, a failed request or a visible "null", "undefined" or "NaN", and
// leaves screenshots at 1366 and 390 px in the test output for review.

const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
/**
 * A walk's distinct views (docs/view-budget.md): its organisation stays within the month's budget and
 * the detector stays silent. Prints the figures the budget and the thresholds were chosen against.
 */
async function expectWithinViewBudget(email: string, since: Date) {
  const [r] = await sql<{ used: number; walk: number; family: number; rate: number; alerts: number }>(
    `SELECT coalesce((SELECT u.used FROM view_budget_use u WHERE u.organisation_id = o.id
         AND u.month = to_char(now() AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM')), 0) AS used,
       (SELECT count(*)::int FROM view_charge c WHERE c.organisation_id = o.id AND c.charged_at >= $2) AS walk,
       (SELECT coalesce(max(c.family_size), 0) FROM view_charge c WHERE c.organisation_id = o.id AND c.charged_at >= $2) AS family,
       (SELECT coalesce(max(c.rate), 0) FROM view_charge c WHERE c.organisation_id = o.id AND c.charged_at >= $2) AS rate,
       (SELECT count(*)::int FROM view_alert a WHERE a.organisation_id = o.id AND a.fired_at >= $2) AS alerts
     FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1`,
    [email, since],
  );
  const e = env();
  console.log(
    `overzichten ${email}: wandeling ${r.walk} nieuw, maand ${r.used} van ${e.VIEW_BUDGET_PER_MONTH}, ` +
      `grootste familie ${r.family} (grens ${e.VIEW_VARIANTS_MAX}), meeste per minuut ${r.rate} (grens ${e.VIEW_RATE_MAX_PER_MINUTE})`,
  );
  expect(r.walk).toBeGreaterThan(0);
  expect(r.used).toBeLessThan(e.VIEW_BUDGET_PER_MONTH);
  expect(r.alerts).toBe(0);
}

const grouping = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Indeling van de tabel' }).getByRole('link', { name }).click();

test('provider (aanleveren): delivers a test file, reads its report, opens its own figures', async ({ page }) => {
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  const w = walk(page, 'aanbieder');
  await w.step('start');
  await menu(page, 'Aanleveren');
  // a file of its own, so no other test's delivery makes it a duplicate
  const rows = exampleRecords('98100001').map((r, i) => ({ ...r, traject_id: `TR-W${Date.now().toString(36)}-${i}` }));
  await page
    .getByLabel('Sleep uw bestand hierheen, of kies een bestand')
    .setInputFiles({ name: 'test-wandeling.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) });
  await expect(page.getByTestId('controle')).toContainText('herkend als CSV');
  await w.step('gekozen');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByTestId('ontvangstbewijs')).toContainText('SHA-256');
  await w.step('ontvangen');
  await page.getByRole('link', { name: 'Bekijk de status en het verslag' }).click();
  await expect(page.getByTestId('status')).toHaveText('verwerkt', { timeout: 60_000 });
  await w.step('verslag');
  await menu(page, 'Spiegelrapportage');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Spiegelrapportage');
  await w.step('spiegelrapportage');
  await menu(page, 'Dashboard');
  await page.getByRole('heading', { level: 2, name: 'Uitval' }).getByRole('link').click();
  await grouping(page, 'Per kwartaal');
  await expect(page.getByRole('figure', { name: /door de tijd/ })).toBeVisible();
  await w.step('uitval-per-kwartaal');
  expect(w.problems()).toEqual([]);
});

test('provider (inzien): reads its uploads and downloads its internal report', async ({ page }) => {
  await loginDemo(page, 'inzage@gemeenteportaal.demo');
  const w = walk(page, 'inzage');
  await w.step('start');
  await menu(page, 'Uploadgeschiedenis');
  await w.step('uploads');
  await page.getByRole('main').getByRole('table').getByRole('link').first().click();
  await expect(page.getByTestId('status')).toBeVisible();
  await w.step('upload');
  await menu(page, 'Spiegelrapportage');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download interne versie als PDF' }).click();
  expect((await (await download).suggestedFilename()).endsWith('.pdf')).toBe(true);
  await w.step('spiegelrapportage');
  expect(w.problems()).toEqual([]);
});

test('municipality: compares providers on uitval, narrows down, prepares a kwaliteitsgesprek', async ({ page }) => {
  const since = new Date();
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  const w = walk(page, 'gemeente');
  await w.step('start');
  await menu(page, 'Dashboard');
  await w.step('dashboard');
  await page.getByRole('heading', { level: 2, name: 'Uitval' }).getByRole('link').click();
  await grouping(page, 'Per aanbieder');
  await expect(page.getByRole('figure', { name: /per aanbieder, van hoog naar laag/ })).toBeVisible();
  await w.step('uitval-per-aanbieder');
  await page.getByText('Meer filters').click();
  await page.getByRole('group', { name: 'Verwijzer' }).getByLabel('02 huisarts').check();
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page.getByTestId('actieve-filters')).toContainText('Verwijzer: 02 huisarts');
  await w.step('gefilterd');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await menu(page, 'Kwaliteitsgesprekken');
  await w.step('gesprekken');
  const form = page.getByRole('form', { name: 'Gesprek voorbereiden' });
  await form.getByLabel('Aanbieder').selectOption({ label: 'Vitaal Jeugd (98100007)' });
  await form.getByRole('button', { name: 'Voorbereiden' }).click();
  await expect(page.getByRole('region', { name: 'De vastgelegde cijfers' })).toContainText('Uitval');
  await w.step('gesprek');
  expect(w.problems()).toEqual([]);
  await expectWithinViewBudget('gemeente@gemeenteportaal.demo', since);
});

test('region: compares its municipalities and follows one over the quarters', async ({ page }) => {
  const since = new Date();
  await loginDemo(page, 'regio@gemeenteportaal.demo');
  const w = walk(page, 'regio');
  await w.step('start');
  await menu(page, 'Dashboard');
  await w.step('dashboard');
  await page.getByRole('heading', { level: 2, name: 'Zonder hulp verder' }).getByRole('link').click();
  await grouping(page, 'Per gemeente');
  await expect(page.getByRole('figure', { name: /per gemeente, van hoog naar laag/ })).toBeVisible();
  await w.step('per-gemeente');
  await page.getByText('Meer filters').click();
  await page.getByRole('searchbox', { name: 'Zoeken in gemeente' }).fill('Goirle');
  // one municipality or all (a region's grammar): a radio button
  await page
    .getByRole('group', { name: 'Gemeente' })
    .getByRole('radio', { name: /Goirle/ })
    .check();
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await grouping(page, 'Per kwartaal');
  await expect(page.getByTestId('actieve-filters')).toContainText('Gemeente: Gemeente Goirle');
  await expect(page.getByRole('figure', { name: /door de tijd/ })).toBeVisible();
  await w.step('goirle-per-kwartaal');
  expect(w.problems()).toEqual([]);
  await expectWithinViewBudget('regio@gemeenteportaal.demo', since);
});

test('TTP: invites an account, reads the agreements and searches the audit log', async ({ page }) => {
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  const w = walk(page, 'ttp');
  await w.step('start');
  await menu(page, 'Accounts');
  const invite = page.getByRole('form', { name: 'Account uitnodigen' });
  const email = `wim-${Date.now()}@goirle.nl`;
  await invite.getByLabel('Naam').fill('Wim Wandeling');
  await invite.getByLabel('E-mailadres').fill(email);
  await invite.getByLabel('Organisatie').selectOption({ label: 'Gemeente Goirle (gemeente)' });
  await invite.getByLabel('Rol').selectOption('GEMEENTE');
  await invite.getByRole('button', { name: 'Uitnodigen' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  // the accounts table fits a 1366 px screen: its actions are not cut off (issue 13)
  await page.setViewportSize({ width: 1366, height: 900 });
  expect(await page.locator('.tabel-scroll').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await w.step('uitgenodigd');
  await menu(page, 'Verwerkersovereenkomsten');
  await w.step('overeenkomsten');
  await menu(page, 'Auditlog');
  // searched by the Dutch words it shows, not by an internal code
  await page.getByLabel('Actie').fill('uitgenodigd');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('main').getByRole('table')).toContainText(email);
  await w.step('auditlog');
  expect(w.problems()).toEqual([]);
});
