import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Secrets for the local demo only: generated once into .data/secrets.json (mode 600, git-ignored).
// A real deployment passes them in the environment (see .env.example); lib/env.ts refuses to run without them.
export const SECRET_NAMES = ['NEXTAUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'PSEUDONYM_KEY', 'CELL_KEY_SECRET'] as const;
type Secrets = Record<(typeof SECRET_NAMES)[number], string>;

export const generateSecrets = (): Secrets => ({
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  PSEUDONYM_KEY: randomBytes(32).toString('base64'),
  CELL_KEY_SECRET: randomBytes(32).toString('base64'),
});

export function loadOrCreateLocalSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    // A demo data folder from before a secret existed gets the new one added, the others kept.
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
    if (SECRET_NAMES.every((name) => stored[name])) return stored as Secrets;
    const completed = { ...generateSecrets(), ...stored };
    writeFileSync(file, JSON.stringify(completed, null, 2), { mode: 0o600 });
    return completed;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secrets = generateSecrets();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Fills only what the environment does not already set. */
export function applySecrets(secrets: Secrets) {
  for (const name of SECRET_NAMES) process.env[name] ??= secrets[name];
}
