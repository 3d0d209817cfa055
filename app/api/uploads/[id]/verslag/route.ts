import { notFound } from 'next/navigation';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { toCsvDownload } from '@/lib/exports/csv';
import { findUpload } from '@/lib/services/uploads/find-upload';

/** The validation report of one upload as CSV (errors per row). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const scope = expectScope(await requireScope('upload:view', `verslag upload ${id}`), 'aanbieder');
  const upload = await findUpload(scope, id);
  if (!upload) notFound();
  const errors = upload.report?.errors ?? [];
  const body = toCsvDownload(
    ['regel', 'veld', 'waarde', 'code', 'melding'],
    upload.report?.fileError
      ? [['', 'bestand', '', 'AFGEWEZEN', upload.report.fileError]]
      : errors.map((e) => [e.line, e.field, e.value, e.code, e.message]),
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="verslag-${id.slice(0, 8)}.csv"`,
    },
  });
}
