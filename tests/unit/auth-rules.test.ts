import './test-env';
import { describe, expect, it } from 'vitest';
import { LOGIN_MESSAGES, loginMessage } from '@/lib/auth/login-errors';
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/auth/password';
import { checkTotpCode, currentTotpCode, newTotpSecret } from '@/lib/auth/totp';

describe('TOTP', () => {
  it('accepts the current code once and refuses its replay', async () => {
    const secret = newTotpSecret();
    // the same code replayed (computing a second "current" code could cross a 30 s boundary and
    // give the next step's code, which is rightly accepted: that made this test flaky)
    const code = await currentTotpCode(secret);
    const step = await checkTotpCode(secret, code);
    expect(step).toBeTypeOf('number');
    expect(await checkTotpCode(secret, code, BigInt(step!))).toBeNull();
  });
  it('refuses a code of another secret, an old code and garbage', async () => {
    const secret = newTotpSecret();
    expect(await checkTotpCode(secret, await currentTotpCode(newTotpSecret()))).toBeNull();
    expect(await checkTotpCode(secret, await currentTotpCode(secret, Date.now() / 1000 - 300))).toBeNull();
    expect(await checkTotpCode(secret, '12a456')).toBeNull();
    expect(await checkTotpCode(secret, '')).toBeNull();
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Lang-genoeg-wachtwoord-1');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Lang-genoeg-wachtwoord-1')).toBe(true);
    expect(await verifyPassword(h, 'lang-genoeg-wachtwoord-1')).toBe(false);
    expect(await verifyPassword(null, 'x')).toBe(false);
    expect(await verifyPassword('geen-hash', 'x')).toBe(false);
  });
  it('explains in Dutch what is wrong with a weak password', () => {
    expect(passwordProblem('kort1!')).toMatch(/minstens 12 tekens/);
    expect(passwordProblem('alleenmaarletters')).toMatch(/cijfers of leestekens/);
    expect(passwordProblem('Twaalf-tekens-1')).toBeNull();
  });
});

describe('login messages', () => {
  it('has a Dutch message per code and a safe fallback that reveals nothing', () => {
    for (const code of Object.keys(LOGIN_MESSAGES))
      expect(loginMessage(code)).toBe(LOGIN_MESSAGES[code as keyof typeof LOGIN_MESSAGES]);
    expect(loginMessage('Error: stack trace with secrets')).toBe('Inloggen is niet gelukt. Probeer het opnieuw.');
  });
});
