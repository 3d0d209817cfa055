import type { Permission } from '@/lib/access/permissions';
import { requireScope } from '@/lib/access/require-scope';
import { describeScope, type Scope } from '@/lib/access/scope';
import { addressFromHeaders } from '@/lib/audit/request-address';
import { writeAudit } from '@/lib/audit/write-audit';
import { AppError } from '@/lib/errors';
import { CROSS_SITE_REFUSAL, isCrossSite } from '@/lib/security/same-origin';

/** Who may call a route: a signed-in user with a permission, an API token, or anyone. */
export type RouteAccess<P> =
  | { permission: Permission; object: (url: URL, params: P) => string }
  | {
      token: (authorization: string | null) => Promise<Scope | null>;
      event: string;
      object: (url: URL, params: P) => string;
    }
  | { public: true };

export type RouteContext<P> = { req: Request; url: URL; params: P; scope: Scope | null; address: string | null };

export type RouteSpec<P> = {
  access: RouteAccess<P>;
  /** A state-changing route for the portal's own forms: cross-site requests are refused. */
  sameOrigin?: boolean;
  run: (ctx: RouteContext<P>) => Promise<Response>;
  /** How an AppError is answered; the default is JSON { fout, code } with its status. */
  onError?: (err: AppError) => Response;
};

const NO_STORE = 'no-store';

export const jsonError = (err: AppError) =>
  Response.json({ fout: err.message, code: err.code }, { status: err.status });

/** Every answer of a route may carry client-derived data: never kept by a browser or proxy cache. */
function noStore(res: Response): Response {
  try {
    res.headers.set('cache-control', NO_STORE);
    return res;
  } catch {
    // Response.redirect() and fetch responses have immutable headers: copy them.
    const headers = new Headers(res.headers);
    headers.set('cache-control', NO_STORE);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}

/**
 * The one shape of every route handler (beside runForm for form actions): the scope first (and its
 * access logged), the same-origin check for state-changing routes, the route's work, an AppError mapped
 * to its answer in one place with a refusal (403/404) logged as such, and no-store on every response.
 */
export function runRoute<P = Record<string, never>>(spec: RouteSpec<P>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    const params = await ctx.params;
    const url = new URL(req.url);
    const address = addressFromHeaders(req.headers);
    const onError = spec.onError ?? jsonError;
    const access = spec.access;
    let scope: Scope | null = null;
    let event: string | null = null;
    let object = '';
    let audited: Promise<void> = Promise.resolve();
    if ('permission' in access) {
      [event, object] = [access.permission, access.object(url, params)];
      scope = await requireScope(access.permission, object);
    } else if ('token' in access) {
      [event, object] = [access.event, access.object(url, params)];
      scope = await access.token(req.headers.get('authorization'));
      if (!scope) {
        await writeAudit({ event, object, address, outcome: 'geweigerd' });
        return noStore(jsonError(new AppError('Geen geldig API-token (Authorization: Bearer gp_…).', 401, 'TOKEN')));
      }
      // Logged whatever follows; written alongside the route's work to save a round trip.
      audited = writeAudit({ event, actor: scope.user, object, scope: describeScope(scope), address });
    }
    if (spec.sameOrigin && isCrossSite(req.headers)) {
      await audited;
      return noStore(onError(new AppError(CROSS_SITE_REFUSAL, 403, 'ANDERE_SITE')));
    }
    try {
      const [res] = await Promise.all([spec.run({ req, url, params, scope, address }), audited]);
      return noStore(res);
    } catch (err) {
      await audited;
      if (!(err instanceof AppError)) throw err;
      if (scope && event && (err.status === 403 || err.status === 404)) {
        await writeAudit({ event, actor: scope.user, object, address, outcome: 'geweigerd' });
      }
      return noStore(onError(err));
    }
  };
}
