import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and the start test: the app answers and the database is reachable. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json({ status: 'database onbereikbaar' }, { status: 503 });
  }
}
