import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withScope } from '@/lib/access/with-scope';
import { db } from '@/lib/db';
import { DEMO_AANBIEDERS, DEMO_ACCOUNTS } from '@/prisma/seed/demo-organisations';
import { seedDemo } from '@/prisma/seed/seed-demo';
import { type DatabaseServer, openDatabaseServer } from '@/scripts/database-server';

// The demo that `npm start` shows, seeded by `npm run db:seed` into a database of its own (the
// shared test database holds other tests' organisations), and then looked at: the accounts of the
// README, the trajectories the dashboards need, and nothing a person could be traced by.
let server: DatabaseServer | undefined;
afterAll(() => server?.close());

describe('demo seed', () => {
  it('does nothing on a database that already holds organisations', async () => {
    if ((await db().organisation.count()) === 0) await db().organisation.create({ data: { kind: 'TTP', name: 'x' } });
    expect(await seedDemo({ trajectories: 10 })).toBe(false);
  });

  it('nothing in this database, seeded by any test, holds anything but stage-2 pseudonyms', async () => {
    const bad = await withScope('system', (tx) =>
      tx.trajectory.count({ where: { NOT: { clientPseudonym: { startsWith: 'v1:' } } } }),
    );
    expect(bad).toBe(0);
  });

  it('fills an empty database with the accounts, providers and trajectories the README promises', async () => {
    server = await openDatabaseServer('test-pg', 54339);
    const url = await server.fresh('seed');
    const seeded = spawnSync('node_modules/.bin/tsx', ['scripts/seed.ts'], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain('Demodata geladen.');
    const client = new pg.Client({ connectionString: url }); // the owner: sees every row
    await client.connect();
    try {
      const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
      const users = await q<{ email: string; role: string; totp: boolean }>(
        'SELECT email, role::text, totp_secret_enc IS NOT NULL AS totp FROM app_user',
      );
      for (const a of DEMO_ACCOUNTS)
        expect(users, a.email).toContainEqual({ email: a.email, role: a.role, totp: true });
      const providers = await q<{ agb_code: string; status: string }>(
        `SELECT o.agb_code, a.status::text FROM organisation o JOIN processing_agreement a ON a.aanbieder_id = o.id`,
      );
      for (const p of DEMO_AANBIEDERS)
        expect(providers, p.agbCode).toContainEqual({ agb_code: p.agbCode, status: p.agreement });

      const [t] = await q<{ n: number; pseudo_ok: number; keyed: number; linked: number; tilburg_providers: number }>(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE client_pseudonym ~ '^v1:[0-9a-f]{64}$')::int AS pseudo_ok,
                count(*) FILTER (WHERE record_key_version = 1)::int AS keyed,
                count(*) FILTER (WHERE volgende_start IS NOT NULL)::int AS linked,
                count(DISTINCT aanbieder_id) FILTER (WHERE gemeentecode = '0855')::int AS tilburg_providers
         FROM trajectory`,
      );
      expect(t.n).toBeGreaterThanOrEqual(19_000);
      expect(t.pseudo_ok).toBe(t.n); // only stage-2 pseudonyms, never a client number or a BSN
      expect(t.keyed).toBe(t.n); // every record keyed for the disclosure control
      expect(t.linked).toBeGreaterThan(100); // the cross-provider link ran
      expect(t.tilburg_providers).toBeGreaterThanOrEqual(8); // gemeente@ compares several providers
      const [ended] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM trajectory WHERE einddatum >= current_date - 365 AND tevredenheid IS NOT NULL`,
      );
      expect(ended.n).toBeGreaterThan(1_000); // a year of measured endings: every dashboard card has figures
    } finally {
      await client.end();
    }
  }, 240_000);
});
