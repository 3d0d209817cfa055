import { expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import { createAccount, enterCredentials, loginDemo, orgId, sql } from './helpers/accounts';
import { firstLink, mailTo } from './helpers/mailbox';

async function requestResetLink(page: Page, email: string) {
  await page.goto('/wachtwoord-vergeten');
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByText('Als dit e-mailadres bij ons bekend is')).toBeVisible();
}

test('first login enrols 2FA with a QR code and lands on the start page', async ({ page }) => {
  const { email, password } = await createAccount('GEMEENTE', await orgId({ cbs: '0785' }));
  await enterCredentials(page, email, password);
  await expect(page.getByRole('heading', { name: 'Tweestapsverificatie instellen' })).toBeVisible();
  await expect(page.getByAltText('QR-code voor uw authenticator-app')).toBeVisible();
  const secret = (await page.getByTestId('totp-sleutel').textContent())!.trim();
  await page.getByLabel('Code uit uw authenticator-app').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/gemeente$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gemeente Goirle');
  const [row] = await sql<{ enabled: boolean }>(
    `SELECT totp_enabled_at IS NOT NULL AS enabled FROM app_user WHERE email = $1`,
    [email],
  );
  expect(row.enabled).toBe(true);
});

test('five wrong passwords lock the account: the form says no more than to anyone, the owner gets an e-mail', async ({
  page,
}) => {
  const { email } = await createAccount('AANBIEDER_INZAGE', await orgId({ agb: '98100003' }));
  for (let i = 0; i < 5; i++) {
    await enterCredentials(page, email, `fout-wachtwoord-${i}`);
    await expect(page.getByText('Het e-mailadres of het wachtwoord is onjuist.')).toBeVisible();
  }
  // Locked: even the right password gets the same answer as an unknown address…
  await enterCredentials(page, email, 'E2e-wachtwoord-123');
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Het e-mailadres of het wachtwoord is onjuist.')).toBeVisible();
  await expect(page.getByLabel('Code uit uw authenticator-app')).toHaveCount(0); // unlocked, it would ask for the code
  await expect(page).toHaveURL(/\/inloggen/);
  // … and the owner learns of the lock by e-mail.
  const mails = await sql<{ subject: string }>(`SELECT subject FROM outbox_mail WHERE "to" = $1`, [email]);
  expect(mails.map((m) => m.subject)).toEqual(['Uw account is tijdelijk geblokkeerd']);
});

test('a wrong password gets one message that does not reveal whether the account exists', async ({ page }) => {
  await enterCredentials(page, 'bestaat-niet@test.nl', 'wat-dan-ook-123');
  await expect(page.getByText('Het e-mailadres of het wachtwoord is onjuist.')).toBeVisible();
});

test('password reset: link from the outbox, new password, then login', async ({ page }) => {
  const { email } = await createAccount('GEMEENTE', await orgId({ cbs: '0766' }));
  await requestResetLink(page, email);
  const link = firstLink(await mailTo(email));
  await page.goto(link);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Mijn-nieuwe-wachtwoord-9');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('Mijn-nieuwe-wachtwoord-9');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Uw wachtwoord is gewijzigd.')).toBeVisible();
  await enterCredentials(page, email, 'Mijn-nieuwe-wachtwoord-9');
  await expect(page.getByRole('heading', { name: 'Tweestapsverificatie instellen' })).toBeVisible();
  // the link works once, and a used or made-up link says so before anyone types a password (issue 13)
  for (const url of [link, '/wachtwoord-herstellen?token=verzonnen-token']) {
    await page.goto(url);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan.',
    );
    await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveCount(0);
  }
});

test('the TTP reads the outbox', async ({ page }) => {
  const { email } = await createAccount('GEMEENTE', await orgId({ cbs: '0824' }));
  await requestResetLink(page, email);
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  await page.getByRole('link', { name: 'Uitgaande e-mail' }).click();
  await expect(page.getByRole('table')).toContainText(email);
  // to whom and why, never the link: that reaches only the addressee
  await expect(page.getByRole('table')).toContainText('alleen in de e-mail aan de geadresseerde');
  expect(await page.content()).not.toContain('token=');

  // the audit log: searchable, exportable, and reading it is logged too
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' }).click();
  // searched by the Dutch words the log shows, not by internal codes
  await page.getByLabel('Actie', { exact: true }).fill('wachtwoordherstel');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/actie=wachtwoordherstel/);
  await expect(page.getByRole('table')).toContainText('wachtwoordherstel aangevraagd');
  await expect(page.getByRole('table')).not.toContainText('ingelogd');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporteer als CSV' }).click();
  const csv = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8');
  expect(csv).toContain('tijd_utc;tijd_nl;actie;code;gebruiker');
  expect(csv).toContain('wachtwoordherstel aangevraagd;wachtwoord.herstel.aangevraagd');
  const [{ n }] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE event = 'audit:view' AND user_email = 'beheer@gemeenteportaal.demo'`,
  );
  expect(n).toBeGreaterThanOrEqual(2);

  // the processing monitor: every provider's files, errors counted, never the values
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Verwerking', exact: true })
    .click();
  const table = page.getByRole('table');
  await expect(table).toContainText('Jeugdhulp Midden-Brabant');
  await expect(table).toContainText('Stichting Kompasroos Jeugd & Gezin');
  await expect(table).toContainText('ONBEKENDE_CODE: 1');
  await expect(table).toContainText('Het scheidingsteken is niet herkend');
  await expect(page.getByText('Volgende nachtelijke run')).toBeVisible();
});

test('opened under another host name than APP_URL, the login page says where the portal is', async ({ page }) => {
  const own = new URL(process.env.APP_URL!);
  const other = `http://127.0.0.1:${own.port}`;
  await page.goto(`${other}/inloggen`);
  const notice = page.getByTestId('ander-adres');
  await expect(notice).toContainText(`maar het portaal staat op ${own.origin}`);
  await expect(notice.getByRole('link')).toHaveAttribute('href', `${own.origin}/inloggen`);
  // trying anyway is refused with a message, not silence
  await page.getByLabel('E-mailadres', { exact: true }).fill('gemeente@gemeenteportaal.demo');
  await page.getByLabel('Wachtwoord').fill('wat-dan-ook-123');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(
    page.getByText('Inloggen is geweigerd: deze pagina staat niet op het adres van het portaal.'),
  ).toBeVisible();
  // on its own address there is no such notice
  await page.goto(`${own.origin}/inloggen`);
  await expect(page.getByRole('heading', { name: 'Inloggen', exact: true })).toBeVisible();
  await expect(page.getByTestId('ander-adres')).toHaveCount(0);
});
