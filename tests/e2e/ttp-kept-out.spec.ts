import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import { startTestIdp, type TestIdp } from '../fixtures/test-idp';
import { enterCredentials, loginDemo, orgId, sql } from './helpers/accounts';
import { confirmAction } from './helpers/confirm';

// The TTP sees no figures (docs/security.md, "The TTP kept out of the figures"). This test is a TTP
// admin who tries every admin action and page to get a session that can read Tilburg's figures:
// invite an account, ask a password reset and a 2FA reset for an existing one, read the outbox and
// every other admin page for a link, connect an identity provider of their own. Whatever link or
// login it finds, it uses; in the end no session it holds opens a figure, an export or an API answer.

const TAKEN_PASSWORD = 'Overgenomen-wachtwoord-1';
const DOMAIN = 'tilburg-kept-out.test';
const ADMIN_PAGES = [
  '/beheer',
  '/beheer/accounts',
  '/beheer/mail',
  '/beheer/organisaties',
  '/beheer/inlogdiensten',
  '/beheer/aanmeldingen',
  '/beheer/overeenkomsten',
  '/beheer/api-tokens',
  '/beheer/auditlog',
  '/beheer/verwerking',
  '/beheer/volwassenheid',
  '/beheer/verwerkingsregister',
];

let idp: TestIdp;
test.beforeAll(async () => {
  idp = await startTestIdp(3195, 'overname');
});
test.afterAll(async () => {
  await sql(`DELETE FROM sso_connection WHERE $1 = ANY(domains)`, [DOMAIN]);
  await idp?.close();
});

/** Whether this browser context's session opens any figure: a dashboard page, an export, the API. */
async function opensFigures(context: BrowserContext): Promise<string[]> {
  const opened: string[] = [];
  for (const url of ['/dashboard', '/dashboard/uitval', '/spiegelrapportage']) {
    const res = await context.request.get(url, { maxRedirects: 0 });
    if (res.status() === 200) opened.push(url);
  }
  for (const url of [
    '/api/dashboard/uitval/export?formaat=csv',
    '/api/dashboard/uitval/export?formaat=xlsx',
    '/api/v1/indicatoren/uitval',
  ]) {
    const res = await context.request.get(url, { maxRedirects: 0 });
    if (res.status() === 200) opened.push(url);
  }
  return opened;
}

