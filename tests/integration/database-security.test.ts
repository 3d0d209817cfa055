import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScoped, withScope } from '@/lib/access/with-scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { db, pgPool } from '@/lib/db';
import {
  addTrajectories,
  makeAanbieder,
  makeGemeente,
  makeRegio,
  makeTtp,
  makeUser,
  scopeOf,
} from './helpers/fixtures';

// Attacks on the defences that do not depend on a where-clause: row-level security on client-level
// data, and the append-only audit log.
let a1: { id: string },
  a2: { id: string },
  g1: { id: string; cbsCode: string | null },
  g2: { id: string; cbsCode: string | null };
const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  await owner.connect();
  [a1, a2, g1, g2] = await Promise.all([makeAanbieder(), makeAanbieder(), makeGemeente(), makeGemeente()]);
  await addTrajectories([
    ...Array.from({ length: 10 }, (_, i) => ({ aanbiederId: a1.id, gemeentecode: g1.cbsCode!, client: `sec-a-${i}` })),
    ...Array.from({ length: 4 }, (_, i) => ({ aanbiederId: a2.id, gemeentecode: g2.cbsCode!, client: `sec-b-${i}` })),
  ]);
});
afterAll(() => owner.end());

// Deliberately no where-clause: the "forgotten filter" that RLS must catch.
const countAll = (tx: Parameters<Parameters<typeof withScope>[1]>[0]) => tx.trajectory.count();

describe('row-level security on trajectories', () => {
  it('shows a provider only its own rows, even without a where-clause', async () => {
    const scope = await scopeOf((await makeUser('AANBIEDER_UPLOAD', a2.id)).id);
    expect(await withScope(scope, countAll)).toBe(4);
  });
  it('shows a municipality only its residents and a region only its members', async () => {
    expect(await withScope(await scopeOf((await makeUser('GEMEENTE', g2.id)).id), countAll)).toBe(4);
    const regio = await makeRegio([g1.id]);
    expect(await withScope(await scopeOf((await makeUser('REGIO', regio.id)).id), countAll)).toBe(10);
  });
  it('shows the TTP and a connection without scope nothing at all', async () => {
    expect(await withScope(await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id), countAll)).toBe(0);
    expect(await db().trajectory.count()).toBe(0);
  });
  it('refuses writes of client-level data in a user scope', async () => {
    const scope = await scopeOf((await makeUser('AANBIEDER_UPLOAD', a1.id)).id);
    // even its own (visible) rows: only the import, in 'system' scope, writes client-level data
    await expect(withScope(scope, (tx) => tx.$executeRaw`UPDATE trajectory SET tevredenheid = 10`)).rejects.toThrow(
      /row-level security/,
    );
    await expect(
      withScope(scope, (tx) =>
        tx.trajectory.create({
          data: {
            aanbiederId: a1.id,
            trajectId: 'x',
            clientPseudonym: 'v1:x',
            clientKey: 1n,
            trajectKey: 1n,
            rowKey: 1n,
            recordKeyVersion: 1,
            geboortejaar: 2010,
            geslacht: 'M',
            gemeentecode: g1.cbsCode!,
            begindatum: new Date(),
            hulpvorm: '02',
          },
        }),
      ),
    ).rejects.toThrow(/row-level security/);
  });
  it('refuses deletes of client-level data in a user scope, even of the rows it may read', async () => {
    const scope = await scopeOf((await makeUser('GEMEENTE', g1.id)).id);
    expect(await withScope(scope, countAll)).toBe(10);
    expect(await withScope(scope, (tx) => tx.$executeRaw`DELETE FROM trajectory`)).toBe(0);
    expect(await withScope(scope, (tx) => tx.trajectory.deleteMany({}))).toEqual({ count: 0 });
    expect(await withScope(scope, countAll)).toBe(10);
  });
  it('admits exactly the codes of a long municipal scope, and nothing for an empty or missing one', async () => {
    // Straight on the database as the application role, without the portal's where-clauses: the
    // policy checks a municipal scope with a hash (20261204000000). 400 other codes with g1's among
    // them see g1's residents and its one provider pair; an empty list, commas only, or no list (on a
    // new connection, where the setting does not exist at all), none.
    const asApp = async (codes: string | null, client = owner) => {
      await client.query('BEGIN');
      try {
        await client.query('SET LOCAL ROLE gemeenteportaal_app');
        await client.query(`SELECT set_config('app.scope_kind', 'gemeente', true)`);
        if (codes !== null) await client.query(`SELECT set_config('app.scope_gemeenten', $1, true)`, [codes]);
        const t = await client.query('SELECT gemeentecode, count(*)::int AS n FROM trajectory GROUP BY 1');
        const pairs = await client.query('SELECT count(*)::int AS n FROM aanbieder_gemeente');
        return { trajectories: Object.fromEntries(t.rows.map((r) => [r.gemeentecode, r.n])), pairs: pairs.rows[0].n };
      } finally {
        await client.query('ROLLBACK');
      }
    };
    const others = Array.from({ length: 400 }, (_, i) => `Z${String(i).padStart(3, '0')}`);
    expect(await asApp([...others, g1.cbsCode].join(','))).toEqual({
      trajectories: { [g1.cbsCode!]: 10 },
      pairs: 1,
    });
    for (const none of ['', ',,,']) expect(await asApp(none)).toEqual({ trajectories: {}, pairs: 0 });
    const fresh = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await fresh.connect();
    try {
      expect(await asApp(null, fresh)).toEqual({ trajectories: {}, pairs: 0 });
    } finally {
      await fresh.end();
    }
  });
  it('runs the application as a role without BYPASSRLS, not as the owner', async () => {
    const [r] = await db().$queryRaw<{ current_user: string; bypass: boolean; superuser: boolean }[]>`
      SELECT current_user::text AS current_user, rolbypassrls AS bypass, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`;
    expect(r.current_user).toBe('gemeenteportaal_app');
    expect(r.bypass).toBe(false);
    expect(r.superuser).toBe(false);
  });
});

