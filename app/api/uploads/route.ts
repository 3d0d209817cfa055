import { z } from 'zod';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { requestTestImport } from '@/lib/jobs/boss';
import { readBody } from '@/lib/uploads/read-body';
import { receiveUpload } from '@/lib/uploads/receive-upload';

const ZHeaders = z.object({ soort: z.enum(['test', 'productie']), bestandsnaam: z.string().min(1).max(400) });

const decodeName = (v: string | null) => {
  try {
    return decodeURIComponent(v ?? '');
  } catch {
    return ''; // malformed escape: treated as a missing name
  }
};

/** POST the raw file as the body; X-Soort: test|productie; X-Bestandsnaam: URI-encoded name. */
export async function POST(req: Request) {
  const scope = expectScope(await requireScope('upload:create', 'upload aanleveren'), 'aanbieder');
  const headers = ZHeaders.safeParse({
    soort: req.headers.get('x-soort'),
    bestandsnaam: decodeName(req.headers.get('x-bestandsnaam')),
  });
  if (!headers.success)
    return Response.json({ fout: 'Kies testbestand of productiebestand en een bestand.' }, { status: 400 });
  try {
    const content = await readBody(req, env().UPLOAD_MAX_MB * 1024 * 1024);
    const kind = headers.data.soort === 'test' ? 'TEST' : 'PRODUCTIE';
    const receipt = await receiveUpload({
      aanbiederId: scope.aanbiederId,
      actor: scope.user,
      content,
      fileName: headers.data.bestandsnaam,
      kind,
      address: await requestAddress(),
    });
    if (kind === 'TEST' && !receipt.duplicate) await requestTestImport().catch(() => undefined); // the sweep picks it up otherwise
    return Response.json(receipt, { status: receipt.duplicate ? 200 : 201 });
  } catch (err) {
    if (err instanceof AppError) return Response.json({ fout: err.message, code: err.code }, { status: err.status });
    throw err;
  }
}
