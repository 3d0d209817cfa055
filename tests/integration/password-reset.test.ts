import { describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { createSession, resolveSession } from '@/lib/auth/sessions';
import { currentTotpCode } from '@/lib/auth/totp';
import { backgroundSettled } from '@/lib/background';
import { db } from '@/lib/db';
import { makeGemeente, makeUser, TEST_PASSWORD } from './helpers/fixtures';
import { mailTo, tokenIn } from './helpers/mailbox';

const tokenFromMail = async (to: string) => {
  await backgroundSettled(); // the mail is written after the answer
  return tokenIn(await mailTo(to))!;
};

describe('password reset by e-mailed link', () => {
  it('sends nothing for an unknown address, and answers the same', async () => {
    const before = await db().outboxMail.count();
    await expect(requestPasswordReset('onbekend@test.nl')).resolves.toBeUndefined();
    await backgroundSettled();
    expect(await db().outboxMail.count()).toBe(before);
  });

  it('puts the mail in the outbox without SMTP, and the link works exactly once', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    const oldSession = await createSession(u.id);
    await requestPasswordReset(u.email);
    const token = await tokenFromMail(u.email);
    expect(await db().userToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    await resetPassword(token, 'Nieuw-wachtwoord-456');
    await expect(resetPassword(token, 'Nog-een-wachtwoord-789')).rejects.toThrow(/ongeldig, al gebruikt of verlopen/);
    expect(await resolveSession(oldSession)).toEqual({ expired: 'revoked' });
    await expect(
      authenticate({ email: u.email, password: TEST_PASSWORD, code: await currentTotpCode(u.secret) }),
    ).rejects.toMatchObject({ code: 'ONGELDIG' });
    await expect(
      authenticate({ email: u.email, password: 'Nieuw-wachtwoord-456', code: await currentTotpCode(u.secret) }),
    ).resolves.toHaveProperty('sessionId');
  });

  it('refuses a weak password without using up the link, and refuses an expired link', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    await requestPasswordReset(u.email);
    const token = await tokenFromMail(u.email);
    await expect(resetPassword(token, 'kort')).rejects.toThrow(/minstens 12 tekens/);
    await db().userToken.updateMany({ where: { userId: u.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword(token, 'Goed-wachtwoord-789')).rejects.toThrow(/verlopen/);
  });

  it('sends at most three links per hour to one account', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    for (let i = 0; i < 5; i++) await requestPasswordReset(u.email);
    await backgroundSettled();
    expect(await db().outboxMail.count({ where: { to: u.email } })).toBe(3);
  });
});