/** Every one-time account link in the page's HTML (text, attributes, hidden fields). */
async function accountLinks(page: Page): Promise<string[]> {
  const html = await page.content();
  return [...html.matchAll(/\/wachtwoord-herstellen\?token=([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
}

/** A Tilburg employee with a password and an authenticator, as after a normal enrolment. */
async function tilburgEmployee(browser: Browser) {
  const email = `medewerker-${randomUUID().slice(0, 6)}@${DOMAIN}`;
  await sql(
    `INSERT INTO app_user (id, email, name, role, organisation_id, password_hash) VALUES (gen_random_uuid(), $1, 'Medewerker Tilburg', 'GEMEENTE', $2, $3)`,
    [email, await orgId({ cbs: '0855' }), await hash('Eigen-wachtwoord-van-haar-1')],
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await enterCredentials(page, email, 'Eigen-wachtwoord-van-haar-1');
  const secret = (await page.getByTestId('totp-sleutel').textContent())!.trim();
  await page.getByLabel('Code uit uw authenticator-app').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/gemeente$/);
  await context.close();
  return email;
}

/** Uses a found link: a password of the attacker's choosing, then the login, enrolling 2FA when asked. */
async function takeOver(browser: Browser, token: string, emails: string[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/wachtwoord-herstellen?token=${token}`);
  const field = page.getByLabel('Nieuw wachtwoord', { exact: true });
  if ((await field.count()) === 0) return context;
  await field.fill(TAKEN_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(TAKEN_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await page.getByText('Uw wachtwoord is gewijzigd.').waitFor({ timeout: 10_000 });
  for (const email of emails) await tryPasswordLogin(page, email);
  return context;
}

async function tryPasswordLogin(page: Page, email: string) {
  await enterCredentials(page, email, TAKEN_PASSWORD);
  const enrol = page.getByTestId('totp-sleutel');
  const outcome = await Promise.race([
    enrol.waitFor({ timeout: 10_000 }).then(() => 'enrol' as const),
    page
      .getByText('Het e-mailadres of het wachtwoord is onjuist.')
      .waitFor({ timeout: 10_000 })
      .then(() => 'refused' as const),
    page
      .getByLabel('Code uit uw authenticator-app')
      .waitFor({ timeout: 10_000 })
      .then(() => 'code' as const),
  ]).catch(() => 'nothing' as const);
  if (outcome !== 'enrol') return;
  const secret = (await enrol.textContent())!.trim();
  await page.getByLabel('Code uit uw authenticator-app').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForLoadState('networkidle');
}

test('a TTP admin gets no session that reads figures, whatever admin action or page it uses', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const victim = await tilburgEmployee(browser);
  const invited = `nieuw-${randomUUID().slice(0, 6)}@${DOMAIN}`;
  const sessions: BrowserContext[] = [page.context()];

  await loginDemo(page, 'beheer@gemeenteportaal.demo', { fresh: true });

  // 1. Invite a municipal account for Tilburg, and send the invitation once more.
  await page.goto('/beheer/accounts');
  const invite = page.getByRole('form', { name: 'Account uitnodigen' });
  await invite.getByLabel('Naam').fill('Nieuwe Medewerker');
  await invite.getByLabel('E-mailadres').fill(invited);
  await invite.getByLabel('Organisatie').selectOption({ label: 'Gemeente Tilburg (gemeente)' });
  await invite.getByLabel('Rol').selectOption('GEMEENTE');
  await invite.getByRole('button', { name: 'Uitnodigen' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const invitedRow = page.getByRole('row').filter({ hasText: invited.split('@')[0] });
  await invitedRow.getByRole('button', { name: `Uitnodiging opnieuw: ${invited}` }).click();
  await expect(page.getByRole('status')).toBeVisible();

  // 2. A password reset for the existing employee, through the public form anyone can use.
  const anon = await browser.newContext();
  const forgot = await anon.newPage();
  await forgot.goto('/wachtwoord-vergeten');
  await forgot.getByLabel('E-mailadres', { exact: true }).fill(victim);
  await forgot.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(forgot.getByText('Als dit e-mailadres bij ons bekend is')).toBeVisible();
  await anon.close();

  // 3. "2FA resetten" for the employee.
  await page.goto('/beheer/accounts');
  await confirmAction(page.getByRole('row').filter({ hasText: victim.split('@')[0] }), '2FA resetten');
  await expect(page.getByRole('status').or(page.locator('.melding-fout'))).toBeVisible();

  // 4. Every admin page, read for a link; the mails may be sent after the answer, so wait a little.
  await page.waitForTimeout(2_000);
  const tokens = new Set<string>();
  for (const url of ADMIN_PAGES) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    for (const t of await accountLinks(page)) tokens.add(t);
  }

  // 5. Use whatever was found.
  for (const token of tokens) sessions.push(await takeOver(browser, token, [victim, invited]));
  for (const email of [victim, invited]) {
    const context = await browser.newContext();
    sessions.push(context);
    await tryPasswordLogin(await context.newPage(), email);
  }

  // 6. The password route closed, an identity provider of the admin's own for Tilburg, vouching for
  // both addresses with MFA.
  const opened: string[] = [];
  for (const [i, context] of sessions.entries())
    for (const url of await opensFigures(context)) opened.push(`sessie ${i} (wachtwoord): ${url}`);
  await page.goto('/beheer/inlogdiensten');
  const form = page.getByRole('form', { name: 'Inlogdienst instellen' });
  await form.getByLabel('Organisatie').selectOption({ label: 'Gemeente Tilburg (gemeente)' });
  await form.getByLabel('Issuer').fill(idp.issuer);
  await form.getByLabel('Client-ID').fill(idp.clientId);
  await form.getByLabel('Clientgeheim').fill(idp.clientSecret);
  await form.getByLabel('E-maildomeinen').fill(DOMAIN);
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').or(page.locator('.melding-fout'))).toBeVisible();
  idp.allowRedirect(`${new URL(page.url()).origin}/api/auth/callback/sso-${await orgId({ cbs: '0855' })}`);

  for (const email of [victim, invited]) {
    const context = await browser.newContext();
    sessions.push(context);
    idp.addAccount({ email, amr: ['pwd', 'mfa'] });
    const sso = await context.newPage();
    await sso.goto('/inloggen');
    await sso.getByLabel('E-mailadres van het werk').fill(email);
    await sso.getByRole('button', { name: 'Verder naar uw organisatie' }).click();
    const atIdp = sso.getByRole('heading', { name: 'Testorganisatie: inloggen' });
    if (
      await atIdp.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await sso.getByLabel('E-mailadres').fill(email);
      await sso.getByRole('button', { name: 'Aanmelden' }).click();
      await sso.waitForLoadState('networkidle');
    }
  }

  // 7. No session the admin holds opens a figure, an export or an API answer.
  for (const [i, context] of sessions.entries())
    for (const url of await opensFigures(context)) opened.push(`sessie ${i} (SSO): ${url}`);
  expect(opened).toEqual([]);
  for (const context of sessions.slice(1)) await context.close();
});
