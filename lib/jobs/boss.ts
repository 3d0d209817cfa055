import PgBoss from 'pg-boss';
import { env } from '@/lib/env';
import { NIGHTLY_IMPORT, NIGHTLY_IMPORT_CRON } from '@/lib/imports/nightly-schedule';
import { deliverOutbox } from '@/lib/mail/send-mail';
import { runImportJob } from './run-import-job';

// pg-boss keeps its queue in PostgreSQL (schema pgboss): a schedule fires once across all
// instances, and no other service is needed. It connects as the owner (it manages its own schema).
export const QUEUE_TEST = 'import-testbestanden';
export const QUEUE_NIGHTLY = 'import-nachtelijk';
export const QUEUE_MAIL = 'e-mail-versturen';

const g = globalThis as unknown as { gpBoss?: Promise<PgBoss> };

async function start(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 3 });
  boss.on('error', (err) => console.error('[jobs]', err.message));
  await boss.start();
  for (const q of [QUEUE_TEST, QUEUE_NIGHTLY, QUEUE_MAIL]) await boss.createQueue(q);
  // Nightly: every waiting file, test and production.
  await boss.schedule(QUEUE_NIGHTLY, NIGHTLY_IMPORT_CRON, {}, { tz: NIGHTLY_IMPORT.timeZone });
  await boss.work(QUEUE_NIGHTLY, async () => void (await runImportJob(['TEST', 'PRODUCTIE'])));
  // Test files: processed as soon as they arrive (a job per upload), and swept every minute.
  await boss.schedule(QUEUE_TEST, '* * * * *', {}, { tz: 'Europe/Amsterdam' });
  await boss.work(QUEUE_TEST, { pollingIntervalSeconds: 2 }, async () => void (await runImportJob(['TEST'])));
  // Mail a process could not deliver right after its request (a restart in between): every minute.
  await boss.schedule(QUEUE_MAIL, '* * * * *', {}, { tz: 'Europe/Amsterdam' });
  await boss.work(QUEUE_MAIL, async () => void (await deliverOutbox()));
  return boss;
}

/** The job runner of this process (started once, by instrumentation.ts). */
export function getBoss(): Promise<PgBoss> {
  g.gpBoss ??= start();
  return g.gpBoss;
}

/** Asks for a test file to be processed now; without a job runner the per-minute sweep (or cron) does it. */
export async function requestTestImport(): Promise<void> {
  if (env().JOBS_IN_SERVER !== 'aan') return;
  await (await getBoss()).send(QUEUE_TEST, {});
}
