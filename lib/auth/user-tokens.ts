import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { TokenPurpose } from '@/lib/generated/prisma/enums';

// One-time links: the token goes in the mail, only its SHA-256 is stored.
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueUserToken(userId: string, purpose: TokenPurpose, validMinutes: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db().userToken.create({
    data: { userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + validMinutes * 60_000) },
  });
  return token;
}

/** Marks the token used and returns its user id, or null when unknown, used or expired. Atomic: one use only. */
export async function consumeUserToken(token: string): Promise<string | null> {
  const tokenHash = sha256(token);
  const row = await db().userToken.findUnique({ where: { tokenHash } });
  if (!row) return null;
  const { count } = await db().userToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1 ? row.userId : null;
}

/** Whether a token can still be used (known, unused, not expired), without using it: the page says so before anyone types. */
export async function userTokenUsable(token: string): Promise<boolean> {
  const row = await db().userToken.findUnique({ where: { tokenHash: sha256(token) } });
  return !!row && row.usedAt === null && row.expiresAt > new Date();
}
