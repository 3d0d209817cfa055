import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { loginDemo } from './helpers/accounts';

async function download(page: Page, link: string): Promise<Buffer> {
  const event = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  return Buffer.concat(await (await (await event).createReadStream()).toArray());
}

// The municipality prepares a conversation with a provider in the browser, adds an answer and an
// action, and downloads the frozen figures as PDF and Excel; the provider then sees it and answers.
test('a municipality prepares a kwaliteitsgesprek and downloads both report formats', async ({ browser }) => {
  const gemeente = await (await browser.newContext()).newPage();
  await loginDemo(gemeente, 'gemeente@gemeenteportaal.demo');
  await gemeente
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Kwaliteitsgesprekken' })
    .click();
  const form = gemeente.getByRole('form', { name: 'Gesprek voorbereiden' });
  await form.getByLabel('Aanbieder').selectOption({ label: 'Jeugdhulp Midden-Brabant (98100001)' });
  await form.getByRole('button', { name: 'Voorbereiden' }).click();
  await expect(gemeente.getByRole('main').getByRole('status')).toContainText('de cijfers zijn vastgelegd');
  await expect(gemeente.getByRole('heading', { level: 1 })).toContainText('Jeugdhulp Midden-Brabant');
  await expect(gemeente.getByRole('region', { name: 'De vastgelegde cijfers' })).toContainText('Uitval');

  await gemeente.getByLabel('Uw antwoord (gemeente)').first().fill('We zien minder uitval dan vorig jaar.');
  await gemeente
    .getByRole('form', { name: 'Antwoord op: Wat zien we?' })
    .getByRole('button', { name: 'Toevoegen' })
    .click();
  await expect(gemeente.getByRole('region', { name: '1. Wat zien we?' })).toContainText(
    'We zien minder uitval dan vorig jaar.',
  );
  const actie = gemeente.getByRole('form', { name: 'Actie vastleggen' });
  await actie.getByLabel('Actie').fill('Respons op de eindmeting verhogen');
  await actie.getByLabel('Eigenaar').fill('Kwaliteitsmedewerker aanbieder');
  await actie.getByLabel('Uiterlijk').fill('2027-03-31');
  await actie.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(gemeente.getByRole('region', { name: 'Afgesproken acties' })).toContainText(
    'Respons op de eindmeting verhogen',
  );

  // the verslag with the frozen figures, both formats
  const pdf = await download(gemeente, 'Download het verslag met de cijfers als PDF');
  const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
  expect(text).toContain('Spiegelrapportage');
  expect(text).toContain('Jeugdhulp Midden-Brabant');
  expect(text).toContain('deelbaar');
  expect(text).toContain('We zien minder uitval dan vorig jaar.');
  expect(text).toContain('Respons op de eindmeting verhogen');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    new Uint8Array(await download(gemeente, 'Download het verslag met de cijfers als Excel')).buffer as ArrayBuffer,
  );
  const counts: unknown[] = [];
  wb.getWorksheet('Cijfers')!.eachRow((row, i) => i > 1 && counts.push(row.getCell(6).value));
  expect(counts.length).toBeGreaterThan(20);
  expect(counts.filter((v) => typeof v === 'number' && v > 0 && v < 7)).toEqual([]);

  // the provider sees the conversation and answers from its side
  const aanbieder = await (await browser.newContext()).newPage();
  await loginDemo(aanbieder, 'aanbieder@gemeenteportaal.demo');
  await aanbieder
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Kwaliteitsgesprekken' })
    .click();
  await aanbieder
    .getByRole('link', { name: /Gemeente Tilburg met Jeugdhulp Midden-Brabant/ })
    .first()
    .click();
  await expect(aanbieder.getByRole('region', { name: '1. Wat zien we?' })).toContainText(
    'We zien minder uitval dan vorig jaar.',
  );
  await aanbieder
    .getByRole('form', { name: 'Antwoord op: Kunnen we het verklaren?' })
    .getByLabel('Uw antwoord (aanbieder)')
    .fill('Sinds maart werken we met een vaste mentor.');
  await aanbieder
    .getByRole('form', { name: 'Antwoord op: Kunnen we het verklaren?' })
    .getByRole('button', { name: 'Toevoegen' })
    .click();
  await expect(aanbieder.getByRole('region', { name: '2. Kunnen we het verklaren?' })).toContainText('Aanbieder');

  // and downloads its own internal spiegelrapportage
  await aanbieder
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Spiegelrapportage' })
    .click();
  const internal = await download(aanbieder, 'Download interne versie als PDF');
  expect((await extractText(await getDocumentProxy(new Uint8Array(internal)), { mergePages: true })).text).toContain(
    'Interne versie',
  );
});
