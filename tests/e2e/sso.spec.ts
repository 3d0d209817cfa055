import { type Browser, expect, type Page, test } from '@playwright/test';
import { startTestIdp, type TestIdp } from '../fixtures/test-idp';
import { loginDemo, loginNew, orgId, sql } from './helpers/accounts';
import { confirmAction } from './helpers/confirm';

// Single sign-on (issue 16) in Chromium against a real OpenID provider started in this test
// process (tests/fixtures/test-idp.ts): the TTP sets it up and invites an account, the employee
// logs in at "their organisation" without a portal password, and every trick to get in without MFA,
// as another tenant, with a replayed callback or another issuer's code fails, with a Dutch reason.

const DOMAIN = 'waalwijk-sso.test';
let idp: TestIdp;
let foreign: TestIdp;
let callbackUrl = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  idp = await startTestIdp(3197, 'waalwijk');
  foreign = await startTestIdp(3196, 'waalwijk'); // same client id, another issuer
});
test.afterAll(async () => {
  await idp?.close();
  await foreign?.close();
});

async function ssoLogin(page: Page, email: string, atIdp = email) {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres van het werk').fill(email);
  await page.getByRole('button', { name: 'Verder naar uw organisatie' }).click();
  await expect(page.getByRole('heading', { name: 'Testorganisatie: inloggen' })).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toHaveValue(email); // login_hint passed on
  await page.getByLabel('E-mailadres').fill(atIdp);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** The page's own error message (Next.js's route announcer is an alert too). */
const refusal = (page: Page) => page.locator('p.melding-fout[role="alert"]');

