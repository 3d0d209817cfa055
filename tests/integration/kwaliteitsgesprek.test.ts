import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { spiegelrapportagePdf } from '@/lib/renderers/spiegel-pdf';
import { spiegelrapportageXlsx } from '@/lib/renderers/spiegel-xlsx';
import { addAction, addAnswer, setActionStatus, ZAction } from '@/lib/services/conversations/contribute';
import { conversationRecord } from '@/lib/services/conversations/conversation-record';
import { getConversation } from '@/lib/services/conversations/get-conversation';
import { listConversations } from '@/lib/services/conversations/list-conversations';
import { prepareConversation, ZPrepare } from '@/lib/services/conversations/prepare-conversation';
import {
  loadRecords,
  makeAanbieder,
  makeGemeente,
  makeRegio,
  makeTtp,
  makeUser,
  scopeOf,
  shownClients,
} from './helpers/fixtures';

const tag = () => Math.random().toString(36).slice(2, 8);

/** A municipality and a provider serving 10 of its residents (ended in 2026-K2). */
async function parties() {
  const g = await makeGemeente();
  const a = await makeAanbieder();
  const t = tag();
  const clients = Array.from({ length: 10 }, (_, i) => `${t}-${i}`);
  await loadRecords(
    a,
    clients.map((client) => ({ client, gemeentecode: g.cbsCode!, einddatum: '2026-05-15' })),
  );
  return {
    g,
    a,
    clients,
    gemeente: await scopeOf((await makeUser('GEMEENTE', g.id)).id),
    aanbieder: await scopeOf((await makeUser('AANBIEDER_UPLOAD', a.id)).id),
  };
}

const prepare = (p: Awaited<ReturnType<typeof parties>>) =>
  prepareConversation(
    p.gemeente,
    ZPrepare.parse({ aanbieder: p.a.agbCode!, periode: '2026-K2', meetingDate: '2026-12-01' }),
    null,
  );

