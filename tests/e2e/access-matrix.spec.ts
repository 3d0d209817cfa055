import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';
import { PERMISSIONS, type Permission } from '../../lib/access/permissions';
import { loginDemo, orgId, sql } from './helpers/accounts';
import { DEMO_ROLES, filesNamed, permissionIn, urlOf } from './helpers/app-tree';

// The access matrix, generated from the code (issue 15): every page and route handler from the app/
// tree and every server action from the build's manifest, each tried through real HTTP without a
// session and as every role. The permission each one asks for is read from its own source
// (requireScope, runRoute's access, runForm's permission); who holds it comes from
// lib/access/permissions.ts. An entry whose access cannot be read, and that is not on the short list
// of public ones below, fails the suite: a new route cannot go unchecked. Objects of another tenant
// answer "not found".

type Access = { permission: Permission } | { token: true } | { public: true } | { session: true } | { unread: true };
type Entry = {
  kind: 'page' | 'route' | 'action';
  name: string;
  url: string;
  method: string;
  access: Access;
  actionId?: string;
};

/** Reachable without a session, on purpose: logging in, recovering a password, joining, the public format and API pages. */
const PUBLIC = new Set([
  'page /',
  'page /inloggen',
  'page /wachtwoord-herstellen',
  'page /wachtwoord-vergeten',
  'page /aanmelden',
  'page /api-documentatie',
  'page /bestandsformaat',
  'action startEnrolmentAction',
  'action findSsoAction',
  'action resetPasswordAction',
  'action forgotPasswordAction',
  'action aanmeldAction',
]);
/** next-auth's own handler (sign-in, session, sign-out), tested through the login flows. */
const EXEMPT = new Set(['route /api/auth/[...nextauth]']);
/** Any signed-in user: logging out (never run for real here: it would end the session under test). */
const SESSION_ONLY = new Set(['action logoutAction']);

function enumerate(): Entry[] {
  const entries: Entry[] = [];
  for (const file of filesNamed('page.tsx')) {
    const url = urlOf(file);
    const p = permissionIn(readFileSync(file, 'utf8'));
    const access: Access = p ? { permission: p } : PUBLIC.has(`page ${url}`) ? { public: true } : { unread: true };
    entries.push({ kind: 'page', name: `page ${url}`, url, method: 'GET', access });
  }
  for (const file of filesNamed('route.ts')) {
    const source = readFileSync(file, 'utf8');
    const url = urlOf(file);
    for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
      const p = /permission: '([a-z:-]+)'/.exec(source)?.[1] as Permission | undefined;
      const access: Access = p
        ? { permission: p }
        : /token: [a-zA-Z]+TokenScope/.test(source)
          ? { token: true }
          : /public: true/.test(source)
            ? { public: true }
            : { unread: true };
      entries.push({ kind: 'route', name: `route ${url}`, url, method, access });
    }
    if (!/export const (GET|POST)/.test(source))
      entries.push({ kind: 'route', name: `route ${url}`, url, method: '-', access: { unread: true } });
  }
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')).node as Record<
    string,
    { filename: string; exportedName: string; workers: Record<string, unknown> }
  >;
  for (const [id, a] of Object.entries(manifest)) {
    const source = readFileSync(a.filename, 'utf8');
    const body = source.slice(source.indexOf(`export async function ${a.exportedName}`)).split(/\nexport /)[0];
    const fileWide = /const permission = '([a-z:-]+)'/.exec(source)?.[1] as Permission | undefined;
    const p = permissionIn(body) ?? (/permission,/.test(body) ? fileWide : null);
    // Posted to a page that has the action, one without an id in its path where there is one.
    const workers = Object.keys(a.workers).map((w) => urlOf(path.join(process.cwd(), `${w}.tsx`)));
    const page = workers.find((w) => !w.includes('[')) ?? workers[0];
    entries.push({
      kind: 'action',
      name: `action ${a.exportedName}`,
      url: page,
      method: 'POST',
      access: p
        ? { permission: p }
        : SESSION_ONLY.has(`action ${a.exportedName}`)
          ? { session: true }
          : PUBLIC.has(`action ${a.exportedName}`)
            ? { public: true }
            : { unread: true },
      actionId: id,
    });
  }
  return entries;
}