async function fresh(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('the TTP sets up single sign-on for Waalwijk (two admins) and invites an account that needs no password', async ({
  page,
  browser,
}) => {
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  await page.goto('/beheer/inlogdiensten');
  const form = page.getByRole('form', { name: 'Inlogdienst instellen' });
  await form.getByLabel('Organisatie').selectOption({ label: 'Gemeente Waalwijk (gemeente)' });
  await form.getByLabel('Issuer').fill(idp.issuer);
  await form.getByLabel('Client-ID').fill(idp.clientId);
  await form.getByLabel('Clientgeheim').fill(idp.clientSecret);
  await form.getByLabel('E-maildomeinen').fill(DOMAIN);
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De inlogdienst van Gemeente Waalwijk is opgeslagen');
  const row = page.getByRole('row').filter({ hasText: 'Gemeente Waalwijk' });
  // four eyes: the admin who saved it cannot turn it on; a second admin does
  await expect(row).toContainText('uit; een tweede beheerder zet haar aan');
  await expect(row.getByRole('button', { name: /Aanzetten/ })).toHaveCount(0);
  const [ttpOrg] = await sql<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'TTP'`);
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await loginNew(secondPage, 'TTP_BEHEER', ttpOrg.id);
  await secondPage.goto('/beheer/inlogdiensten');
  await secondPage.getByRole('button', { name: 'Aanzetten: inlogdienst van Gemeente Waalwijk' }).click();
  await expect(secondPage.getByRole('status')).toBeVisible();
  await second.close();
  await page.reload();
  await expect(row.getByRole('cell', { name: 'aan', exact: true })).toBeVisible();
  callbackUrl = (await row.locator('code').filter({ hasText: '/api/auth/callback/' }).textContent())!.trim();
  expect(callbackUrl).toBe(`${new URL(page.url()).origin}/api/auth/callback/sso-${await orgId({ cbs: '0867' })}`);
  idp.allowRedirect(callbackUrl);
  foreign.allowRedirect(callbackUrl);
  const [stored] = await sql<{ client_secret_enc: string }>('SELECT client_secret_enc FROM sso_connection');
  expect(stored.client_secret_enc).not.toContain(idp.clientSecret);

  await page.goto('/beheer/accounts');
  const invite = page.getByRole('form', { name: 'Account uitnodigen' });
  await invite.getByLabel('Naam').fill('Wendy Waalwijk');
  await invite.getByLabel('E-mailadres').fill(`wendy@${DOMAIN}`);
  await invite.getByLabel('Organisatie').selectOption({ label: 'Gemeente Waalwijk (gemeente)' });
  await invite.getByLabel('Rol').selectOption('GEMEENTE');
  await invite.getByRole('button', { name: 'Uitnodigen' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const [mail] = await sql<{ body: string }>(`SELECT body FROM outbox_mail WHERE "to" = $1`, [`wendy@${DOMAIN}`]);
  expect(mail.body).toContain('Inloggen via uw organisatie');
  expect(mail.body).not.toContain('wachtwoord-herstellen');
});

test('an employee logs in through the identity provider with MFA and lands on her own dashboard', async ({
  browser,
}) => {
  const wendy = idp.addAccount({ email: `wendy@${DOMAIN}`, amr: ['pwd', 'mfa'] });
  const { context, page } = await fresh(browser);
  let callback = '';
  page.on('request', (r) => {
    if (r.url().startsWith(callbackUrl)) callback = r.url();
  });
  await ssoLogin(page, wendy.email);
  await expect(page).toHaveURL(/\/gemeente/);
  await expect(page.getByText('Gemeente Waalwijk').first()).toBeVisible();
  const [user] = await sql<{ password_hash: string | null; sso_subject: string }>(
    'SELECT password_hash, sso_subject FROM app_user WHERE email = $1',
    [wendy.email],
  );
  expect(user).toEqual({ password_hash: null, sso_subject: `${idp.issuer}|${wendy.sub}` });

  // the same callback (code + state) replayed in another browser gets nobody in
  expect(callback).toContain('code=');
  const thief = await fresh(browser);
  await thief.page.goto(callback);
  await expect(thief.page).toHaveURL(/\/inloggen/);
  await expect(refusal(thief.page)).toContainText('Inloggen via uw organisatie is niet gelukt');
  await thief.page.goto('/gemeente');
  await expect(thief.page).toHaveURL(/\/inloggen/);
  await thief.context.close();
  await context.close();
});

test('without MFA, as another tenant, or with another issuer: refused with the reason in Dutch', async ({
  browser,
}) => {
  await sql(
    `INSERT INTO app_user (id, email, name, role, organisation_id) VALUES (gen_random_uuid(), $1, 'Zonder MFA', 'GEMEENTE', $2)`,
    [`zonder-mfa@${DOMAIN}`, await orgId({ cbs: '0867' })],
  );
  idp.addAccount({ email: `zonder-mfa@${DOMAIN}`, amr: ['pwd'] });
  const a = await fresh(browser);
  await ssoLogin(a.page, `zonder-mfa@${DOMAIN}`);
  await expect(a.page).toHaveURL(/\/inloggen\?sso=GEEN_MFA/);
  await expect(refusal(a.page)).toContainText('niet met tweestapsverificatie (MFA)');
  await a.page.goto('/gemeente');
  await expect(a.page).toHaveURL(/\/inloggen/);
  await a.context.close();

  // Waalwijk's identity provider vouches for the demo municipality Tilburg's account
  idp.addAccount({ email: 'gemeente@gemeenteportaal.demo', amr: ['pwd', 'mfa'] });
  const b = await fresh(browser);
  await ssoLogin(b.page, `wendy@${DOMAIN}`, 'gemeente@gemeenteportaal.demo');
  await expect(b.page).toHaveURL(/\/inloggen\?sso=ANDER_DOMEIN/);
  await expect(refusal(b.page)).toContainText('hoort niet bij de inlogdienst');
  await b.page.goto('/gemeente');
  await expect(b.page).toHaveURL(/\/inloggen/);
  await b.context.close();

  // the authorization request is sent to another issuer (same client id, our callback allowed there):
  // its code and its `iss` are not the configured issuer's, so nobody gets in
  foreign.addAccount({ email: `wendy@${DOMAIN}`, amr: ['pwd', 'mfa'] });
  const c = await fresh(browser);
  await c.page.route(`${idp.issuer}/**`, (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith('/auth')) return route.continue();
    return route.fulfill({ status: 302, headers: { location: `${foreign.issuer}${url.pathname}${url.search}` } });
  });
  await ssoLogin(c.page, `wendy@${DOMAIN}`);
  await expect(c.page).toHaveURL(/\/inloggen/);
  await expect(refusal(c.page)).toContainText('Inloggen via uw organisatie is niet gelukt');
  await c.page.goto('/gemeente');
  await expect(c.page).toHaveURL(/\/inloggen/);
  await c.context.close();

  // an address whose domain has no single sign-on is told so before anything leaves the portal
  const d = await fresh(browser);
  await d.page.goto('/inloggen');
  await d.page.getByLabel('E-mailadres van het werk').fill('iemand@elders.test');
  await d.page.getByRole('button', { name: 'Verder naar uw organisatie' }).click();
  await expect(refusal(d.page)).toContainText('niet ingesteld');
  await d.context.close();
});

test('a leaver loses access: disabled at the identity provider, or deactivated in the portal', async ({
  browser,
  page,
}) => {
  const leaver = idp.addAccount({ email: `vertrekker@${DOMAIN}`, amr: ['mfa'] });
  const mover = idp.addAccount({ email: `blijver@${DOMAIN}`, amr: ['mfa'] });
  for (const email of [leaver.email, mover.email])
    await sql(
      `INSERT INTO app_user (id, email, name, role, organisation_id) VALUES (gen_random_uuid(), $1, 'SSO', 'GEMEENTE', $2)`,
      [email, await orgId({ cbs: '0867' })],
    );
  const a = await fresh(browser);
  await ssoLogin(a.page, leaver.email);
  await expect(a.page).toHaveURL(/\/gemeente/);
  idp.disable(leaver.sub); // IT disables the account; the e2e server re-asks every 5 s
  await a.page.waitForTimeout(6_000);
  await a.page.goto('/gemeente');
  await expect(a.page).toHaveURL(/\/inloggen\?beeindigd/);
  await expect(a.page.getByText('Uw toegang is beëindigd')).toBeVisible();
  await a.context.close();

  const b = await fresh(browser);
  await ssoLogin(b.page, mover.email);
  await expect(b.page).toHaveURL(/\/gemeente/);
  await loginDemo(page, 'beheer@gemeenteportaal.demo');
  await page.goto('/beheer/accounts');
  // two deliberate clicks: the first only asks, and the account is still active then
  await confirmAction(page.getByRole('row').filter({ hasText: mover.email }), 'Deactiveren', async () => {
    const [row] = await sql<{ active: boolean }>('SELECT active FROM app_user WHERE email = $1', [mover.email]);
    expect(row.active).toBe(true);
  });
  await expect(page.getByRole('status')).toBeVisible();
  await b.page.goto('/gemeente');
  await expect(b.page).toHaveURL(/\/inloggen/);
  await b.context.close();

  const audit = await sql<{ event: string }>(
    `SELECT event FROM audit_log WHERE event LIKE 'inloggen.sso.%' OR event = 'sessie.beeindigd'`,
  );
  expect(audit.map((r) => r.event)).toEqual(
    expect.arrayContaining(['inloggen.sso.gelukt', 'inloggen.sso.geweigerd', 'sessie.beeindigd']),
  );
});
