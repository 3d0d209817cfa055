import { expect, test } from '@playwright/test';
import { loginDemo } from './helpers/accounts';
import { axeViolations } from './helpers/axe';

test('login page: no accessibility problems, usable at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/inloggen');
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expect(page.getByText('Door in te loggen verklaart u')).toBeVisible();
});

test('the public aanmelding: no accessibility problems, usable at 320 px, also with errors shown', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/aanmelden');
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  const summary = page.getByRole('main').getByRole('alert');
  await expect(summary).toContainText('Vul de naam van uw organisatie in.');
  // each problem links to its field, which is marked invalid and names its problem
  const field = page.getByLabel('Naam van de organisatie');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('Vul de naam van uw organisatie in.');
  await summary.getByRole('link', { name: 'Vul de naam van uw organisatie in.' }).click();
  await expect(field).toBeFocused();
  // a half-filled account row points at that row's own field
  await page.getByLabel('Naam (account 3)').fill('Piet Planner');
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(page.getByLabel('E-mailadres (account 3)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('E-mailadres (account 1)')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await axeViolations(page)).toEqual([]);
});

test('the onboarding admin pages: no accessibility problems', async ({ page }) => {
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  for (const url of [
    '/beheer/aanmeldingen',
    '/beheer/overeenkomsten',
    '/beheer/organisaties',
    '/beheer/verwerkingsregister',
    '/beheer/overzichten',
  ]) {
    await page.goto(url);
    expect(await axeViolations(page), url).toEqual([]);
  }
});

test('spiegelrapportage and kwaliteitsgesprekken: no accessibility problems', async ({ page }) => {
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  for (const url of ['/spiegelrapportage', '/kwaliteitsgesprekken', '/aanbieder/gegevens']) {
    await page.goto(url);
    expect(await axeViolations(page), url).toEqual([]);
  }
});

test('a start page: no accessibility problems, usable at 320 px', async ({ page }) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the dashboards: no accessibility problems, usable at 320 px', async ({ page }) => {
  await loginDemo(page, 'hilvarenbeek@gemeenteportaal.demo');
  for (const url of ['/dashboard', '/dashboard/clienttevredenheid?groep=aanbieder&verwijzer=01']) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    expect(await axeViolations(page), url).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
  }
});

test('the other public pages and "niet gevonden": no accessibility problems, in the site layout', async ({ page }) => {
  for (const url of [
    '/bestandsformaat',
    '/wachtwoord-vergeten',
    '/wachtwoord-herstellen?token=onzin',
    '/bestaat-niet',
  ]) {
    await page.goto(url);
    expect(await axeViolations(page), url).toEqual([]);
  }
  // the 404 page has the site header with a way home (issue 13: it had none)
  await expect(page.getByRole('heading', { level: 1, name: 'Niet gevonden' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Gemeenteportaal' })).toHaveAttribute('href', '/');
  // inside the portal a missing object keeps the portal's own header and menu
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  await page.goto('/aanbieder/uploads/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Niet gevonden' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
