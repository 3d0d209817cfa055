import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { exampleRecords, toCsv } from '../../lib/cbs/write-files';
import { loginDemo, sql } from './helpers/accounts';
import { firstLink, mailTo } from './helpers/mailbox';

// The whole onboarding of a new provider (docs/domain.md): the public aanmelding → the TTP accepts it and
// sends the verwerkersovereenkomst → records the signed PDF → the requested account gets its
// invitation, sets a password and enrols 2FA → the provider delivers a production file.
test('a provider goes from aanmelding to its first production file', async ({ browser }) => {
  const agb = String(randomInt(97_000_000, 97_999_999));
  const name = `Jeugdhulp Onboarding ${agb}`;
  const email = `upload-${agb}@onboarding.test`;

  // 1. The provider asks for access on the public page (no account yet)
  const provider = await (await browser.newContext()).newPage();
  await provider.goto('/inloggen');
  await provider.getByRole('link', { name: 'Meld uw organisatie aan' }).click();
  await provider.getByLabel('Naam van de organisatie').fill(name);
  await provider.getByLabel('AGB-code (8 cijfers)').fill(agb.slice(0, 7)); // one digit short: a Dutch error, nothing lost
  await provider.getByLabel('Naam', { exact: true }).fill('Carla Contact');
  await provider.getByLabel('E-mailadres', { exact: true }).fill(`contact-${agb}@onboarding.test`);
  await provider.getByLabel('Naam (account 1)').fill('Udo Upload');
  await provider.getByLabel('E-mailadres (account 1)').fill(email);
  await provider.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(provider.getByRole('main').getByRole('alert')).toContainText(
    'De AGB-code bestaat uit precies 8 cijfers.',
  );
  await expect(provider.getByLabel('Naam (account 1)')).toHaveValue('Udo Upload');
  await provider.getByLabel('AGB-code (8 cijfers)').fill(agb);
  await provider.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(provider.getByRole('main').getByRole('status')).toContainText('uw aanmelding is ontvangen');

  // 2. The TTP accepts it and sends the agreement
  const ttp = await (await browser.newContext()).newPage();
  await loginDemo(ttp, 'beheer@gemeenteportaal.demo');
  await ttp.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmeldingen' }).click();
  await ttp
    .getByRole('form', { name: `Aanmelding ${name} accepteren` })
    .getByRole('button', { name: 'Accepteren' })
    .click();
  await expect(ttp.getByRole('main').getByRole('status')).toContainText(`${name} is als aanbieder geregistreerd`);
  await ttp
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Verwerkersovereenkomsten' })
    .click();
  const section = ttp.getByRole('region', { name: new RegExp(name) });
  await expect(section.getByRole('row').nth(1)).toContainText('aangevraagd');
  await section.getByRole('button', { name: 'Verzonden' }).click();
  await expect(ttp.getByRole('main').getByRole('status')).toContainText('verzonden');

  // 3. … and records the signed PDF; a file that is no PDF is refused first
  const signForm = () => ttp.getByRole('form', { name: `Ondertekende overeenkomst ${name} vastleggen` });
  const fill = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await signForm().getByLabel('Ondertekend op').fill('2026-11-20');
    await signForm().getByLabel('Geldig vanaf').fill('2026-11-20');
    await signForm().getByLabel('Ondertekenaar', { exact: true }).fill('Sanne Bestuur');
    await signForm().getByLabel('Functie ondertekenaar').fill('Bestuurder');
    await signForm().getByLabel('Ondertekende PDF').setInputFiles(file);
    await signForm().getByRole('button', { name: 'Ondertekend vastleggen' }).click();
  };
  await fill({ name: 'overeenkomst.pdf', mimeType: 'application/pdf', buffer: Buffer.from('dit is een Word-bestand') });
  await expect(ttp.getByRole('main').getByRole('alert')).toContainText('Dit is geen PDF-bestand');
  await fill({
    name: 'overeenkomst.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  });
  await expect(ttp.getByRole('main').getByRole('status')).toContainText(`Uitnodiging verstuurd aan ${email}`);
  await expect(
    ttp
      .getByRole('region', { name: new RegExp(name) })
      .getByRole('row')
      .nth(1),
  ).toContainText('ondertekend');
  const pdf = ttp.waitForEvent('download');
  await ttp
    .getByRole('region', { name: new RegExp(name) })
    .getByRole('link', { name: 'PDF' })
    .click();
  const bytes = Buffer.concat(await (await (await pdf).createReadStream()).toArray());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // 4. The invitation: choose a password, enrol 2FA, land on the provider's start page
  await provider.goto(firstLink(await mailTo(email)));
  await provider.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Onboarding-wachtwoord-1');
  await provider.getByLabel('Herhaal het nieuwe wachtwoord').fill('Onboarding-wachtwoord-1');
  await provider.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await provider.goto('/inloggen');
  await provider.getByLabel('E-mailadres', { exact: true }).fill(email);
  await provider.getByLabel('Wachtwoord').fill('Onboarding-wachtwoord-1');
  await provider.getByRole('button', { name: 'Volgende' }).click();
  await expect(provider.getByRole('heading', { name: 'Tweestapsverificatie instellen' })).toBeVisible();
  const secret = (await provider.getByTestId('totp-sleutel').textContent())!.trim();
  await provider.getByLabel('Code uit uw authenticator-app').fill(await generate({ secret }));
  await provider.getByRole('button', { name: 'Inloggen' }).click();
  await expect(provider).toHaveURL(/\/aanbieder$/);
  await expect(provider.getByTestId('overeenkomst')).toContainText('ondertekend');

  // 5. A production file is accepted
  await provider.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanleveren' }).click();
  await provider.getByLabel('Productiebestand').check();
  await provider.getByLabel('Sleep uw bestand hierheen, of kies een bestand').setInputFiles({
    name: 'productie-november.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv(exampleRecords(agb))),
  });
  await provider.getByRole('button', { name: 'Versturen' }).click();
  await expect(provider.getByTestId('ontvangstbewijs')).toContainText('SHA-256');
  const [upload] = await sql<{ kind: string; status: string }>(
    `SELECT u.kind::text, u.status::text FROM upload u JOIN organisation o ON o.id = u.aanbieder_id WHERE o.agb_code = $1`,
    [agb],
  );
  expect(upload).toMatchObject({ kind: 'PRODUCTIE' });
});
