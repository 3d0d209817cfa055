import { runRoute } from '@/app/api/run-route';
import { expectScope } from '@/lib/access/scope';
import { AppError } from '@/lib/errors';
import { getAgreementDocument } from '@/lib/services/agreements/get-agreement-document';

/** The signed verwerkersovereenkomst (PDF), for TTP admins only. */
export const GET = runRoute<{ id: string }>({
  access: { permission: 'agreements:manage', object: (_url, p) => `overeenkomst ${p.id} pdf` },
  run: async ({ params, scope, address }) => {
    const doc = await getAgreementDocument(expectScope(scope!, 'ttp'), params.id, address);
    if (!doc) throw new AppError('Niet gevonden', 404);
    return new Response(new Uint8Array(doc.content), {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${doc.fileName}"` },
    });
  },
});
