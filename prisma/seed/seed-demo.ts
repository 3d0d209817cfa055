import { scopeFor } from '@/lib/access/scope';
import { withScopedClient } from '@/lib/access/with-scope';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';
import { sealString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { openRecordSink } from '@/lib/imports/load-records';
import { addAction, addAnswer, ZAction } from '@/lib/services/conversations/contribute';
import { prepareConversation, ZPrepare } from '@/lib/services/conversations/prepare-conversation';
import { lastCompletePeriod } from '@/lib/services/reports/report-period';
import {
  DEMO_AANBIEDERS,
  DEMO_AANMELDING,
  DEMO_ACCOUNTS,
  DEMO_GEMEENTEN,
  DEMO_PASSWORD,
  DEMO_REGIO,
  DEMO_TTP,
} from './demo-organisations';
import { generateDemoTrajectories, generateDemoWmoTrajectories } from './demo-trajectories';
import { seedDemoUploads } from './demo-uploads';

/** Fills an empty database with the demo. Returns false (and does nothing) when it holds organisations. */
export async function seedDemo(opts: { trajectories?: number; today?: Date } = {}): Promise<boolean> {
  if ((await db().organisation.count()) > 0) return false;
  const today = opts.today ?? new Date();

  const ttp = await db().organisation.create({ data: { kind: 'TTP', name: DEMO_TTP.name } });
  const gemeenten = new Map<string, string>();
  for (const g of DEMO_GEMEENTEN) {
    const row = await db().organisation.create({
      data: { kind: 'GEMEENTE', name: `Gemeente ${g.name}`, cbsCode: g.cbsCode },
    });
    gemeenten.set(g.cbsCode, row.id);
  }
  const regio = await db().organisation.create({
    data: {
      kind: 'REGIO',
      name: DEMO_REGIO.name,
      hostGemeenteId: gemeenten.get(DEMO_REGIO.hostCbsCode),
      regioMembers: { create: [...gemeenten.values()].map((gemeenteId) => ({ gemeenteId })) },
    },
  });
  const aanbieders = new Map<string, string>();
  for (const a of DEMO_AANBIEDERS) {
    const row = await db().organisation.create({
      data: { kind: 'AANBIEDER', name: a.name, agbCode: a.agbCode, contactEmail: `info@${a.agbCode}.demo` },
    });
    aanbieders.set(a.agbCode, row.id);
    const signed = a.agreement === 'ONDERTEKEND';
    await db().processingAgreement.create({
      data: {
        aanbiederId: row.id,
        version: '2026.1',
        status: a.agreement,
        requestedAt: new Date(today.getTime() - 400 * 86_400_000),
        sentAt: a.agreement === 'AANGEVRAAGD' ? null : new Date(today.getTime() - 390 * 86_400_000),
        signedAt: signed ? new Date(today.getTime() - 380 * 86_400_000) : null,
        validFrom: signed ? new Date(today.getTime() - 380 * 86_400_000) : null,
        validUntil: signed ? new Date(today.getTime() + 3 * 365 * 86_400_000) : null,
        signatoryName: signed ? 'Bestuurder (demo)' : null,
        // What the provider delivers: youth care, Wmo support, or both
        domeinen: [...(a.share > 0 || !a.wmo ? (['JEUGD'] as const) : []), ...(a.wmo ? (['WMO'] as const) : [])],
      },
    });
  }

  await seedDemoUploads(aanbieders, today);
  // One aanmelding waiting in the TTP's queue (Beheer → Aanmeldingen).
  await db().accessRequest.create({ data: DEMO_AANMELDING });

  const orgFor = (key: string) =>
    key === 'ttp' ? ttp.id : key === 'regio' ? regio.id : (aanbieders.get(key) ?? gemeenten.get(key)!);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const user = await db().user.create({
      data: {
        email: a.email,
        name: a.name,
        role: a.role as Role,
        organisationId: orgFor(a.org),
        passwordHash,
        totpEnabledAt: today,
      },
    });
    await db().user.update({ where: { id: user.id }, data: { totpSecretEnc: sealString(a.totp, user.id) } });
  }

  // Client-level rows go in through the import's loader (COPY + merge, 'system' scope), per provider.
  const rows = [
    ...generateDemoTrajectories(opts.trajectories ?? 20_000, today),
    ...generateDemoWmoTrajectories(Math.round((opts.trajectories ?? 20_000) * 0.3), today),
  ];
  for (const [agbCode, aanbiederId] of aanbieders) {
    const own = rows.filter((r) => r.agbCode === agbCode);
    if (!own.length) continue;
    await withScopedClient('system', async (client) => {
      const sink = await openRecordSink(client, { aanbiederId, uploadId: null });
      for (const r of own) await sink.write(r);
      await sink.finish();
    });
  }
  await seedDemoConversation(today);
  return true;
}

/** A scope as a demo account would have it on a request (the seed has no session). */
async function demoScope(email: string) {
  const u = await db().user.findUniqueOrThrow({
    where: { email },
    include: { organisation: { include: { regioMembers: { include: { gemeente: true } } } } },
  });
  const o = u.organisation;
  const user: SessionUser = {
    userId: u.id,
    name: u.name,
    sessionId: 'demo-seed',
    email: u.email,
    role: u.role,
    organisationId: o.id,
    organisationName: o.name,
    organisationKind: o.kind,
    agbCode: o.agbCode,
    gemeenteCodes: o.cbsCode ? [o.cbsCode] : o.regioMembers.map((m) => m.gemeente.cbsCode!),
  };
  return scopeFor(user);
}

/** One kwaliteitsgesprek of Tilburg with Jeugdhulp Midden-Brabant over the last quarter, with an answer from each side and an open action. */
async function seedDemoConversation(today: Date) {
  const [gemeente, aanbieder] = [
    await demoScope('gemeente@gemeenteportaal.demo'),
    await demoScope('aanbieder@gemeenteportaal.demo'),
  ];
  const { id } = await prepareConversation(
    gemeente,
    ZPrepare.parse({ aanbieder: '98100001', periode: lastCompletePeriod('kwartaal', today).key, meetingDate: '' }),
    null,
  );
  await addAnswer(
    gemeente,
    { conversationId: id, question: 1, text: 'We herkennen de lage uitval; de respons op de eindmeting is wisselend.' },
    null,
  );
  await addAnswer(
    aanbieder,
    {
      conversationId: id,
      question: 2,
      text: 'Bij ambulante trajecten vergeten behandelaars soms de eindmeting in het laatste gesprek.',
    },
    null,
  );
  const action = {
    conversationId: id,
    description: 'Eindmeting vast onderdeel van het afsluitende gesprek',
    owner: 'Teamleiders ambulant',
    dueDate: `${today.getUTCFullYear() + 1}-03-31`,
  };
  await addAction(aanbieder, ZAction.parse(action), null);
}