describe('kwaliteitsgesprek', () => {
  it('freezes the shareable figures when prepared: later deliveries do not change the record', async () => {
    const p = await parties();
    const { id } = await prepare(p);
    await loadRecords(
      p.a,
      Array.from({ length: 9 }, (_, i) => ({
        client: `${tag()}-later-${i}`,
        gemeentecode: p.g.cbsCode!,
        einddatum: '2026-05-20',
      })),
    );
    const c = (await getConversation(p.gemeente, id))!;
    const uitval = c.figures.indicators.find((i) => i.key === 'uitval')!;
    expect(c.figures.version).toBe('deelbaar');
    expect(uitval.periods.at(-1)!.populatie).toMatchObject({ n: shownClients(p.clients) }); // the 10, as the dashboard showed them
    expect(
      await db().auditLog.count({ where: { event: 'kwaliteitsgesprek.voorbereid', object: { contains: id } } }),
    ).toBe(1);
    expect(
      await db().notification.findFirst({ where: { organisationId: p.a.id, link: `/kwaliteitsgesprekken/${id}` } }),
    ).toMatchObject({ text: expect.stringContaining('2e kwartaal 2026') });
  });

  it('is seen and added to by its two parties only', async () => {
    const p = await parties();
    const other = await parties();
    const { id } = await prepare(p);
    // the provider sees it and answers from its side
    expect((await listConversations(p.aanbieder)).map((c) => c.id)).toContain(id);
    await addAnswer(
      p.aanbieder,
      { conversationId: id, question: 2, text: 'De uitval komt door een wachtlijst bij de intake.' },
      null,
    );
    await addAnswer(p.gemeente, { conversationId: id, question: 1, text: 'We herkennen het beeld.' }, null);
    const c = (await getConversation(p.aanbieder, id))!;
    expect(c.answers.map((a) => [a.question, a.side])).toEqual([
      [2, 'AANBIEDER'],
      [1, 'GEMEENTE'],
    ]);

    // everyone else: not in their lists, "not found" when they try the id
    const regio = await makeRegio([p.g.id]);
    const ttp = await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
    const outsiders = [other.gemeente, other.aanbieder, await scopeOf((await makeUser('REGIO', regio.id)).id)];
    for (const scope of outsiders) {
      expect((await listConversations(scope)).map((x) => x.id)).not.toContain(id);
      expect(await getConversation(scope, id)).toBeNull();
    }
    // the TTP takes no part in conversations: the services refuse it outright
    await expect(listConversations(ttp)).rejects.toMatchObject({ status: 403 });
    await expect(getConversation(ttp, id)).rejects.toMatchObject({ status: 403 });
    for (const scope of outsiders.slice(0, 3)) {
      await expect(
        addAnswer(scope, { conversationId: id, question: 1, text: 'ingebroken' }, null),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        addAction(
          scope,
          ZAction.parse({ conversationId: id, description: 'ingebroken', owner: 'x y', dueDate: '2027-01-01' }),
          null,
        ),
      ).rejects.toMatchObject({ status: 404 });
    }
    await expect(addAnswer(ttp, { conversationId: id, question: 1, text: 'ingebroken' }, null)).rejects.toMatchObject({
      status: 403,
    });
    const action = await addAction(
      p.gemeente,
      ZAction.parse({
        conversationId: id,
        description: 'Wachtlijst intake halveren',
        owner: 'Teamleider intake',
        dueDate: '2027-03-01',
      }),
      null,
    );
    await expect(
      setActionStatus(other.aanbieder, { actionId: action.id, status: 'AFGEROND' }, null),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db().conversationAnswer.count({ where: { conversationId: id } })).toBe(2);
  });

  it('only a municipality or region prepares, and only with a provider that serves its residents', async () => {
    const p = await parties();
    const stranger = await makeAanbieder();
    await expect(
      prepareConversation(
        p.aanbieder,
        ZPrepare.parse({ aanbieder: p.a.agbCode!, periode: '2026-K2', meetingDate: '' }),
        null,
      ),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      prepareConversation(
        p.gemeente,
        ZPrepare.parse({ aanbieder: stranger.agbCode!, periode: '2026-K2', meetingDate: '' }),
        null,
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('brings open actions back on the agenda of the next conversation, until they are done', async () => {
    const p = await parties();
    const first = await prepare(p);
    const action = await addAction(
      p.gemeente,
      ZAction.parse({
        conversationId: first.id,
        description: 'Respons verhogen',
        owner: 'Kwaliteitsmedewerker',
        dueDate: '2027-01-15',
      }),
      null,
    );
    await addAction(
      p.aanbieder,
      ZAction.parse({ conversationId: first.id, description: 'Al klaar', owner: 'Directie', dueDate: '2027-01-15' }),
      null,
    ).then((a) => setActionStatus(p.aanbieder, { actionId: a.id, status: 'AFGEROND' }, null));
    const second = await prepareConversation(
      p.gemeente,
      ZPrepare.parse({ aanbieder: p.a.agbCode!, periode: '2026-K3', meetingDate: '' }),
      null,
    );
    const next = (await getConversation(p.aanbieder, second.id))!;
    expect(next.carriedOver.map((a) => a.description)).toEqual(['Respons verhogen']);
    await setActionStatus(p.aanbieder, { actionId: action.id, status: 'AFGEROND' }, null);
    expect((await getConversation(p.gemeente, second.id))!.carriedOver).toEqual([]);
    expect(
      await db().auditLog.count({
        where: { event: { startsWith: 'kwaliteitsgesprek.actie' }, object: { contains: first.id } },
      }),
    ).toBe(4);
  });

  it('its verslag (PDF and Excel) holds both sides’ answers and the actions, before the frozen figures', async () => {
    const p = await parties();
    const { id } = await prepare(p);
    await addAnswer(p.gemeente, { conversationId: id, question: 3, text: 'Goed, maar de respons moet omhoog.' }, null);
    await addAnswer(p.aanbieder, { conversationId: id, question: 4, text: '=HYPERLINK("http://x","klik")' }, null);
    await addAction(
      p.aanbieder,
      ZAction.parse({
        conversationId: id,
        description: 'Eindmeting in het laatste gesprek',
        owner: 'Behandelaars',
        dueDate: '2027-02-01',
      }),
      null,
    );
    const c = (await getConversation(p.gemeente, id))!;
    const record = conversationRecord(c);
    const { text } = await extractText(
      await getDocumentProxy(new Uint8Array(await spiegelrapportagePdf(c.figures, record))),
      { mergePages: true },
    );
    expect(text.indexOf('3. Hoe waarderen we het?')).toBeLessThan(text.indexOf('Goed, maar de respons moet omhoog.'));
    expect(text).toContain('Eindmeting in het laatste gesprek');
    expect(text.indexOf('Eindmeting in het laatste gesprek')).toBeLessThan(text.indexOf('Spiegelrapportage'));
    // every page says what the document is: the verslag of the conversation, not a spiegelrapportage
    expect(text).toContain(`Gemeenteportaal - verslag kwaliteitsgesprek ${c.figures.aanbieder.name}`);
    expect(text).not.toContain('Gemeenteportaal - spiegelrapportage');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await spiegelrapportageXlsx(c.figures, record)).buffer as ArrayBuffer);
    const answers: unknown[] = [];
    wb.getWorksheet('Gesprek')!.eachRow((row) => answers.push(row.getCell(5).value));
    expect(answers).toContain('Goed, maar de respons moet omhoog.');
    expect(answers).toContain(`'=HYPERLINK("http://x","klik")`); // a spreadsheet never reads an answer as a formula
    expect(wb.getWorksheet('Acties')!.getRow(2).getCell(1).value).toBe('Eindmeting in het laatste gesprek');
  });
});
