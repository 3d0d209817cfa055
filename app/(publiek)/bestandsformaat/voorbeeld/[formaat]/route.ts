import { notFound } from 'next/navigation';
import { LAYOUT_VERSION } from '@/lib/cbs/layout';
import { exampleRecords, toCsv, toFixedWidth, toXlsx } from '@/lib/cbs/write-files';

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', make: async () => toCsv(exampleRecords()) },
  txt: { type: 'text/plain; charset=utf-8', make: async () => toFixedWidth(exampleRecords()) },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    make: async () => new Uint8Array(await toXlsx(exampleRecords())),
  },
} as const;

/** Example files, written from the same layout definition the parser reads. */
export async function GET(_req: Request, ctx: { params: Promise<{ formaat: string }> }) {
  const { formaat } = await ctx.params;
  if (!(formaat in FORMATS)) notFound();
  const f = FORMATS[formaat as keyof typeof FORMATS];
  return new Response(await f.make(), {
    headers: {
      'content-type': f.type,
      'content-disposition': `attachment; filename="voorbeeld-${LAYOUT_VERSION}.${formaat}"`,
    },
  });
}
