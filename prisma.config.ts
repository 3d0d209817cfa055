import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// engine "js": the CLI uses the WASM schema engine through a driver adapter, so nothing is downloaded
// (these machines are offline). Migrations are applied by scripts/migrate.ts, not by `prisma migrate`
// (see docs/migrations.md).
// The CLI resolves env("DATABASE_URL") even for `generate`, which never connects: give it a placeholder.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join('prisma', 'schema.prisma'),
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
  migrations: { path: path.join('prisma', 'migrations') },
});
