import { runRoute } from '@/app/api/run-route';
import { openApiDocument } from '@/lib/api-docs/openapi';
import { env } from '@/lib/env';

/** The OpenAPI description of the public API: public, like the format page (no data in it). */
export const GET = runRoute({
  access: { public: true },
  run: async () => Response.json(openApiDocument(env().APP_URL)),
});
