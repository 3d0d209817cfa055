import { describe, expect, it } from 'vitest';
import { authenticate, startEnrolment } from '@/lib/auth/authenticate';
import { currentTotpCode } from '@/lib/auth/totp';
import { backgroundSettled } from '@/lib/background';
import { db } from '@/lib/db';
import { makeAanbieder, makeGemeente, makeUser, TEST_PASSWORD } from './helpers/fixtures';

const code = (secret: string) => currentTotpCode(secret);

describe('login with password and mandatory TOTP', () => {
  it('logs in with password and a valid code, and writes the audit log', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    const { sessionId, userId } = await authenticate({
      email: u.email.toUpperCase(),
      password: TEST_PASSWORD,
      code: await code(u.secret),
      address: '203.0.113.9',
    });
    expect(userId).toBe(u.id);
    expect(await db().session.findUnique({ where: { id: sessionId } })).not.toBeNull();
    const audit = await db().auditLog.findFirst({ where: { userId: u.id, event: 'inloggen.gelukt' } });
    expect(audit?.address).toBe('203.0.113.9');
    expect(audit?.organisationId).toBe(u.organisationId);
  });

  it('asks for the code after a correct password, and never logs in without one', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    await expect(authenticate({ email: u.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'CODE_NODIG',
    });
    await expect(authenticate({ email: u.email, password: TEST_PASSWORD, code: '000000' })).rejects.toMatchObject({
      code: 'CODE_ONGELDIG',
    });
    expect(await db().session.count({ where: { userId: u.id } })).toBe(0);
  });

  it('refuses a replayed code', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    const c = await code(u.secret);
    await authenticate({ email: u.email, password: TEST_PASSWORD, code: c });
    await expect(authenticate({ email: u.email, password: TEST_PASSWORD, code: c })).rejects.toMatchObject({
      code: 'CODE_ONGELDIG',
    });
  });

  it('answers the same for an unknown address and a wrong password (no enumeration)', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    await expect(authenticate({ email: 'niemand@nergens.nl', password: 'x' })).rejects.toMatchObject({
      code: 'ONGELDIG',
    });
    await expect(authenticate({ email: u.email, password: 'fout-wachtwoord' })).rejects.toMatchObject({
      code: 'ONGELDIG',
    });
  });

  it('locks the account after 5 failures, also against the right password, tells the owner by e-mail and logs it', async () => {
    const u = await makeUser('AANBIEDER_UPLOAD', (await makeAanbieder()).id);
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email: u.email, password: `fout-${i}` })).rejects.toMatchObject({ code: 'ONGELDIG' });
      await backgroundSettled(); // a wrong password is counted after the answer
    }
    await expect(
      authenticate({ email: u.email, password: TEST_PASSWORD, code: await code(u.secret) }),
    ).rejects.toMatchObject({ code: 'ONGELDIG' });
    const locked = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await db().auditLog.count({ where: { userId: u.id, event: 'inloggen.geblokkeerd' } })).toBe(1);
    const mails = await db().outboxMail.findMany({ where: { to: u.email } });
    expect(mails.map((m) => m.subject)).toEqual(['Uw account is tijdelijk geblokkeerd']);
  });

  it('lets the owner in again once the lock has expired', async () => {
    const u = await makeUser('AANBIEDER_UPLOAD', (await makeAanbieder()).id);
    for (let i = 0; i < 5; i++) {
      await authenticate({ email: u.email, password: `fout-${i}` }).catch(() => undefined);
      await backgroundSettled();
    }
    const right = async () => authenticate({ email: u.email, password: TEST_PASSWORD, code: await code(u.secret) });
    await expect(right()).rejects.toMatchObject({ code: 'ONGELDIG' });
    // the lock's end passes (LOGIN_LOCK_MINUTES): set back in the database, as the clock would
    await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
    await expect(right()).resolves.toMatchObject({ userId: u.id });
    expect(await db().user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
    });
  });

  it('answers a locked account exactly as an unknown address, so a lock does not reveal that an address exists', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    const unknown = `niemand-${Date.now()}@nergens.nl`;
    const answers = async (email: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 7; i++) out.push(await authenticate({ email, password: `fout-${i}` }).catch((e) => e.code));
      return out;
    };
    expect(await answers(u.email)).toEqual(await answers(unknown));
    expect(new Set(await answers(u.email))).toEqual(new Set(['ONGELDIG']));
  });

  it('counts wrong codes as failures too (no unlimited guessing of the second factor)', async () => {
    const u = await makeUser('AANBIEDER_UPLOAD', (await makeAanbieder()).id);
    for (let i = 0; i < 4; i++) {
      await expect(authenticate({ email: u.email, password: TEST_PASSWORD, code: '000000' })).rejects.toMatchObject({
        code: 'CODE_ONGELDIG',
      });
    }
    // The fifth wrong code locks the account; the answer sends the user back to the password step.
    await expect(authenticate({ email: u.email, password: TEST_PASSWORD, code: '000000' })).rejects.toMatchObject({
      code: 'ONGELDIG',
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).not.toBeNull();
  });

  it('refuses deactivated accounts and accounts of deactivated organisations', async () => {
    const org = await makeGemeente();
    const u = await makeUser('GEMEENTE', org.id);
    await db().user.update({ where: { id: u.id }, data: { active: false } });
    await expect(
      authenticate({ email: u.email, password: TEST_PASSWORD, code: await code(u.secret) }),
    ).rejects.toMatchObject({ code: 'ONGELDIG' });
    const v = await makeUser('GEMEENTE', org.id);
    await db().organisation.update({ where: { id: org.id }, data: { active: false } });
    await expect(
      authenticate({ email: v.email, password: TEST_PASSWORD, code: await code(v.secret) }),
    ).rejects.toMatchObject({ code: 'ONGELDIG' });
  });
});

describe('first login enrols 2FA', () => {
  it('requires enrolment, confirms the secret with the first code, then refuses re-enrolment', async () => {
    const u = await makeUser('AANBIEDER_INZAGE', (await makeAanbieder()).id, { enrolled: false });
    await expect(authenticate({ email: u.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'INSTELLEN_NODIG',
    });
    await expect(startEnrolment({ email: u.email, password: 'fout' })).rejects.toMatchObject({ code: 'ONGELDIG' });
    const { secret, uri } = await startEnrolment({ email: u.email, password: TEST_PASSWORD });
    expect(uri).toContain('otpauth://totp/');
    const stored = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(stored.totpPendingEnc).not.toContain(secret); // encrypted at rest
    await authenticate({ email: u.email, password: TEST_PASSWORD, code: await currentTotpCode(secret) });
    const enrolled = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(enrolled.totpSecretEnc).not.toBeNull();
    expect(enrolled.totpPendingEnc).toBeNull();
    await expect(startEnrolment({ email: u.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'AL_INGESTELD',
    });
  });
});
