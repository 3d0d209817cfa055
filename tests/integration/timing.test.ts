import { afterAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { backgroundSettled } from '@/lib/background';
import { db } from '@/lib/db';
import { submitAccessRequest } from '@/lib/services/access-requests/submit-access-request';
import { makeAanbieder, makeGemeente, makeUser } from './helpers/fixtures';

// No timing oracle: login, password reset and aanmelding take as long for an address (or AGB code)
// the portal knows as for one it does not. Each round runs three calls in a random order: A and C
// both unknown, B known. Interleaving spreads a loaded machine's drift over all three. The measure
// is the Mann-Whitney AUC, the chance that a B call takes longer than an A call: 0.5 when nothing
// tells them apart. The test fails when AUC(A, B) is further from 0.5 than the run's own noise:
// four standard errors of the AUC under equal distributions, plus how far the same-vs-same AUC(A, C)
// strayed in this run.

const ROUNDS = 90;

const shuffle = <T>(xs: T[]) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

/** P(b > a) + P(b = a) / 2 over all pairs. */
function auc(a: number[], b: number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) wins += y > x ? 1 : y === x ? 0.5 : 0;
  return wins / (a.length * b.length);
}

type Call = () => Promise<unknown>;

async function compare(calls: { a: Call; b: Call; c: Call }, after: () => Promise<void>) {
  const times = { a: [] as number[], b: [] as number[], c: [] as number[] };
  for (const k of ['a', 'b', 'c'] as const) await calls[k]().catch(() => undefined); // warm up
  await after();
  for (let round = 0; round < ROUNDS; round++) {
    for (const k of shuffle(['a', 'b', 'c'] as const)) {
      const start = performance.now();
      await calls[k]().catch(() => undefined);
      times[k].push(performance.now() - start);
      await after();
    }
  }
  const n = ROUNDS;
  const se = Math.sqrt((2 * n + 1) / (12 * n * n));
  const result = {
    medianUnknown: median(times.a),
    medianKnown: median(times.b),
    medianUnknown2: median(times.c),
    aucKnown: auc(times.a, times.b),
    aucSame: auc(times.a, times.c),
    allowed: 4 * se + Math.abs(auc(times.a, times.c) - 0.5),
  };
  console.log(JSON.stringify(result, (_k, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));
  return result;
}

afterAll(backgroundSettled);

describe('no timing oracle', () => {
  it('login: an unknown address takes as long as a known one with a wrong password', async () => {
    const known = await makeUser('GEMEENTE', (await makeGemeente()).id, { enrolled: true });
    const login = (email: string) => () => authenticate({ email, password: 'Fout-wachtwoord-123', code: '123456' });
    const r = await compare(
      { a: login('onbekend-a@test.nl'), b: login(known.email), c: login('onbekend-c@test.nl') },
      async () => {
        await backgroundSettled();
        await db().user.update({ where: { id: known.id }, data: { failedLogins: 0, lockedUntil: null } });
      },
    );
    expect(Math.abs(r.aucKnown - 0.5)).toBeLessThanOrEqual(r.allowed);
  }, 240_000);

  it('password reset: an unknown address takes as long as a known one', async () => {
    const known = await makeUser('GEMEENTE', (await makeGemeente()).id, { enrolled: true });
    const r = await compare(
      {
        a: () => requestPasswordReset('onbekend-a@test.nl'),
        b: () => requestPasswordReset(known.email),
        c: () => requestPasswordReset('onbekend-c@test.nl'),
      },
      async () => {
        await backgroundSettled();
        await db().userToken.deleteMany({ where: { userId: known.id } });
      },
    );
    expect(Math.abs(r.aucKnown - 0.5)).toBeLessThanOrEqual(r.allowed);
  }, 240_000);

  it('aanmelding: a known AGB code takes as long as an unknown one', async () => {
    const known = await makeAanbieder();
    let i = 0;
    const request = (agbCode: string) => () =>
      submitAccessRequest(
        {
          organisationName: 'Tijdmeting',
          agbCode,
          contactName: 'Tijd Meting',
          contactEmail: 'tijd@test.nl',
          contactPhone: '',
          accounts: [{ name: 'Tijd Meting', email: 'tijd@test.nl', role: 'AANBIEDER_INZAGE' }],
          note: '',
        },
        { address: `10.9.${Math.floor(i / 250)}.${i++ % 250}`, honeypot: false },
      );
    const r = await compare(
      { a: request('97999991'), b: request(known.agbCode!), c: request('97999992') },
      async () => {
        await backgroundSettled();
        await db().rateLimitEvent.deleteMany({ where: { bucket: 'aanmelding-totaal' } });
      },
    );
    expect(Math.abs(r.aucKnown - 0.5)).toBeLessThanOrEqual(r.allowed);
  }, 240_000);
});
