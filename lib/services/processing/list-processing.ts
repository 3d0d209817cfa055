import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { IMPORT_RUN_EVENT } from '@/lib/audit/events';
import { db } from '@/lib/db';
import { parseFileReport } from '@/lib/imports/file-report';
import { NIGHTLY_IMPORT } from '@/lib/imports/nightly-schedule';

/**
 * Every upload of every provider for the TTP's processing monitor: status, counts, and the
 * errors counted per code. Never the values of the report: those are provider data.
 */
export async function listProcessing(scope: Extract<Scope, { kind: 'ttp' }>, take = 200) {
  checkCaller(scope, 'processing:monitor', 'ttp');
  const uploads = await db().upload.findMany({
    orderBy: { receivedAt: 'desc' },
    take,
    select: {
      id: true,
      kind: true,
      status: true,
      fileName: true,
      receivedAt: true,
      processedAt: true,
      rowCount: true,
      acceptedCount: true,
      rejectedCount: true,
      report: true,
      storagePath: true,
      aanbieder: { select: { name: true, agbCode: true } },
    },
  });
  return uploads.map(({ report, storagePath, ...u }) => {
    const r = parseFileReport(report);
    const errorCodes: Record<string, number> = {};
    for (const e of r?.errors ?? []) errorCodes[e.code] = (errorCodes[e.code] ?? 0) + 1;
    return { ...u, fileError: r?.fileError ?? null, errorCodes, canRerun: canRerun(u.status, storagePath) };
  });
}

/** A file can be processed again when it was refused or got stuck, and its raw file is still kept. */
export function canRerun(status: string, storagePath: string | null): boolean {
  return storagePath !== null && (status === 'AFGEWEZEN' || status === 'IN_VERWERKING');
}

/** When the import job last ran (from its audit record), and when the nightly run comes next. */
export async function getImportSchedule(now = new Date()) {
  const last = await db().auditLog.findFirst({
    where: { event: IMPORT_RUN_EVENT },
    orderBy: { id: 'desc' },
    select: { occurredAt: true, object: true },
  });
  const { hour, timeZone } = NIGHTLY_IMPORT;
  const hourThere = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(now),
  );
  const nextDay = new Date(now.getTime() + (hourThere < hour ? 0 : 86_400_000));
  const nextNight = new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(nextDay);
  return {
    lastRunAt: last?.occurredAt ?? null,
    lastRun: last?.object ? (JSON.parse(last.object) as { processed: number; skipped: number }) : null,
    nextNight: `${nextNight}, ${String(hour).padStart(2, '0')}:00`,
  };
}
