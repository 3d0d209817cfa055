import { runRoute } from '@/app/api/run-route';
import { LAYOUT_VERSION } from '@/lib/cbs/layout';
import { exampleRecords, toCsv, toFixedWidth, toXlsx } from '@/lib/cbs/write-files';
import { AppError } from '@/lib/errors';

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', make: async () => toCsv(exampleRecords()) },
  txt: { type: 'text/plain; charset=utf-8', make: async () => toFixedWidth(exampleRecords()) },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    make: async () => new Uint8Array(await toXlsx(exampleRecords())),
  },
} as const;

/** Example files, written from the same layout definition the parser reads. */
export const GET = runRoute<{ formaat: string }>({
  access: { public: true },
  run: async ({ params }) => {
    if (!Object.hasOwn(FORMATS, params.formaat)) throw new AppError('Onbekend formaat.', 404);
    const f = FORMATS[params.formaat as keyof typeof FORMATS];
    return new Response(await f.make(), {
      headers: {
        'content-type': f.type,
        'content-disposition': `attachment; filename="voorbeeld-${LAYOUT_VERSION}.${params.formaat}"`,
      },
    });
  },
});
