import { generate, generateSecret, generateURI, verify } from 'otplib';

// RFC 6238 TOTP, 6 digits, 30 s. One period of clock drift is tolerated either way.
const ISSUER = 'Gemeenteportaal';

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, email: string) => generateURI({ issuer: ISSUER, label: email, secret });

/** The current code (used by the demo helper `npm run demo:code` and by tests). */
export const currentTotpCode = (secret: string, epochSeconds?: number) => generate({ secret, epoch: epochSeconds });

/**
 * Checks a code; returns the accepted time step, or null. Passing the last accepted step
 * refuses a replay of the same (or an older) code.
 */
export async function checkTotpCode(secret: string, code: string, lastStep?: bigint | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      afterTimeStep: lastStep == null ? undefined : Number(lastStep),
    });
    // For TOTP the result carries the matched time step (otplib types it as the HOTP/TOTP union).
    return result.valid ? (result as { timeStep: number }).timeStep : null;
  } catch {
    return null; // e.g. afterTimeStep ahead of the clock: treat as invalid, never as a crash
  }
}
