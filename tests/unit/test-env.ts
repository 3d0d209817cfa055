// Unit tests need keys for the crypto helpers, never a database.
import { generateSecrets } from '@/scripts/local-secrets';

Object.assign(
  process.env,
  { DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://unused/unused' },
  generateSecrets(),
);
