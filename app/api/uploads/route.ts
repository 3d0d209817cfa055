import { z } from 'zod';
import { deliverFile } from '@/app/api/deliver-file';
import { runRoute } from '@/app/api/run-route';
import { expectScope } from '@/lib/access/scope';
import { AppError } from '@/lib/errors';

const ZHeaders = z.object({
  soort: z.enum(['test', 'productie']),
  domein: z.enum(['jeugd', 'wmo']).default('jeugd'),
  bestandsnaam: z.string().min(1).max(400),
});

const decodeName = (v: string | null) => {
  try {
    return decodeURIComponent(v ?? '');
  } catch {
    return ''; // malformed escape: treated as a missing name
  }
};

/** POST the raw file as the body; X-Soort: test|productie; X-Domein: jeugd|wmo; X-Bestandsnaam: URI-encoded name. */
export const POST = runRoute({
  access: { permission: 'upload:create', object: () => 'upload aanleveren' },
  // The proxy leaves this route alone (it would buffer the file, proxy.ts), so the same-origin check is
  // here. Behind it: the custom X-Soort header makes a cross-site post a CORS request, which browsers
  // preflight and the portal never allows, and the session cookie is SameSite=Lax.
  sameOrigin: true,
  run: async ({ req, scope, address }) => {
    const headers = ZHeaders.safeParse({
      soort: req.headers.get('x-soort'),
      domein: req.headers.get('x-domein') ?? undefined,
      bestandsnaam: decodeName(req.headers.get('x-bestandsnaam')),
    });
    if (!headers.success) throw new AppError('Kies testbestand of productiebestand en een bestand.');
    const receipt = await deliverFile(expectScope(scope!, 'aanbieder'), req, {
      kind: headers.data.soort === 'test' ? 'TEST' : 'PRODUCTIE',
      domein: headers.data.domein === 'wmo' ? 'WMO' : 'JEUGD',
      fileName: headers.data.bestandsnaam,
      address,
    });
    return Response.json(receipt, { status: receipt.duplicate ? 200 : 201 });
  },
});
