import { runRoute } from '@/app/api/run-route';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { RawRecord } from '@/lib/cbs/layout';
import { LAYOUT_VERSION } from '@/lib/cbs/layout';
import {
  EXAMPLE_AGB_PLACEHOLDER,
  exampleRecords,
  exampleWmoRecords,
  toCsv,
  toFixedWidth,
  toXlsx,
} from '@/lib/cbs/write-files';
import { AppError } from '@/lib/errors';

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', make: async (rows: RawRecord[]) => toCsv(rows) },
  txt: { type: 'text/plain; charset=utf-8', make: async (rows: RawRecord[]) => toFixedWidth(rows) },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    make: async (rows: RawRecord[]) => new Uint8Array(await toXlsx(rows)),
  },
} as const;

/**
 * Example files, written from the same layout definition the parser reads. A signed-in provider gets
 * its own AGB code in them, so the example goes through as a test file; anyone else the placeholder
 * the format page tells them to replace. `?domein=wmo` gives Wmo rows (deliver them as Wmo).
 */
export const GET = runRoute<{ formaat: string }>({
  access: { public: true },
  run: async ({ params, url }) => {
    if (!Object.hasOwn(FORMATS, params.formaat)) throw new AppError('Onbekend formaat.', 404);
    const f = FORMATS[params.formaat as keyof typeof FORMATS];
    const agb = (await getCurrentUser())?.agbCode ?? EXAMPLE_AGB_PLACEHOLDER;
    const wmo = url.searchParams.get('domein') === 'wmo';
    return new Response(await f.make(wmo ? exampleWmoRecords(agb) : exampleRecords(agb)), {
      headers: {
        'content-type': f.type,
        'content-disposition': `attachment; filename="voorbeeld-${wmo ? 'wmo-' : ''}${LAYOUT_VERSION}.${params.formaat}"`,
      },
    });
  },
});
