import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';

const url = process.env.DATABASE_URL!;
const client = new pg.Client({ connectionString: url });
afterAll(() => client.end());

describe('migration runner', () => {
  it('records migrations as Prisma does and applies nothing twice', async () => {
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].finished_at).not.toBeNull();
    expect(rows[0].applied_steps_count).toBe(1);
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gp-mig-'));
    cpSync(path.join(process.cwd(), 'prisma', 'migrations'), dir, { recursive: true });
    const { rows } = await client.query(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name LIMIT 1`,
    );
    writeFileSync(path.join(dir, rows[0].migration_name, 'migration.sql'), '-- edited\nSELECT 1;');
    await expect(migrate(url, dir)).rejects.toThrow(/gewijzigd nadat ze is toegepast/);
  });

  it('rolls back a failing migration completely', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gp-mig-'));
    cpSync(path.join(process.cwd(), 'prisma', 'migrations'), dir, { recursive: true });
    const name = '29991231000000_broken';
    cpSync(path.join(dir, 'migration_lock.toml'), path.join(dir, 'x.toml'));
    const target = path.join(dir, name);
    (await import('node:fs')).mkdirSync(target);
    writeFileSync(
      path.join(target, 'migration.sql'),
      'CREATE TABLE half_done (id int);\nSELECT * FROM does_not_exist;',
    );
    await expect(migrate(url, dir)).rejects.toThrow(/Migratie 29991231000000_broken mislukt/);
    const table = await client.query(`SELECT to_regclass('public.half_done') AS t`);
    expect(table.rows[0].t).toBeNull();
    const rec = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [name]);
    expect(rec.rowCount).toBe(0);
  });
});
