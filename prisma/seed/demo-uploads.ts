import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';

// A plausible delivery history for two providers (their raw files long past retention), so the
// upload history and the TTP's processing monitor are not empty in the demo.
const DAY = 86_400_000;
const err = (line: number, field: string, value: string, code: string, message: string) => ({
  line,
  field,
  value,
  code,
  message,
});

export async function seedDemoUploads(aanbieders: Map<string, string>, today: Date) {
  for (const agb of ['98100001', '98100002']) {
    const aanbiederId = aanbieders.get(agb)!;
    const history = [
      { days: 400, kind: 'TEST', fileName: 'testbestand.csv', status: 'VERWERKT', rows: 120, errors: [] },
      {
        days: 62,
        kind: 'PRODUCTIE',
        fileName: 'aanlevering-september.csv',
        status: 'VERWERKT_MET_FOUTEN',
        rows: 842,
        errors: [
          err(17, 'hulpvorm', '99', 'ONBEKENDE_CODE', 'Onbekende code voor hulpvorm; verwacht 01 t/m 14.'),
          err(233, 'einddatum', '20250101', 'EINDE_VOOR_BEGIN', 'De einddatum ligt vóór de begindatum.'),
        ],
      },
      {
        days: 31,
        kind: 'PRODUCTIE',
        fileName: 'aanlevering-oktober.csv',
        status: 'AFGEWEZEN',
        rows: 0,
        errors: [],
        fileError: 'Het scheidingsteken is niet herkend: gebruik een puntkomma (;) of een komma (,) tussen de velden.',
      },
      {
        days: 29,
        kind: 'PRODUCTIE',
        fileName: 'aanlevering-oktober-v2.csv',
        status: 'VERWERKT',
        rows: 860,
        errors: [],
      },
    ] as const;
    for (const h of history) {
      const at = new Date(today.getTime() - h.days * DAY);
      const rejected = h.errors.length;
      const report = {
        rows: h.rows,
        accepted: h.rows - rejected,
        rejected,
        errors: h.errors,
        ...('fileError' in h ? { fileError: h.fileError } : {}),
      };
      await db().upload.create({
        data: {
          aanbiederId,
          kind: h.kind,
          status: h.status,
          fileName: h.fileName,
          sizeBytes: h.rows * 96 + 180,
          sha256: randomBytes(32).toString('hex'),
          receivedAt: at,
          processedAt: new Date(at.getTime() + 3 * 3_600_000),
          rowCount: h.rows,
          acceptedCount: report.accepted,
          rejectedCount: rejected,
          report,
          fileDeletedAt: new Date(at.getTime() + 31 * DAY),
        },
      });
    }
  }
}
