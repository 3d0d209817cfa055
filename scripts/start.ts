// npm start — the portal with demo data on an embedded PostgreSQL when DATABASE_URL is unset,
// or against $DATABASE_URL when it is set. See README.md, "Snel starten".
import path from 'node:path';
import { migrate } from '@/lib/db/migrate';
import { buildIfNeeded, generateClientIfNeeded } from './build-if-needed';
import { type EmbeddedDb, ensureDatabase, startEmbeddedDb } from './embedded-db';
import { applySecrets, loadOrCreateLocalSecrets } from './local-secrets';
import { startWebServer, type WebServer } from './web-processes';

const root = process.cwd();
const dataDir = process.env.GP_DATA_DIR ?? path.join(root, '.data');
const port = Number(process.env.PORT ?? 3000);
const dev = process.argv.includes('--dev');
const demo = !process.env.DATABASE_URL;
let embedded: EmbeddedDb | undefined;
let server: WebServer | undefined;
let stopping = false;

/** Ctrl-C: stop the web server first, then the database, then exit. */
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  await server?.stop();
  await embedded?.stop().catch(() => undefined);
  process.exit(code);
}

async function main() {
  if (demo) {
    applySecrets(loadOrCreateLocalSecrets(dataDir));
    process.env.UPLOAD_DIR ??= path.join(dataDir, 'uploads');
    console.log('Geen DATABASE_URL: ingebouwde PostgreSQL starten in', path.join(dataDir, 'pg'));
    embedded = await startEmbeddedDb(path.join(dataDir, 'pg'), Number(process.env.GP_EMBEDDED_PG_PORT ?? 54329));
    await ensureDatabase(embedded.serverUrl, 'gemeenteportaal');
    process.env.DATABASE_URL = embedded.serverUrl('gemeenteportaal');
  }
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;
  // The outbox page may show account links in the local demo without a mail server, and only there
  // (lib/mail/send-mail.ts; lib/env.ts refuses the setting beside SMTP_URL or a public APP_URL).
  const localUrl = ['localhost', '127.0.0.1'].includes(new URL(process.env.APP_URL).hostname);
  if (demo && !process.env.SMTP_URL && localUrl) process.env.LOCAL_DEMO = 'aan';

  const { applied } = await migrate(process.env.DATABASE_URL!);
  if (applied.length) console.log(`Migraties toegepast: ${applied.join(', ')}`);
  generateClientIfNeeded(root);
  const { env } = await import('@/lib/env');
  env(); // fail early, in Dutch, on missing or malformed configuration

  {
    const { closeDb } = await import('@/lib/db');
    if (demo) {
      const { seedDemo } = await import('@/prisma/seed/seed-demo');
      if (await seedDemo()) console.log('Demodata geladen.');
    }
    // Records from before record keys existed, or from an older CELL_KEY_VERSION (docs/disclosure-control.md).
    const { refreshRecordKeys } = await import('@/lib/imports/refresh-record-keys');
    const rekeyed = await refreshRecordKeys();
    if (rekeyed) console.log(`Recordsleutels bijgewerkt voor ${rekeyed} trajectregels.`);
    await closeDb();
  }
  if (!dev) await buildIfNeeded(root);

  const processes = dev ? 1 : env().WEB_PROCESSES;
  if (processes > 1) console.log(`${processes} webserverprocessen op poort ${port}.`);
  server = startWebServer({ count: processes, port, env: process.env, dev });
  let welcomed = false;
  for (const child of server.processes) {
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text);
      if (!welcomed && /Ready in|✓ Ready/.test(text)) {
        welcomed = true;
        printWelcome();
      }
    });
    child.stderr?.pipe(process.stderr);
    child.on('exit', (code) => shutdown(code ?? 0));
  }
}

async function printWelcome() {
  console.log(`\nGemeenteportaal draait op ${process.env.APP_URL}`);
  if (!demo) return;
  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('@/prisma/seed/demo-organisations');
  console.log(`\nDemo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(17)} ${a.email}`);
  console.log('\nDe 2FA-code van een demo-account: npm run demo:code -- <e-mailadres> (in een tweede terminal).');
  console.log('Of voeg de geheime sleutel toe aan een authenticator-app: zie README.md. Stoppen: Ctrl-C.\n');
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (err) => {
  console.error(`\nStarten mislukt: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
