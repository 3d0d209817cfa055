import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoute } from '@/app/api/run-route';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

// One shape for every route handler (app/api/run-route.ts): checked on the tree, and its promises
// (no-store on every answer, errors mapped in one place, refusals logged, cross-site posts refused)
// checked on the helper itself.

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === 'route.ts' ? [p] : [];
  });
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
const call = (handler: Handler, init?: RequestInit & { url?: string }) =>
  handler(new Request(init?.url ?? 'http://localhost:3000/api/x', init), { params: Promise.resolve({}) });

describe('route handlers', () => {
  it('all go through runRoute, except next-auth’s own', () => {
    const files = routeFiles('app').filter((f) => !f.includes('[...nextauth]'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).toMatch(/export const (GET|POST) = runRoute/);
      expect(text, f).not.toMatch(/export (async )?function (GET|POST)/);
    }
  });

  it('mark every answer no-store: data, errors and redirects alike', async () => {
    const ok = runRoute({ access: { public: true }, run: async () => Response.json({ n: 1 }) });
    const failing = runRoute({
      access: { public: true },
      run: async () => Promise.reject(new AppError('Niet gevonden', 404, 'WEG')),
    });
    const redirecting = runRoute({
      access: { public: true },
      run: async () => Response.redirect('http://localhost:3000/elders', 303),
    });
    for (const res of [await call(ok), await call(failing), await call(redirecting)]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const err = await call(failing);
    expect(err.status).toBe(404);
    expect(await err.json()).toEqual({ fout: 'Niet gevonden', code: 'WEG' });
  });

  it('throw what is not an AppError (a bug is a 500, never a message)', async () => {
    const broken = runRoute({ access: { public: true }, run: async () => Promise.reject(new Error('kapot')) });
    await expect(call(broken)).rejects.toThrow('kapot');
  });

  it('refuse a cross-site post to a state-changing route before any work is done', async () => {
    let ran = false;
    const post = runRoute({
      access: { public: true },
      sameOrigin: true,
      run: async () => {
        ran = true;
        return new Response('ok');
      },
    });
    const crossSite = await call(post, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const otherOrigin = await call(post, { method: 'POST', headers: { origin: 'https://aanvaller.example' } });
    expect(otherOrigin.status).toBe(403);
    expect(ran).toBe(false);
    expect((await call(post, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });

  it('log a call with a missing or unknown token as refused, and answer 401', async () => {
    const event = `test:token-${Date.now()}`;
    const guarded = runRoute({
      access: { token: async () => null, event, object: () => 'test-object' },
      run: async () => new Response('geheim'),
    });
    const res = await call(guarded, { headers: { authorization: 'Bearer gp_onzin' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await db().auditLog.findFirst({ where: { event } })).toMatchObject({
      outcome: 'geweigerd',
      object: 'test-object',
    });
  });
});
