// CI (.ci/run): an install without dev dependencies, as a TTP's server has it, can import a file. A
// copy of the tracked tree gets `npm ci --omit=dev`, generates its client, migrates a fresh database
// and imports a small production file with `npm run import:file`; a package the import needs at run
// time but listed under devDependencies fails it. Prints one line; exits 1 on failure.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { exampleRecords, toCsv } from '@/lib/cbs/write-files';
import { openDatabaseServer } from './database-server';
import { generateSecrets } from './local-secrets';

const AGB = '96000001';
const t0 = performance.now();
const dir = mkdtempSync(path.join(os.tmpdir(), 'gp-productie-installatie-'));
const server = await openDatabaseServer('prod-install-pg', 54359);
let failure: string | null = null;
let db: pg.Client | undefined;
try {
  for (const file of execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean)) {
    if (!existsSync(file)) continue; // deleted in the work tree, not yet committed
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    cpSync(file, path.join(dir, file));
  }
  const url = await server.fresh('productie_installatie');
  const env = { ...process.env, ...generateSecrets(), DATABASE_URL: url, UPLOAD_DIR: path.join(dir, 'uploads') };
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run('npm', ['ci', '--omit=dev', '--strict-allow-scripts', '--no-audit', '--no-fund', '--prefer-offline']);
  if (existsSync(path.join(dir, 'node_modules', 'vitest'))) throw new Error('npm ci --omit=dev installeerde vitest');
  run('npm', ['run', 'generate']);
  run('npm', ['run', 'db:migrate']);

  const rows = exampleRecords(AGB);
  db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(
    `WITH org AS (INSERT INTO organisation (id, kind, name, agb_code) VALUES (gen_random_uuid(), 'AANBIEDER', 'Productie-installatie', $1) RETURNING id)
     INSERT INTO processing_agreement (id, aanbieder_id, version, status, signed_at, valid_from)
     SELECT gen_random_uuid(), id, 'ci', 'ONDERTEKEND', current_date, current_date FROM org`,
    [AGB],
  );
  const file = path.join(dir, 'levering.csv');
  writeFileSync(file, toCsv(rows));
  const summary = JSON.parse(run('npm', ['run', '--silent', 'import:file', '--', '--agb', AGB, '--file', file]));
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM trajectory`)).rows;
  if (summary.accepted !== rows.length || n !== rows.length)
    throw new Error(`${summary.accepted} goedgekeurd, ${n} trajecten geladen; verwacht ${rows.length}`);
} catch (err) {
  const e = err as Error & { stdout?: string }; // a failed command's message holds its stderr
  failure = [e.message, e.stdout].filter(Boolean).join('\n').slice(-4000);
} finally {
  await db?.end().catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
const seconds = ((performance.now() - t0) / 1000).toFixed(0);
if (failure) {
  console.error(`Installatie zonder dev-afhankelijkheden kan niet importeren (${seconds} s):\n${failure}`);
  process.exit(1);
}
console.log(`Installatie zonder dev-afhankelijkheden importeert een bestand (${seconds} s).`);
