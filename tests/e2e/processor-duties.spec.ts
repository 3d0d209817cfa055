import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { loginDemo, loginNew, newProvider, sql } from './helpers/accounts';

// Issue 18 end to end: the TTP ends a provider's agreement with "verwijderen", the nightly run
// deletes the provider's data after the notice period, the provider downloads the signed statement,
// and the provider is gone from the municipality's dashboard.

/** A provider of its own (so the demo providers other tests use stay), with a copy of demo trajectories in Tilburg. */
async function providerWithTilburgData() {
  const { id, name, agb, agreementId } = await newProvider('Jeugdhulp Eindpunt');
  const columns = (
    await sql<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'trajectory'
         AND column_name NOT IN ('id', 'aanbieder_id', 'traject_id', 'upload_id', 'imported_at')`,
    )
  ).map((c) => `"${c.column_name}"`);
  // 60 trajectories of the last ten months: well above the threshold, so the provider shows.
  const copied = await sql(
    `INSERT INTO trajectory (aanbieder_id, traject_id, ${columns.join(', ')})
     SELECT $1::uuid, 'E' || right(traject_id, 19), ${columns.join(', ')} FROM trajectory
     WHERE gemeentecode = '0855' AND einddatum >= current_date - 300 AND respondent IS NULL
       AND aanbieder_id = (SELECT id FROM organisation WHERE agb_code = '98100001')
     ORDER BY traject_id LIMIT 60 RETURNING traject_id`,
    [id],
  );
  return { id, name, agb, agreementId, records: copied.length };
}

test('ending an agreement with verwijderen: statement for the provider, its figures gone after the run', async ({
  browser,
}) => {
  const provider = await providerWithTilburgData();
  expect(provider.records).toBe(60);
  const gemeente = await (await browser.newContext()).newPage();
  await loginDemo(gemeente, 'gemeente@gemeenteportaal.demo');
  const perProvider = '/dashboard/uitval?groep=aanbieder';
  await gemeente.goto(perProvider);
  const table = gemeente.locator('table.indicatortabel');
  await expect(table.getByRole('rowheader', { name: provider.name })).toBeVisible();
  await expect(gemeente.getByText(/Cijfers bestaan vanaf \d{4}: trajecten worden 5 volle jaren/)).toBeVisible();

  // The TTP ends the agreement: the choice and the confirmation are both required.
  const beheer = await (await browser.newContext()).newPage();
  await loginDemo(beheer, 'beheer@gemeenteportaal.demo');
  await beheer.goto('/beheer/overeenkomsten');
  const section = beheer.getByRole('region', { name: new RegExp(provider.name) });
  await section.getByText('Beëindigen…').click();
  const form = section.getByRole('form', { name: new RegExp(`Overeenkomst ${provider.name}`) });
  await form.getByLabel('Verwijderen', { exact: true }).check();
  await form.getByLabel(/Ik bevestig de keuze/).check();
  await form.getByRole('button', { name: 'Beëindigen' }).click();
  await expect(beheer.getByRole('main').getByRole('status')).toContainText('De overeenkomst is beëindigd.');
  await expect(beheer.getByTestId(`overeenkomst-${provider.agb}-2026-1`)).toContainText(
    /verwijderen; verwijderen vanaf/,
  );

  // The provider sees the end and the date; the notice period then passes and the nightly run comes.
  const aanbieder = await (await browser.newContext()).newPage();
  await loginNew(aanbieder, 'AANBIEDER_INZAGE', provider.id);
  await aanbieder.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uw gegevens' }).click();
  await expect(aanbieder.getByTestId('einde-2026-1')).toContainText('keuze: verwijderen. Verwijdering vanaf');
  await sql(`UPDATE processing_agreement SET deletion_due_on = current_date WHERE id = $1`, [provider.agreementId]);
  const job = spawnSync('node_modules/.bin/tsx', ['scripts/job-import.ts'], { env: process.env, encoding: 'utf8' });
  expect(job.status, job.stderr).toBe(0);
  expect(JSON.parse(job.stdout.trim().split('\n').pop()!)).toMatchObject({ providersDeleted: 1 });

  await aanbieder.reload();
  await expect(aanbieder.getByTestId('einde-2026-1')).toContainText('Verwijderd op');
  const event = aanbieder.waitForEvent('download');
  await aanbieder.getByRole('link', { name: 'Verklaring van verwijdering (PDF)' }).click();
  const pdf = Buffer.concat(await (await (await event).createReadStream()).toArray());
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain('Verklaring van verwijdering');
  expect(text).toContain(provider.name);
  expect(text).toContain('Trajectrecords (inclusief metingen): 60');

  // The municipality's dashboard no longer knows the provider.
  await gemeente.goto(perProvider);
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: provider.name })).toHaveCount(0);
  const [left] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM trajectory WHERE aanbieder_id = $1`, [
    provider.id,
  ]);
  expect(left.n).toBe(0);
});
