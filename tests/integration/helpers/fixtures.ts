// Builders for integration tests: each test makes its own organisations and accounts (unique
// codes per call), so tests never depend on each other or on the demo data.
import { randomInt, randomUUID } from 'node:crypto';
import { type Scope, scopeFor } from '@/lib/access/scope';
import { withScope, withScopedClient } from '@/lib/access/with-scope';
import { hashPassword } from '@/lib/auth/password';
import { createSession, resolveSession } from '@/lib/auth/sessions';
import { newTotpSecret } from '@/lib/auth/totp';
import type { ValidRecord } from '@/lib/cbs/validate-record';
import { sealString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Role } from '@/lib/generated/prisma/enums';
import { openRecordSink } from '@/lib/imports/load-records';
import { perturb } from '@/lib/indicators/disclosure-control';
import { CELL_KEY_RANGE } from '@/lib/indicators/ptable';
import { pseudonymise } from '@/lib/pseudonym/pseudonymise';
import { recordKeys } from '@/lib/pseudonym/record-keys';

/** A code not yet used in this database (test files share it, so a per-file memory is not enough). */
async function unusedCode(field: 'agbCode' | 'cbsCode', len: number): Promise<string> {
  for (;;) {
    const v = String(randomInt(0, 10 ** len)).padStart(len, '0');
    if (!(await db().organisation.findFirst({ where: { [field]: v }, select: { id: true } }))) return v;
  }
}

export const makeAanbieder = async (name = 'Testaanbieder') =>
  db().organisation.create({
    data: { kind: 'AANBIEDER', name: `${name} ${randomUUID().slice(0, 6)}`, agbCode: await unusedCode('agbCode', 8) },
  });

// One at a time: two parallel calls could pick the same free code.
let gemeenteQueue: Promise<unknown> = Promise.resolve();
export const makeGemeente = (name = 'Testgemeente') => {
  const next = gemeenteQueue.then(async () =>
    db().organisation.create({
      data: { kind: 'GEMEENTE', name: `${name} ${randomUUID().slice(0, 6)}`, cbsCode: await unusedCode('cbsCode', 4) },
    }),
  );
  gemeenteQueue = next.catch(() => undefined);
  return next;
};

export const makeTtp = () =>
  db().organisation.create({ data: { kind: 'TTP', name: `TTP ${randomUUID().slice(0, 6)}` } });

export async function makeRegio(gemeenteIds: string[]) {
  return db().organisation.create({
    data: {
      kind: 'REGIO',
      name: `Regio ${randomUUID().slice(0, 6)}`,
      hostGemeenteId: gemeenteIds[0],
      regioMembers: { create: gemeenteIds.map((gemeenteId) => ({ gemeenteId })) },
    },
  });
}

export const TEST_PASSWORD = 'Test-wachtwoord-123';

/** An account with password TEST_PASSWORD and (unless enrolled: false) a confirmed TOTP secret. */
export async function makeUser(role: Role, organisationId: string, opts: { enrolled?: boolean } = {}) {
  const user = await db().user.create({
    data: {
      email: `${role.toLowerCase()}-${randomUUID()}@test.nl`,
      name: `Test ${role}`,
      role,
      organisationId,
      passwordHash: await hashPassword(TEST_PASSWORD),
    },
  });
  const secret = newTotpSecret();
  if (opts.enrolled !== false) {
    await db().user.update({
      where: { id: user.id },
      data: { totpSecretEnc: sealString(secret, user.id), totpEnabledAt: new Date() },
    });
  }
  return { ...user, secret };
}

/** The Scope that user would get on a request, through the real session path. */
export async function scopeOf(userId: string): Promise<Scope> {
  const state = await resolveSession(await createSession(userId));
  if (!('user' in state)) throw new Error(`geen sessie: ${state.expired}`);
  return scopeFor(state.user);
}

type TrajectoryInput = { aanbiederId: string; gemeentecode: string; client: string; einddatum?: string | null };