/** Values for the dynamic segments: objects of a tenant none of the five demo accounts belongs to. */
async function foreignParams(): Promise<Record<string, string>> {
  const outsider = await orgId({ agb: '98100003' });
  const [upload] = await sql<{ id: string }>(
    `INSERT INTO upload (id, aanbieder_id, kind, status, file_name, size_bytes, sha256)
     VALUES (gen_random_uuid(), $1, 'TEST', 'VERWERKT', 'buiten.csv', 1, repeat('0', 64)) RETURNING id`,
    [outsider],
  );
  const [agreement] = await sql<{ id: string }>(`SELECT id FROM processing_agreement WHERE aanbieder_id = $1 LIMIT 1`, [
    outsider,
  ]);
  // A municipality outside the demo region, so no demo account has any claim on it.
  const [gemeente] = await sql<{ id: string }>(
    `INSERT INTO organisation (id, kind, name, cbs_code) VALUES (gen_random_uuid(), 'GEMEENTE', 'Gemeente Buitenstad', $1) RETURNING id`,
    [`9${String(Date.now() % 1000).padStart(3, '0')}`],
  );
  const [conversation] = await sql<{ id: string }>(
    `INSERT INTO conversation (id, organisation_id, aanbieder_id, period, figures)
     VALUES (gen_random_uuid(), $1, $2, '2026-K1', '{}') RETURNING id`,
    [gemeente.id, outsider],
  );
  const [regio] = await sql<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'REGIO' LIMIT 1`);
  return {
    '/aanbieder/uploads/[id]': upload.id,
    '/api/uploads/[id]/verslag': upload.id,
    '/organisatie/[id]': gemeente.id,
    '/kwaliteitsgesprekken/[id]': conversation.id,
    '/api/kwaliteitsgesprekken/[id]/rapport': conversation.id,
    '/beheer/organisaties/regio/[id]': regio.id,
    '/api/beheer/overeenkomsten/[id]/document': agreement.id,
    '/api/beheer/overeenkomsten/[id]/ondertekend': agreement.id,
    '/api/overeenkomsten/[id]/verwijderverklaring': agreement.id,
    '/api/aanbieder/verzoeken/[id]/inzage': '00000000-0000-4000-8000-000000000000',
    '/api/v1/aanleveringen/[nummer]': upload.id,
    '/dashboard/[indicator]': 'uitval',
    '/api/dashboard/[indicator]/export': 'uitval',
    '/api/v1/indicatoren/[indicator]': 'uitval',
    '/bestandsformaat/voorbeeld/[formaat]': 'csv',
  };
}
/** Where the TTP, which manages every organisation and agreement, rightly reaches a foreign one. */
const TTP_MANAGES = new Set([
  '/organisatie/[id]',
  '/beheer/organisaties/regio/[id]',
  '/api/beheer/overeenkomsten/[id]/document',
  '/api/beheer/overeenkomsten/[id]/ondertekend',
  '/api/overeenkomsten/[id]/verwijderverklaring',
]);

async function call(req: APIRequestContext, e: Entry, params: Record<string, string>): Promise<APIResponse> {
  const url = e.url.replace(/\/\[[^\]]+\]/, () => `/${params[e.url] ?? 'x'}`);
  if (e.kind === 'action') {
    // A server action posted as a form without JavaScript would post it: the action's id and its fields.
    return req.post(url, { multipart: { [`$ACTION_ID_${e.actionId}`]: '', id: '' }, maxRedirects: 0 });
  }
  if (e.method === 'POST') return req.post(url, { data: '', maxRedirects: 0 });
  return req.get(url, { maxRedirects: 0 });
}
const toLogin = (r: APIResponse) =>
  r.status() >= 300 && r.status() < 400 && /\/inloggen/.test(r.headers().location ?? '');

test('the access matrix: every page, route and action, without a session and as every role', async ({
  browser,
  request,
}) => {
  test.setTimeout(600_000);
  const entries = enumerate();
  const unread = entries.filter((e) => 'unread' in e.access && !EXEMPT.has(e.name));
  expect(
    unread.map((e) => e.name),
    'entries without a readable permission and not on the public list',
  ).toEqual([]);
  const tested = entries.filter((e) => !EXEMPT.has(e.name) && e.method !== '-');
  console.log(
    `toegangsmatrix: ${tested.filter((e) => e.kind === 'page').length} pagina's, ${tested.filter((e) => e.kind === 'route').length} routes, ${tested.filter((e) => e.kind === 'action').length} acties × 6`,
  );
  expect(tested.length).toBeGreaterThan(70);
  const params = await foreignParams();
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };

  // Without a session.
  for (const e of tested) {
    const r = await call(request, e, params);
    const s = r.status();
    if ('permission' in e.access || 'session' in e.access) check(toLogin(r), `${e.name} zonder sessie: ${s}`);
    else if ('token' in e.access) check(s === 401, `${e.name} zonder token: ${s}`);
    else check(s !== 403 && s !== 401 && s < 500, `${e.name} openbaar: ${s}`);
  }

  // As every role.
  for (const { role, email } of DEMO_ROLES) {
    const page = await (await browser.newContext()).newPage();
    await loginDemo(page, email);
    const refusals = async () =>
      (
        await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE user_email = $1 AND outcome = 'geweigerd'`,
          [email],
        )
      )[0].n;
    for (const e of tested) {
      if (SESSION_ONLY.has(e.name)) continue;
      const before = e.kind === 'action' ? await refusals() : 0;
      const r = await call(page.request, e, params);
      const s = r.status();
      const who = `${e.name} als ${role}: ${s}`;
      if ('token' in e.access)
        check(s === 401, who); // a session is not a token
      else if ('permission' in e.access) {
        const allowed = (PERMISSIONS[e.access.permission] as readonly string[]).includes(role);
        // An action refused by requireScope answers as Next.js maps forbidden() for a form post (404);
        // that it was refused before it ran is what the audit log shows: one refusal more.
        if (!allowed && e.kind === 'action')
          check((s === 403 || s === 404) && (await refusals()) === before + 1, `${who} (verwacht geweigerd en gelogd)`);
        else if (!allowed) check(s === 403, `${who} (verwacht 403)`);
        else if (role === 'TTP_BEHEER' && TTP_MANAGES.has(e.url))
          check(s !== 403 && s !== 401 && !toLogin(r) && s < 500, `${who} (beheert alles)`);
        else if (e.kind !== 'action' && e.url.includes('[') && !/^(uitval|csv)$/.test(params[e.url] ?? ''))
          check(s === 404, `${who} (object van een ander: verwacht 404)`);
        // Allowed: not refused. What each does with its input is for its own tests (an action posted
        // without its fields may fail on them).
        else check(s !== 403 && s !== 401 && !toLogin(r), `${who} (verwacht toegang)`);
      }
    }
    await page.context().close();
  }
  expect(failures).toEqual([]);
});
