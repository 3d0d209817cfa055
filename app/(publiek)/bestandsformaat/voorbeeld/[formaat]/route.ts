import { runRoute } from '@/app/api/run-route';
import { getCurrentUser } from '@/lib/auth/current-user';
import { LAYOUT_VERSION } from '@/lib/cbs/layout';
import { EXAMPLE_AGB_PLACEHOLDER, exampleRecords, toCsv, toFixedWidth, toXlsx } from '@/lib/cbs/write-files';
import { AppError } from '@/lib/errors';

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', make: async (agb: string) => toCsv(exampleRecords(agb)) },
  txt: { type: 'text/plain; charset=utf-8', make: async (agb: string) => toFixedWidth(exampleRecords(agb)) },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    make: async (agb: string) => new Uint8Array(await toXlsx(exampleRecords(agb))),
  },
} as const;

/**
 * Example files, written from the same layout definition the parser reads. A signed-in provider gets
 * its own AGB code in them, so the example goes through as a test file; anyone else the placeholder
 * the format page tells them to replace.
 */
export const GET = runRoute<{ formaat: string }>({
  access: { public: true },
  run: async ({ params }) => {
    if (!Object.hasOwn(FORMATS, params.formaat)) throw new AppError('Onbekend formaat.', 404);
    const f = FORMATS[params.formaat as keyof typeof FORMATS];
    const agb = (await getCurrentUser())?.agbCode ?? EXAMPLE_AGB_PLACEHOLDER;
    return new Response(await f.make(agb), {
      headers: {
        'content-type': f.type,
        'content-disposition': `attachment; filename="voorbeeld-${LAYOUT_VERSION}.${params.formaat}"`,
      },
    });
  },
});
