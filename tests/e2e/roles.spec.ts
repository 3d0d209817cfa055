import { expect, test } from '@playwright/test';
import { loginDemo, sql } from './helpers/accounts';

// Each role logs in with 2FA and lands on its own start page, with only its own navigation.
const ROLES = [
  {
    email: 'beheer@gemeenteportaal.demo',
    path: '/beheer',
    heading: 'Beheer',
    nav: ['Organisaties', 'Uitgaande e-mail'],
    notNav: ['Aanleveren', 'Dashboard'],
  },
  {
    email: 'aanbieder@gemeenteportaal.demo',
    path: '/aanbieder',
    heading: 'Jeugdhulp Midden-Brabant',
    nav: ['Aanleveren', 'Dashboard', 'Spiegelrapportage', 'API-tokens', 'Uw gegevens'],
    notNav: ['Accounts', 'Verwerkingsregister'],
  },
  {
    email: 'inzage@gemeenteportaal.demo',
    path: '/aanbieder',
    heading: 'Jeugdhulp Midden-Brabant',
    nav: ['Uploadgeschiedenis', 'Uw gegevens'],
    notNav: ['Auditlog', 'API-tokens'],
  },
  {
    email: 'gemeente@gemeenteportaal.demo',
    path: '/gemeente',
    heading: 'Gemeente Tilburg',
    nav: ['Dashboard', 'Kwaliteitsgesprekken'],
    notNav: ['Aanleveren', 'Accounts'],
  },
  {
    email: 'regio@gemeenteportaal.demo',
    path: '/gemeente',
    heading: 'Regio Hart van Brabant',
    nav: ['Dashboard'],
    notNav: ['Uitgaande e-mail'],
  },
];

for (const role of ROLES) {
  test(`${role.email} logt in met 2FA en ziet de eigen startpagina`, async ({ page }) => {
    await loginDemo(page, role.email, { fresh: true });
    await expect(page).toHaveURL(new RegExp(`${role.path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(role.heading);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const item of role.nav) await expect(nav).toContainText(item);
    for (const item of role.notNav) await expect(nav).not.toContainText(item);
  });
}

test('the region sees its nine municipalities; the provider its agreement and own figures', async ({ page }) => {
  await loginDemo(page, 'regio@gemeenteportaal.demo');
  await expect(page.getByText('de 9 gemeenten in uw regio')).toBeVisible();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
  await loginDemo(page, 'aanbieder2@gemeenteportaal.demo');
  await expect(page.getByTestId('overeenkomst')).toContainText('ondertekend');
  await expect(page.getByLabel('Kerncijfers van uw aanlevering')).toContainText('Trajectrecords');
});

test('logging out ends the session on the server, also for a copied cookie', async ({ page, context }) => {
  await loginDemo(page, 'inzage@gemeenteportaal.demo');
  const cookies = await context.cookies();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen\?uitgelogd/);
  await context.addCookies(cookies); // replay the old session cookie
  await page.goto('/aanbieder');
  await expect(page).toHaveURL(/\/inloggen/);
});

test('a session idle for more than 30 minutes ends, with a message', async ({ page }) => {
  await loginDemo(page, 'hilvarenbeek@gemeenteportaal.demo');
  await sql(
    `UPDATE session SET last_seen_at = now() - interval '31 minutes'
     WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE email = 'hilvarenbeek@gemeenteportaal.demo')`,
  );
  await page.goto('/gemeente');
  await expect(page).toHaveURL(/\/inloggen\?verlopen/);
  await expect(page.getByText('Uw sessie is verlopen')).toBeVisible();
});