// The dashboards' read path (figure cache): BEGIN, the scope and a first statement in one round trip,
// and the answer does not wait for the COMMIT.
describe('readScoped', () => {
  const COUNT = 'SELECT count(*)::int AS n FROM trajectory';
  it('applies row-level security from its first statement on', async () => {
    const scope = await scopeOf((await makeUser('GEMEENTE', g2.id)).id);
    const [first, second] = await readScoped(scope, COUNT, async (client, rows) => [
      rows[0].n,
      (await client.query(COUNT)).rows[0].n,
    ]);
    expect([first, second]).toEqual([4, 4]);
  });
  it('refuses every write, even where the scope would allow nothing anyway', async () => {
    const scope = await scopeOf((await makeUser('GEMEENTE', g1.id)).id);
    await expect(
      readScoped(scope, 'SELECT 1', (client) => client.query(`INSERT INTO data_generation (generation) VALUES (0)`)),
    ).rejects.toThrow(/read-only transaction/);
  });
  it('reads one snapshot: a commit between its statements is not seen', async () => {
    const scope = await scopeOf((await makeUser('GEMEENTE', g1.id)).id);
    const generation = 'SELECT generation::text AS g FROM data_generation';
    const [before, after] = await readScoped(scope, generation, async (client, rows) => {
      await owner.query('UPDATE data_generation SET generation = generation + 1');
      return [rows[0].g, (await client.query(generation)).rows[0].g];
    });
    expect(after).toBe(before);
    const now = await readScoped(scope, generation, async (_c, rows) => rows[0].g);
    expect(now).not.toBe(before);
  });
  it('hands every connection back, after a failure too, each one usable', async () => {
    const scope = await scopeOf((await makeUser('GEMEENTE', g2.id)).id);
    // Three times the pool: a connection kept after its COMMIT or its failure would exhaust it.
    for (let i = 0; i < 30; i++) {
      if (i % 3 === 0) await expect(readScoped(scope, 'SELECT 1/0', async () => 0)).rejects.toThrow(/division/);
      else if (i % 3 === 1)
        await expect(readScoped(scope, 'SELECT 1', async (c) => c.query('SELECT x'))).rejects.toThrow();
      else expect(await readScoped(scope, COUNT, async (_c, rows) => rows[0].n)).toBe(4);
    }
    const settled = Date.now() + 2_000;
    while (pgPool().idleCount < pgPool().totalCount && Date.now() < settled)
      await new Promise((r) => setTimeout(r, 10));
    expect(pgPool().waitingCount).toBe(0);
    expect(pgPool().idleCount).toBe(pgPool().totalCount);
  });
});

describe('audit log is append-only', () => {
  it('refuses UPDATE and DELETE from the application role', async () => {
    await writeAudit({ event: 'test.onveranderlijk', object: 'x' });
    // The application role was never granted UPDATE or DELETE on the log (the trigger is the second wall).
    await expect(
      db().$executeRaw`UPDATE audit_log SET event = 'vervalst' WHERE event = 'test.onveranderlijk'`,
    ).rejects.toThrow(/permission denied for table audit_log/);
    await expect(db().$executeRaw`DELETE FROM audit_log WHERE event = 'test.onveranderlijk'`).rejects.toThrow(
      /permission denied for table audit_log/,
    );
    expect(await db().auditLog.count({ where: { event: 'test.onveranderlijk' } })).toBeGreaterThanOrEqual(1);
  });
  it('refuses UPDATE, DELETE and TRUNCATE even from the owner', async () => {
    await expect(owner.query(`UPDATE audit_log SET event = 'vervalst'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE event = 'test.onveranderlijk'`);
    expect(rows[0].n).toBe(1);
  });
});