export async function addTrajectories(rows: TrajectoryInput[]) {
  await withScope('system', (tx) =>
    tx.trajectory.createMany({
      data: rows.map((r) => {
        const trajectId = `T-${randomUUID().slice(0, 12)}`;
        const pseudonym = pseudonymise(r.client);
        const keys = recordKeys({ pseudonym, agbCode: r.aanbiederId, trajectId, respondent: null });
        return {
          aanbiederId: r.aanbiederId,
          trajectId,
          clientPseudonym: pseudonym,
          ...keys,
          recordKeyVersion: env().CELL_KEY_VERSION,
          geboortejaar: 2012,
          geslacht: 'V',
          gemeentecode: r.gemeentecode,
          begindatum: new Date('2026-01-05'),
          einddatum: r.einddatum === undefined ? new Date('2026-06-30') : r.einddatum && new Date(r.einddatum),
          redenEinde: r.einddatum === null ? null : '01',
          hulpvorm: '02',
        };
      }),
    }),
  );
}

/** A record as the import would load it; only what a test cares about needs to be given. */
export type RecordInput = Partial<Omit<ValidRecord, 'begindatum' | 'einddatum' | 'meetdatum'>> & {
  client: string;
  begindatum?: string;
  einddatum?: string | null;
  meetdatum?: string | null;
};

const measured = (r: RecordInput) =>
  [r.tevredenheid, r.zonderHulpVerder, r.afnameProblematiek, r.doelrealisatie].some((v) => v != null);

/** A record as the import's reader would hand it over (only what a test cares about needs to be given). */
export function validRecord(aanbieder: { agbCode: string | null }, r: RecordInput): ValidRecord {
  const d = (v: string | null | undefined) => (v ? new Date(`${v}T00:00:00Z`) : null);
  const einddatum = r.einddatum === undefined ? '2026-06-30' : r.einddatum;
  return {
    agbCode: aanbieder.agbCode!,
    trajectId: `T-${randomUUID().slice(0, 12)}`,
    respondent: null,
    geboortejaar: 2012,
    geslacht: 'V',
    domein: 'JEUGD',
    gemeentecode: '0000',
    redenEinde: einddatum ? '01' : null,
    verwijzer: '01',
    hulpvorm: '02',
    productcategorie: null,
    profiel: null,
    zorgvraagzwaarte: null,
    complexiteit: null,
    perspectief: null,
    crisis: null,
    tevredenheid: null,
    zonderHulpVerder: null,
    afnameProblematiek: null,
    doelrealisatie: null,
    ...r,
    pseudoId: r.client,
    begindatum: d(r.begindatum ?? '2026-01-05')!,
    einddatum: d(einddatum),
    meetdatum: d(r.meetdatum === undefined ? (einddatum && measured(r) ? einddatum : null) : r.meetdatum),
  };
}

/**
 * Loads records through the import's own loader (COPY, merge, cross-provider link), as one file would;
 * `partBytes` makes its parts small (load-records.ts).
 */
export async function loadRecords(
  aanbieder: { id: string; agbCode: string | null },
  rows: RecordInput[],
  partBytes?: number,
) {
  await withScopedClient('system', async (client) => {
    const sink = await openRecordSink(client, { aanbiederId: aanbieder.id, uploadId: null, partBytes });
    for (const r of rows) await sink.write(validRecord(aanbieder, r));
    await sink.finish();
  });
}

/**
 * What a protected view shows as the client count of exactly these clients, computed apart from the
 * SQL: their record keys summed modulo the key range, then the p-table (docs/disclosure-control.md).
 */
export function shownClients(clients: string[]): number {
  const keys = new Set(
    clients.map(
      (c) => recordKeys({ pseudonym: pseudonymise(c), agbCode: '', trajectId: '', respondent: null }).clientKey,
    ),
  );
  const key = Number([...keys].reduce((s, k) => s + k, 0n) % BigInt(CELL_KEY_RANGE));
  return keys.size === 0 ? 0 : perturb({ n: keys.size, key });
}
