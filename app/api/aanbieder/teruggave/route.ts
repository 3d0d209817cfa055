import { runRoute } from '@/app/api/run-route';
import { startReturn } from '@/lib/services/privacy/return-data';

/** Teruggeven at the end of an agreement: all the provider's records as a delivery CSV, streamed page by page. */
export const GET = runRoute({
  access: { permission: 'privacy:request', object: () => 'teruggave gegevens' },
  run: async ({ scope, address }) => {
    const { fileName, lines } = await startReturn(scope!, address);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      },
    });
  },
});
