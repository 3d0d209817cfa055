import { z } from 'zod';
import { deliverFile } from '@/app/api/deliver-file';
import { runRoute } from '@/app/api/run-route';
import { expectScope } from '@/lib/access/scope';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS, takeRateLimit } from '@/lib/security/rate-limit';
import { deliveryTokenScope } from '@/lib/services/api-tokens/authenticate-api-token';

const ZQuery = z.object({
  soort: z.enum(['test', 'productie'], 'Geef ?soort=test of ?soort=productie.'),
  domein: z.enum(['jeugd', 'wmo'], 'Geef ?domein=jeugd of ?domein=wmo (zonder: jeugd).').default('jeugd'),
  bestandsnaam: z.string().trim().min(1).max(400).default('aanlevering'),
});

/**
 * Delivery from a provider's system: the file as the body, `?soort=test|productie` and
 * `?domein=jeugd|wmo` (default jeugd), a provider's token.
 * The same path as the browser (agreement check, size limit, encryption at rest, audit): 202 with
 * the receipt and a Location to poll; the same file again gives 200 with the earlier receipt.
 */
export const POST = runRoute({
  access: {
    token: deliveryTokenScope,
    event: 'api:aanlevering',
    object: (url) => `aanlevering ${url.searchParams.get('soort') ?? '?'}`,
  },
  run: async ({ req, url, scope, address }) => {
    const provider = expectScope(scope!, 'aanbieder');
    if (!(await takeRateLimit(RATE_LIMITS.aanleveringPerAanbieder, provider.aanbiederId)))
      throw new AppError('Te veel aanleveringen van uw organisatie; probeer het over een uur opnieuw.', 429, 'TE_VAAK');
    const query = ZQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) throw new AppError(query.error.issues.map((i) => i.message).join(' '), 400, 'PARAMETER');
    const receipt = await deliverFile(provider, req, {
      kind: query.data.soort === 'test' ? 'TEST' : 'PRODUCTIE',
      domein: query.data.domein === 'wmo' ? 'WMO' : 'JEUGD',
      fileName: query.data.bestandsnaam,
      address,
    });
    return Response.json(receipt, {
      status: receipt.duplicate ? 200 : 202,
      headers: { Location: `/api/v1/aanleveringen/${receipt.id}` },
    });
  },
});
