import { createHmac } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

// Rate limits for public forms and the delivery API, counted in PostgreSQL so they hold across server processes and
// restarts. The key (e.g. the client address) is stored only as a keyed hash.

export type RateLimit = { bucket: string; max: number; windowMinutes: number };

export const RATE_LIMITS = {
  /** Aanmelding: per address, and for everyone together (a flood from many addresses still stops). */
  aanmeldingPerAddress: { bucket: 'aanmelding', max: 5, windowMinutes: 60 },
  aanmeldingTotal: { bucket: 'aanmelding-totaal', max: 200, windowMinutes: 24 * 60 },
  /**
   * Deliveries through the API, per provider (over all its tokens: a second token does not start
   * afresh): a monthly file with retries fits many times over; a runaway script does not.
   */
  aanleveringPerAanbieder: { bucket: 'aanlevering-aanbieder', max: 30, windowMinutes: 60 },
} as const satisfies Record<string, RateLimit>;

const LONGEST_WINDOW_MINUTES = Math.max(...Object.values(RATE_LIMITS).map((l) => l.windowMinutes));

const keyHash = (key: string) => createHmac('sha256', env().NEXTAUTH_SECRET).update(`rate-limit:${key}`).digest('hex');

/**
 * Counts one attempt and says whether it is within the limit. Attempts over the limit are counted
 * too, so hammering keeps the door shut. Serialised per key by an advisory lock (no race between
 * count and insert).
 */
export async function takeRateLimit(limit: RateLimit, key: string, now = new Date()): Promise<boolean> {
  const hash = keyHash(key);
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${limit.bucket}:${hash}`}, 0))`;
    const count = await tx.rateLimitEvent.count({
      where: { bucket: limit.bucket, keyHash: hash, occurredAt: { gt: since } },
    });
    await tx.rateLimitEvent.create({ data: { bucket: limit.bucket, keyHash: hash, occurredAt: now } });
    await tx.rateLimitEvent.deleteMany({
      where: { bucket: limit.bucket, occurredAt: { lt: new Date(now.getTime() - LONGEST_WINDOW_MINUTES * 60_000) } },
    });
    return count < limit.max;
  });
}
