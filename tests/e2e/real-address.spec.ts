import { expect, test } from '@playwright/test';
import { sql } from './helpers/accounts';

// The address that counts (rate limits, audit log) is the TCP peer's, not what a client writes in
// X-Forwarded-For or X-Real-IP: against `next start`, which itself fills X-Forwarded-For from the
// socket only when the client sent none (lib/security/peer-address.ts). This server has no trusted
// proxy in front (TRUSTED_PROXY_HOPS 0).

const LOCAL = ['127.0.0.1', '::1'];

test('a made-up X-Forwarded-For gets past neither the rate limit of the aanmelding nor the audit log', async ({
  page,
}) => {
  await sql(`DELETE FROM rate_limit_event WHERE bucket = 'aanmelding'`);
  const before = (await sql<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`))[0]!.id;
  const outcomes: string[] = [];
  for (let i = 1; i <= 7; i++) {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}` });
    await page.goto('/aanmelden');
    await page.getByLabel('Naam van de organisatie').fill(`Adrestest ${i}`);
    await page.getByLabel('AGB-code (8 cijfers)').fill(`9690000${i}`);
    await page.getByLabel('Naam', { exact: true }).fill('Adam Adres');
    await page.getByLabel('E-mailadres', { exact: true }).fill(`adres-${i}@adres.test`);
    await page.getByLabel('Naam (account 1)').fill('Adam Adres');
    await page.getByLabel('E-mailadres (account 1)').fill(`adres-${i}@adres.test`);
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    const received = page.getByText('Bedankt, uw aanmelding is ontvangen.');
    const refused = page.getByText('Er zijn vanaf uw adres te veel aanmeldingen verstuurd.');
    await expect(received.or(refused)).toBeVisible();
    outcomes.push((await received.isVisible()) ? 'ontvangen' : 'te vaak');
  }
  await sql(`DELETE FROM rate_limit_event WHERE bucket = 'aanmelding'`);
  expect(outcomes).toEqual([...Array(5).fill('ontvangen'), 'te vaak', 'te vaak']);
  const logged = await sql<{ event: string; address: string | null }>(
    `SELECT event, address FROM audit_log WHERE id > $1 AND event LIKE 'aanmelding.%' ORDER BY id`,
    [before],
  );
  expect(logged.map((l) => l.event)).toEqual([
    ...Array(5).fill('aanmelding.ontvangen'),
    'aanmelding.geweigerd',
    'aanmelding.geweigerd',
  ]);
  for (const { address } of logged) expect(LOCAL).toContain(address);
});
