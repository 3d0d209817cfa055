import { randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectScope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { GEMEENTEN } from '@/lib/reference/gemeenten';
import { handleAccessRequest } from '@/lib/services/access-requests/handle-access-request';
import { submitAccessRequest, ZAccessRequest } from '@/lib/services/access-requests/submit-access-request';
import { changeAgreement } from '@/lib/services/agreements/change-agreement';
import { expireAgreements } from '@/lib/services/agreements/expire-agreements';
import { getAgreementDocument } from '@/lib/services/agreements/get-agreement-document';
import { recordSignedAgreement, ZSignedAgreement } from '@/lib/services/agreements/record-signed-agreement';
import { requestAgreement } from '@/lib/services/agreements/request-agreement';
import { createGemeente } from '@/lib/services/organisations/create-gemeente';
import { changeRegio, createRegio } from '@/lib/services/organisations/regio-membership';
import { hasCurrentAgreement } from '@/lib/uploads/has-current-agreement';
import { receiveUpload } from '@/lib/uploads/receive-upload';
import { makeAanbieder, makeGemeente, makeTtp, makeUser, scopeOf } from './helpers/fixtures';

async function ttp() {
  const org = await makeTtp();
  return expectScope(await scopeOf((await makeUser('TTP_BEHEER', org.id)).id), 'ttp');
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const signed = (id: string, over: Record<string, string> = {}) =>
  ZSignedAgreement.parse({
    id,
    signedAt: '2026-11-01',
    validFrom: '2026-11-01',
    validUntil: '',
    signatoryName: 'Sanne Bestuur',
    signatoryRole: 'Bestuurder',
    ...over,
  });

/** A provider whose agreement has been sent, ready to be signed. */
async function sentAgreement(scope: Awaited<ReturnType<typeof ttp>>) {
  const aanbieder = await makeAanbieder();
  const { agreement } = await requestAgreement(scope, { aanbiederId: aanbieder.id, version: '2026-1' }, null);
  await changeAgreement(scope, { id: agreement.id, step: 'verzenden' }, null);
  return { aanbieder, agreement };
}

const agbCode = () => String(randomInt(10_000_000, 99_999_999));
const request = (over: Partial<Record<string, unknown>> = {}) =>
  ZAccessRequest.parse({
    organisationName: 'Jeugdzorg Test',
    agbCode: agbCode(),
    contactName: 'Carla Contact',
    contactEmail: 'carla@test.nl',
    contactPhone: '',
    accounts: [{ name: 'Udo Upload', email: `udo-${randomUUID()}@test.nl`, role: 'AANBIEDER_UPLOAD' }],
    note: '',
    ...over,
  });
const fromAddress = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(0, 255)}`;

describe('municipalities and regions', () => {
  it('registers a municipality only from the national list, with its official name, once', async () => {
    const scope = await ttp();
    expect(GEMEENTEN).toHaveLength(342);
    const registered = new Set(
      (await db().organisation.findMany({ where: { cbsCode: { not: null } } })).map((o) => o.cbsCode),
    );
    const free = GEMEENTEN.find((g) => !registered.has(g.cbsCode))!;
    const org = await createGemeente(scope, { cbsCode: free.cbsCode, contactEmail: '' }, null);
    expect(org).toMatchObject({ kind: 'GEMEENTE', name: free.name, cbsCode: free.cbsCode });
    await expect(createGemeente(scope, { cbsCode: free.cbsCode, contactEmail: '' }, null)).rejects.toMatchObject({
      code: 'GEMEENTE_BESTAAT',
    });
    await expect(createGemeente(scope, { cbsCode: '0457', contactEmail: '' }, null)).rejects.toMatchObject({
      code: 'GEMEENTE_ONBEKEND',
    }); // Weesp, part of Amsterdam since 2022
  });

  it('keeps the host a member, and a change of members reaches the region users on their next request', async () => {
    const scope = await ttp();
    const [host, other, third] = [await makeGemeente(), await makeGemeente(), await makeGemeente()];
    const regio = await createRegio(
      scope,
      { name: `Regio ${randomUUID().slice(0, 6)}`, hostGemeenteId: host.id },
      null,
    );
    const user = await makeUser('REGIO', regio.id);
    expect((await scopeOf(user.id)).user.gemeenteCodes).toEqual([host.cbsCode]);

    await changeRegio(scope, { change: 'lid-toevoegen', regioId: regio.id, gemeenteId: other.id }, null);
    expect((await scopeOf(user.id)).user.gemeenteCodes.sort()).toEqual([host.cbsCode, other.cbsCode].sort());
    await expect(
      changeRegio(scope, { change: 'lid-toevoegen', regioId: regio.id, gemeenteId: other.id }, null),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      changeRegio(scope, { change: 'lid-verwijderen', regioId: regio.id, gemeenteId: host.id }, null),
    ).rejects.toThrow(/centrumgemeente blijft lid/);
    await expect(
      changeRegio(scope, { change: 'centrumgemeente', regioId: regio.id, gemeenteId: third.id }, null),
    ).rejects.toThrow(/moet lid/);

    await changeRegio(scope, { change: 'centrumgemeente', regioId: regio.id, gemeenteId: other.id }, null);
    await changeRegio(scope, { change: 'lid-verwijderen', regioId: regio.id, gemeenteId: host.id }, null);
    expect((await scopeOf(user.id)).user.gemeenteCodes).toEqual([other.cbsCode]);
    expect(await db().organisation.findUnique({ where: { id: regio.id } })).toMatchObject({ hostGemeenteId: other.id });
    // a provider is never a member
    await expect(
      changeRegio(scope, { change: 'lid-toevoegen', regioId: regio.id, gemeenteId: (await makeAanbieder()).id }, null),
    ).rejects.toThrow(/gemeente/);
  });
});

describe('verwerkersovereenkomsten', () => {
  it('walks aangevraagd → verzonden → ondertekend → beëindigd, and production uploads follow it', async () => {
    const scope = await ttp();
    const { aanbieder, agreement } = await sentAgreement(scope);
    await expect(requestAgreement(scope, { aanbiederId: aanbieder.id, version: '2026-2' }, null)).rejects.toMatchObject(
      { code: 'OVEREENKOMST_OPEN' },
    );
    await expect(changeAgreement(scope, { id: agreement.id, step: 'verzenden' }, null)).rejects.toMatchObject({
      status: 409,
    });
    const upload = (content: string) =>
      receiveUpload({ aanbiederId: aanbieder.id, content: Buffer.from(content), fileName: 'p.csv', kind: 'PRODUCTIE' });
    await expect(upload('voor')).rejects.toMatchObject({ code: 'GEEN_OVEREENKOMST' });

    await recordSignedAgreement(scope, signed(agreement.id), PDF, null);
    expect(await db().processingAgreement.findUnique({ where: { id: agreement.id } })).toMatchObject({
      status: 'ONDERTEKEND',
      signatoryName: 'Sanne Bestuur',
      signatoryRole: 'Bestuurder',
    });
    expect(await hasCurrentAgreement(aanbieder.id)).toBe(true);
    await expect(upload('tijdens')).resolves.toMatchObject({ duplicate: false });

    await changeAgreement(scope, { id: agreement.id, step: 'beeindigen', keuze: 'TERUGGEVEN', bevestigd: 'ja' }, null);
    expect(await hasCurrentAgreement(aanbieder.id)).toBe(false);
    await expect(upload('na')).rejects.toMatchObject({ code: 'GEEN_OVEREENKOMST' });
    const events = await db().auditLog.findMany({
      where: { object: { contains: agreement.id } },
      select: { event: true },
    });
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'overeenkomst.aangevraagd',
        'overeenkomst.verzonden',
        'overeenkomst.ondertekend',
        'overeenkomst.beeindigd',
      ]),
    );
  });

  it('accepts only a PDF within the size limit, stores it encrypted and gives back the same bytes', async () => {
    const scope = await ttp();
    const { agreement } = await sentAgreement(scope);
    const notPdf = Buffer.from('PK\u0003\u0004 this is a zip, renamed to .pdf');
    await expect(recordSignedAgreement(scope, signed(agreement.id), notPdf, null)).rejects.toMatchObject({
      code: 'GEEN_PDF',
    });
    await expect(
      recordSignedAgreement(scope, signed(agreement.id), Buffer.from('%PDF-1.4 but cut off halfway'), null),
    ).rejects.toMatchObject({ code: 'GEEN_PDF' });
    const huge = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(11 * 1024 * 1024, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    await expect(recordSignedAgreement(scope, signed(agreement.id), huge, null)).rejects.toMatchObject({
      code: 'TE_GROOT',
    });
    expect(await db().processingAgreement.findUnique({ where: { id: agreement.id } })).toMatchObject({
      status: 'VERZONDEN',
      documentPath: null,
    });

    await recordSignedAgreement(scope, signed(agreement.id), PDF, null);
    const stored = await db().processingAgreement.findUniqueOrThrow({ where: { id: agreement.id } });
    const onDisk = await readFile(stored.documentPath!);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.includes(Buffer.from('Catalog'))).toBe(false);
    const doc = await getAgreementDocument(scope, agreement.id, null);
    expect(doc?.content.equals(PDF)).toBe(true);
    await expect(recordSignedAgreement(scope, signed(agreement.id), PDF, null)).rejects.toMatchObject({ status: 409 });
  });

  it('checks the dates in Dutch, ends the previous version when a new one is signed, and lets an end date expire', async () => {
    const scope = await ttp();
    expect(
      ZSignedAgreement.safeParse({
        ...signed(randomUUID()),
        signedAt: '2026-11-01',
        validFrom: '2026-12-01',
        validUntil: '2026-11-30',
      }).error?.issues[0].message,
    ).toBe('De einddatum ligt vóór de ingangsdatum.');
    const { aanbieder, agreement: first } = await sentAgreement(scope);
    await recordSignedAgreement(scope, signed(first.id), PDF, null);
    const { agreement: second } = await requestAgreement(scope, { aanbiederId: aanbieder.id, version: '2027-1' }, null);
    await changeAgreement(scope, { id: second.id, step: 'verzenden' }, null);
    await recordSignedAgreement(
      scope,
      signed(second.id, { validFrom: '2026-11-15', validUntil: '2026-12-31' }),
      PDF,
      null,
    );
    expect(await db().processingAgreement.findUnique({ where: { id: first.id } })).toMatchObject({
      status: 'BEEINDIGD',
    });

    expect(await hasCurrentAgreement(aanbieder.id, new Date('2026-12-31T12:00:00Z'))).toBe(true);
    expect(await hasCurrentAgreement(aanbieder.id, new Date('2027-01-01T12:00:00Z'))).toBe(false);
    await expireAgreements(new Date('2027-01-01T12:00:00Z'));
    expect(await db().processingAgreement.findUnique({ where: { id: second.id } })).toMatchObject({
      status: 'VERLOPEN',
    });
  });
});

describe('aanmelding', () => {
  it('answers the same for a new and an existing AGB code: nothing to enumerate', async () => {
    const existing = await makeAanbieder();
    const a = await submitAccessRequest(request(), { address: fromAddress(), honeypot: false });
    const b = await submitAccessRequest(request({ agbCode: existing.agbCode }), {
      address: fromAddress(),
      honeypot: false,
    });
    expect(a).toBe('ontvangen');
    expect(b).toBe(a);
    expect(await db().accessRequest.count({ where: { agbCode: existing.agbCode!, status: 'NIEUW' } })).toBe(1);
  });

  it('limits requests per address, and drops what a bot put in the honeypot', async () => {
    const address = fromAddress();
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push(await submitAccessRequest(request(), { address, honeypot: false }));
    expect(outcomes).toEqual(['ontvangen', 'ontvangen', 'ontvangen', 'ontvangen', 'ontvangen', 'te-vaak', 'te-vaak']);
    expect(await submitAccessRequest(request(), { address: fromAddress(), honeypot: false })).toBe('ontvangen');

    const bot = request();
    expect(await submitAccessRequest(bot, { address: fromAddress(), honeypot: true })).toBe('ontvangen');
    expect(await db().accessRequest.count({ where: { agbCode: bot.agbCode } })).toBe(0);
    // the address itself is never stored
    expect(await db().rateLimitEvent.count({ where: { keyHash: { contains: address } } })).toBe(0);
  });

  it('refuses bad input with Dutch messages and provider roles only', () => {
    const bad = ZAccessRequest.safeParse({
      ...request(),
      agbCode: '12AB',
      accounts: [{ name: 'X Y', email: 'x@test.nl', role: 'TTP_BEHEER' }],
    });
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain('De AGB-code bestaat uit precies 8 cijfers.');
    expect(messages).toContain('Kies bij elk account: aanleveren of alleen inzien.');
  });

  it('accepting registers the provider and starts its agreement; the accounts are invited once it is signed', async () => {
    const scope = await ttp();
    const input = request();
    await submitAccessRequest(input, { address: fromAddress(), honeypot: false });
    const queued = await db().accessRequest.findFirstOrThrow({ where: { agbCode: input.agbCode } });
    const result = await handleAccessRequest(scope, { decision: 'accepteren', id: queued.id, version: '2026-1' }, null);
    expect(result).toMatchObject({ linked: false, agreementStarted: true, invites: null });
    const aanbieder = await db().organisation.findUniqueOrThrow({ where: { agbCode: input.agbCode } });
    expect(aanbieder).toMatchObject({ kind: 'AANBIEDER', name: 'Jeugdzorg Test', contactEmail: 'carla@test.nl' });
    const email = input.accounts[0].email;
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
    await expect(handleAccessRequest(scope, { decision: 'afwijzen', id: queued.id }, null)).rejects.toMatchObject({
      status: 409,
    });

    const agreement = await db().processingAgreement.findFirstOrThrow({ where: { aanbiederId: aanbieder.id } });
    expect(agreement.status).toBe('AANGEVRAAGD');
    await changeAgreement(scope, { id: agreement.id, step: 'verzenden' }, null);
    const { invites } = await recordSignedAgreement(scope, signed(agreement.id), PDF, null);
    expect(invites.invited).toEqual([email]);
    expect(await db().user.findUnique({ where: { email } })).toMatchObject({
      role: 'AANBIEDER_UPLOAD',
      organisationId: aanbieder.id,
      passwordHash: null,
    });
    expect(await db().outboxMail.count({ where: { to: email, subject: 'Uw account voor Gemeenteportaal' } })).toBe(1);
  });

  it('links a request to the provider that has the AGB code, and never moves an existing account', async () => {
    const scope = await ttp();
    const { aanbieder, agreement } = await sentAgreement(scope);
    await recordSignedAgreement(scope, signed(agreement.id), PDF, null);
    const someoneElse = await makeUser('AANBIEDER_INZAGE', (await makeAanbieder()).id);
    const input = request({
      agbCode: aanbieder.agbCode,
      accounts: [{ name: 'Al Bekend', email: someoneElse.email, role: 'AANBIEDER_UPLOAD' }],
    });
    await submitAccessRequest(input, { address: fromAddress(), honeypot: false });
    const queued = await db().accessRequest.findFirstOrThrow({
      where: { agbCode: aanbieder.agbCode!, status: 'NIEUW' },
    });
    const result = await handleAccessRequest(scope, { decision: 'accepteren', id: queued.id, version: '2026-1' }, null);
    expect(result).toMatchObject({
      linked: true,
      agreementStarted: false,
      invites: { invited: [], skipped: [someoneElse.email] },
    });
    expect(await db().user.findUnique({ where: { email: someoneElse.email } })).toMatchObject({
      organisationId: someoneElse.organisationId,
      role: 'AANBIEDER_INZAGE',
    });
  });
});
