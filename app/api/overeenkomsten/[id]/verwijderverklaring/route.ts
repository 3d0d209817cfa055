import { runRoute } from '@/app/api/run-route';
import { deletionStatementPdf } from '@/lib/renderers/privacy-pdf';
import { getDeletionStatement } from '@/lib/services/privacy/get-deletion-statement';

/** The signed deletion statement (PDF): for the provider it concerns and for TTP admins. */
export const GET = runRoute<{ id: string }>({
  access: { permission: 'deletion-statement:view', object: (_url, p) => `verwijderverklaring ${p.id}` },
  run: async ({ scope, params, address }) => {
    const statement = await getDeletionStatement(scope!, params.id, address);
    const pdf = await deletionStatementPdf(statement);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="verwijderverklaring-${statement.aanbieder.agbCode}.pdf"`,
      },
    });
  },
});
