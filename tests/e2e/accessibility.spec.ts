import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loginDemo } from './helpers/accounts';

const serious = (violations: { impact?: string | null; id: string }[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);

test('login page: no serious accessibility problems, usable at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/inloggen');
  expect(serious((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expect(page.getByText('Door in te loggen verklaart u')).toBeVisible();
});

test('the public aanmelding: no serious accessibility problems, usable at 320 px, also with errors shown', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/aanmelden');
  expect(serious((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Vul de naam van uw organisatie in.');
  expect(serious((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);
});

test('the onboarding admin pages: no serious accessibility problems', async ({ page }) => {
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  for (const url of [
    '/beheer/aanmeldingen',
    '/beheer/overeenkomsten',
    '/beheer/organisaties',
    '/beheer/verwerkingsregister',
  ]) {
    await page.goto(url);
    expect(serious((await new AxeBuilder({ page }).analyze()).violations), url).toEqual([]);
  }
});

test('spiegelrapportage and kwaliteitsgesprekken: no serious accessibility problems', async ({ page }) => {
  await loginDemo(page, 'aanbieder@gemeenteportaal.demo');
  for (const url of ['/spiegelrapportage', '/kwaliteitsgesprekken', '/aanbieder/gegevens']) {
    await page.goto(url);
    expect(serious((await new AxeBuilder({ page }).analyze()).violations), url).toEqual([]);
  }
});

test('a start page: no serious accessibility problems, usable at 320 px', async ({ page }) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  await page.setViewportSize({ width: 320, height: 640 });
  expect(serious((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the dashboards: no serious accessibility problems, usable at 320 px', async ({ page }) => {
  await loginDemo(page, 'hilvarenbeek@gemeenteportaal.demo');
  for (const url of ['/dashboard', '/dashboard/clienttevredenheid?groep=aanbieder&verwijzer=01']) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    expect(serious((await new AxeBuilder({ page }).analyze()).violations), url).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
  }
});
