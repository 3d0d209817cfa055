import { runRoute } from '@/app/api/run-route';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and the start test: the app answers and the database is reachable. */
export const GET = runRoute({
  access: { public: true },
  run: async () => {
    try {
      await db().$queryRaw`SELECT 1`;
      return Response.json({ status: 'ok' });
    } catch {
      return Response.json({ status: 'database onbereikbaar' }, { status: 503 });
    }
  },
});
