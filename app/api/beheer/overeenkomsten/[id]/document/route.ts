import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { getAgreementDocument } from '@/lib/services/agreements/get-agreement-document';

/** The signed verwerkersovereenkomst (PDF), for TTP admins only. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = expectScope(await requireScope('agreements:manage', `overeenkomst ${id} pdf`), 'ttp');
  const doc = await getAgreementDocument(scope, id, await requestAddress());
  if (!doc) return new Response('Niet gevonden', { status: 404 });
  return new Response(new Uint8Array(doc.content), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${doc.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
