import { runRoute } from '@/app/api/run-route';
import { inzageAnswer } from '@/lib/services/privacy/subject-requests';

/** The answer to a provider's inzage request about one client (its own trajectories only). */
export const GET = runRoute<{ id: string }>({
  access: { permission: 'privacy:request', object: (_url, p) => `inzage verzoek ${p.id}` },
  run: async ({ scope, params, address }) => {
    const { fileName, csv } = await inzageAnswer(scope!, params.id, address);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      },
    });
  },
});
