import { hash, verify } from '@node-rs/argon2';

// argon2id (the library default) with OWASP's minimum: 19 MiB, 2 iterations.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, OPTIONS);

export async function verifyPassword(hashed: string | null | undefined, plain: string): Promise<boolean> {
  if (!hashed) return false;
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** Password rule shown to users: 12+ characters, not only letters. */
export function passwordProblem(plain: string): string | null {
  if (plain.length < 12) return 'Kies een wachtwoord van minstens 12 tekens.';
  if (plain.length > 200) return 'Kies een wachtwoord van hoogstens 200 tekens.';
  if (/^[A-Za-z]+$/.test(plain)) return 'Gebruik naast letters ook cijfers of leestekens.';
  return null;
}
