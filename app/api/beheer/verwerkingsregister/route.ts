import { runRoute } from '@/app/api/run-route';
import { toCsvDownload } from '@/lib/exports/csv';
import { processingRegisterPdf, processingRegisterRows } from '@/lib/renderers/privacy-pdf';
import { getProcessingRegister } from '@/lib/services/privacy/processing-register';

/** The register of processing activities (AVG art. 30) as PDF or CSV (?formaat=csv), for TTP admins. */
export const GET = runRoute({
  access: {
    permission: 'register:view',
    object: (url) => `verwerkingsregister ${url.searchParams.get('formaat') ?? 'pdf'}`,
  },
  run: async ({ scope, url, address }) => {
    const register = await getProcessingRegister(scope!, address);
    const day = register.generatedAt.toISOString().slice(0, 10);
    if (url.searchParams.get('formaat') === 'csv') {
      return new Response(toCsvDownload(['onderdeel', 'gegeven', 'waarde'], processingRegisterRows(register)), {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="verwerkingsregister-${day}.csv"`,
        },
      });
    }
    return new Response(new Uint8Array(await processingRegisterPdf(register)), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="verwerkingsregister-${day}.pdf"`,
      },
    });
  },
});
