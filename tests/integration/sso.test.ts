import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectScope } from '@/lib/access/scope';
import { authenticate } from '@/lib/auth/authenticate';
import { resolveSession } from '@/lib/auth/sessions';
import { ssoForEmail } from '@/lib/auth/sso/find-sso';
import { acceptSsoLogin, type IdTokenClaims } from '@/lib/auth/sso/sso-login';
import { currentTotpCode } from '@/lib/auth/totp';
import { db } from '@/lib/db';
import { saveSsoConnection } from '@/lib/services/sso/save-sso-connection';
import { setSsoActive } from '@/lib/services/sso/set-sso-active';
import { startTestIdp, type TestIdp } from '@/tests/fixtures/test-idp';
import { makeAanbieder, makeGemeente, makeTtp, makeUser, scopeOf, TEST_PASSWORD } from './helpers/fixtures';

// Single sign-on per organisation (issue 16), against a real OpenID provider in this process. The
// attacks: another tenant's e-mail, domain or account through one organisation's identity provider,
// a token without MFA, from another issuer or of another identity, and a leaver at either side.

let idp: TestIdp;
let other: TestIdp;
const MFA = ['pwd', 'mfa'];

beforeAll(async () => {
  idp = await startTestIdp(39_471, 'a');
  other = await startTestIdp(39_472, 'b');
});
afterAll(async () => {
  await idp?.close();
  await other?.close();
});

const domain = () => `g${randomUUID().slice(0, 8)}.test`;

const ttpAdmin = async () => expectScope(await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id), 'ttp');

/**
 * A municipality with its own identity provider (set up by one TTP admin through the service, turned
 * on by a second) and one account; `ttp` is the second admin.
 */
async function ssoGemeente(via = idp) {
  const first = await ttpAdmin();
  const ttp = await ttpAdmin();
  const g = await makeGemeente();
  const d = domain();
  const { connection } = await saveSsoConnection(
    first,
    { organisationId: g.id, issuer: via.issuer, clientId: via.clientId, clientSecret: via.clientSecret, domains: [d] },
    null,
  );
  await setSsoActive(ttp, connection.id, true, null);
  const u = await makeUser('GEMEENTE', g.id);
  const email = `medewerker@${d}`;
  await db().user.update({ where: { id: u.id }, data: { email } });
  return { g, d, ttp, user: { ...u, email } };
}

const claims = (email: string, sub: string, extra: Partial<IdTokenClaims> = {}): IdTokenClaims => ({
  iss: idp.issuer,
  sub,
  email,
  email_verified: true,
  amr: MFA,
  ...extra,
});

async function login(orgId: string, c: IdTokenClaims, refresh?: string) {
  return acceptSsoLogin(orgId, c, refresh ?? (await idp.mintRefreshToken(String(c.sub))), null);
}

describe('single sign-on: who gets in', () => {
  it("lets the organisation's own account in with MFA, and the session is the portal account with its role", async () => {
    const { g, user } = await ssoGemeente();
    const sub = idp.addAccount({ email: user.email, amr: MFA }).sub;
    const outcome = await login(g.id, claims(user.email, sub));
    expect(outcome).toMatchObject({ userId: user.id });
    const state = await resolveSession((outcome as { sessionId: string }).sessionId);
    expect('user' in state && state.user).toMatchObject({ userId: user.id, role: 'GEMEENTE', organisationId: g.id });
    const audit = await db().auditLog.findFirst({ where: { event: 'inloggen.sso.gelukt', userId: user.id } });
    expect(audit?.object).toContain(idp.issuer);
  });

  it('refuses a login without MFA, and says so', async () => {
    const { g, user } = await ssoGemeente();
    for (const weak of [
      { amr: ['pwd'] },
      { amr: undefined },
      { amr: ['pwd', 'pin'] },
      { acr: 'urn:test:single-factor', amr: undefined },
    ])
      expect(await login(g.id, claims(user.email, 'x', weak))).toEqual({ refusal: 'GEEN_MFA' });
    expect(await db().session.count({ where: { userId: user.id, ssoConnectionId: { not: null } } })).toBe(0);
    // MFA by two kinds of factors, or a multi-factor acr, is enough
    expect(await login(g.id, claims(user.email, 's1', { amr: ['pwd', 'otp'] }))).toHaveProperty('sessionId');
    expect(
      await login(
        g.id,
        claims(user.email, 's1', {
          amr: undefined,
          acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
        }),
      ),
    ).toHaveProperty('sessionId');
  });

  it("never lets one organisation's identity provider in to another tenant's account", async () => {
    const a = await ssoGemeente();
    const b = await ssoGemeente();
    const provider = await makeAanbieder();
    const stranger = await makeUser('AANBIEDER_UPLOAD', provider.id);
    // A's IdP vouches for B's address: B's domain is not A's
    expect(await login(a.g.id, claims(b.user.email, 'x'))).toEqual({ refusal: 'ANDER_DOMEIN' });
    // A's IdP vouches for an address in A's domain that belongs to an account of another organisation
    const planted = `planted@${a.d}`;
    await db().user.update({ where: { id: stranger.id }, data: { email: planted } });
    expect(await login(a.g.id, claims(planted, 'x'))).toEqual({ refusal: 'GEEN_ACCOUNT' });
    // case and spaces do not change the domain or the account
    expect(await login(a.g.id, claims(`  ${b.user.email.toUpperCase()} `, 'x'))).toEqual({ refusal: 'ANDER_DOMEIN' });
    // an address with a second @ or a look-alike subdomain
    expect(await login(a.g.id, claims(`x@${b.d}@${a.d}`, 'x'))).toEqual({ refusal: 'GEEN_EMAIL' });
    expect(await login(a.g.id, claims(`x@sub.${a.d}`, 'x'))).toEqual({ refusal: 'ANDER_DOMEIN' });
    // a token from another issuer presented for A (openid-client checks too; this is the second lock)
    expect(await login(a.g.id, claims(a.user.email, 'x', { iss: other.issuer }))).toEqual({ refusal: 'MISLUKT' });
    // an unverified address
    expect(await login(a.g.id, claims(a.user.email, 'x', { email_verified: false }))).toEqual({
      refusal: 'GEEN_EMAIL',
    });
    expect(await login(a.g.id, claims('', 'x'))).toEqual({ refusal: 'GEEN_EMAIL' });
    // nobody got a session
    for (const u of [a.user, b.user, stranger])
      expect(await db().session.count({ where: { userId: u.id, ssoConnectionId: { not: null } } })).toBe(0);
  });

  it('binds the account to the first identity: a reassigned address is refused until the TTP resets it', async () => {
    const { g, user } = await ssoGemeente();
    expect(await login(g.id, claims(user.email, 'eerste'))).toHaveProperty('sessionId');
    expect(await login(g.id, claims(user.email, 'opvolger'))).toEqual({ refusal: 'ANDERE_IDENTITEIT' });
    await db().user.update({ where: { id: user.id }, data: { ssoSubject: null } }); // what "2FA resetten" does
    expect(await login(g.id, claims(user.email, 'opvolger'))).toHaveProperty('sessionId');
  });

  it('refuses deactivated accounts, organisations and connections, and a login without refresh token', async () => {
    const { g, user, ttp } = await ssoGemeente();
    expect(await acceptSsoLogin(g.id, claims(user.email, 's'), undefined, null)).toEqual({
      refusal: 'GEEN_VERNIEUWING',
    });
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await login(g.id, claims(user.email, 's'))).toEqual({ refusal: 'GEEN_ACCOUNT' });
    await db().user.update({ where: { id: user.id }, data: { active: true } });
    const c = await db().ssoConnection.findUniqueOrThrow({ where: { organisationId: g.id } });
    await setSsoActive(ttp, c.id, false, null);
    expect(await login(g.id, claims(user.email, 's'))).toEqual({ refusal: 'NIET_ACTIEF' });
    expect(await ssoForEmail(user.email)).toBeNull();
    await setSsoActive(ttp, c.id, true, null);
    await db().organisation.update({ where: { id: g.id }, data: { active: false } });
    expect(await login(g.id, claims(user.email, 's'))).toEqual({ refusal: 'NIET_ACTIEF' });
  });

  it('closes the password door for accounts their organisation logs in for, and only for those', async () => {
    const { g, user } = await ssoGemeente();
    await expect(
      authenticate({ email: user.email, password: TEST_PASSWORD, code: await currentTotpCode(user.secret) }),
    ).rejects.toMatchObject({ code: 'SSO_VERPLICHT' });
    // a wrong password still only says "wrong": the SSO answer needs the password
    await expect(authenticate({ email: user.email, password: 'fout-wachtwoord-1' })).rejects.toMatchObject({
      code: 'ONGELDIG',
    });
    // an account of the same organisation outside its domains keeps password + TOTP
    const guest = await makeUser('GEMEENTE', g.id);
    await expect(
      authenticate({ email: guest.email, password: TEST_PASSWORD, code: await currentTotpCode(guest.secret) }),
    ).resolves.toHaveProperty('sessionId');
  });

  it('finds the identity provider by domain alone, the same answer for unknown addresses', async () => {
    const { g, d } = await ssoGemeente();
    expect(await ssoForEmail(`iemand@${d}`)).toEqual({ providerId: `sso-${g.id}`, organisationName: g.name });
    expect(await ssoForEmail(`bestaat-niet-${randomUUID()}@${d}`)).toEqual({
      providerId: `sso-${g.id}`,
      organisationName: g.name,
    });
    expect(await ssoForEmail(`iemand@${domain()}`)).toBeNull();
  });
});

describe('single sign-on: a leaver at either side loses access', () => {
  it('ends the session at the next request after a deactivation in the portal', async () => {
    const { g, user } = await ssoGemeente();
    const sub = idp.addAccount({ email: user.email, amr: MFA }).sub;
    const { sessionId } = (await login(g.id, claims(user.email, sub))) as { sessionId: string };
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await resolveSession(sessionId)).toEqual({ expired: 'inactive' });
  });

  it('re-asks the identity provider after SSO_RECHECK_SECONDS and ends the session of an account disabled there', async () => {
    const { g, user } = await ssoGemeente();
    const sub = idp.addAccount({ email: user.email, amr: MFA }).sub;
    const { sessionId } = (await login(g.id, claims(user.email, sub))) as { sessionId: string };
    const at = (s: number) => new Date(Date.now() + s * 1000);
    const first = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    // after the interval the IdP is asked (a real refresh-token grant) and says yes; the rotated token is kept
    expect('user' in (await resolveSession(sessionId, at(61)))).toBe(true);
    const second = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(second.idpCheckedAt?.getTime()).toBeGreaterThan(first.idpCheckedAt?.getTime() ?? 0);
    expect(second.idpRefreshEnc).not.toBe(first.idpRefreshEnc);
    // IT disables the account; within the interval the session goes on, after it, it ends
    idp.disable(sub);
    expect('user' in (await resolveSession(sessionId, at(62)))).toBe(true);
    expect(await resolveSession(sessionId, at(123))).toEqual({ expired: 'inactive' });
    expect(await resolveSession(sessionId, at(124))).toEqual({ expired: 'revoked' });
    const audit = await db().auditLog.findFirst({
      where: { event: 'sessie.beeindigd', object: { contains: sessionId } },
    });
    expect(audit?.object).toContain('invalid_grant');
  });

  it('keeps the session while the identity provider cannot be reached, and asks again at the next request', async () => {
    const down = await startTestIdp(39_473, 'c');
    const { g, user } = await ssoGemeente(down);
    const sub = down.addAccount({ email: user.email, amr: MFA }).sub;
    const { sessionId } = (await acceptSsoLogin(
      g.id,
      { ...claims(user.email, sub), iss: down.issuer },
      await down.mintRefreshToken(sub),
      null,
    )) as { sessionId: string };
    await down.close();
    const at = (s: number) => new Date(Date.now() + s * 1000);
    expect('user' in (await resolveSession(sessionId, at(61)))).toBe(true);
    const after = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(after.revokedAt).toBeNull();
    expect(Date.now() + 61_000 - (after.idpCheckedAt?.getTime() ?? 0)).toBeGreaterThan(60_000); // not marked as checked
  });

  it('four eyes: a connection one admin saves or changes is off until another admin turns it on', async () => {
    const { g, d, user, ttp } = await ssoGemeente();
    const c = await db().ssoConnection.findUniqueOrThrow({ where: { organisationId: g.id } });
    // the second admin changes it (a domain more): off again, and they cannot turn their own change on
    const input = { organisationId: g.id, issuer: idp.issuer, clientId: idp.clientId, domains: [d, domain()] };
    await saveSsoConnection(ttp, { ...input, clientSecret: '' }, null);
    expect(await login(g.id, claims(user.email, 'v'))).toEqual({ refusal: 'NIET_ACTIEF' });
    expect(await ssoForEmail(user.email)).toBeNull();
    await expect(setSsoActive(ttp, c.id, true, null)).rejects.toMatchObject({ status: 403, code: 'VIER_OGEN' });
    expect(await login(g.id, claims(user.email, 'v'))).toEqual({ refusal: 'NIET_ACTIEF' });
    await setSsoActive(await ttpAdmin(), c.id, true, null);
    expect(await login(g.id, claims(user.email, 'v'))).toHaveProperty('sessionId');
  });

  it('ends the open SSO sessions when the TTP turns the connection off', async () => {
    const { g, user, ttp } = await ssoGemeente();
    const { sessionId } = (await login(g.id, claims(user.email, 'z'))) as { sessionId: string };
    const c = await db().ssoConnection.findUniqueOrThrow({ where: { organisationId: g.id } });
    await setSsoActive(ttp, c.id, false, null);
    expect(await resolveSession(sessionId)).toEqual({ expired: 'revoked' });
  });
});

describe('single sign-on: the TTP sets it up', () => {
  it('keeps the client secret sealed, refuses a domain of another organisation and an issuer that names itself otherwise', async () => {
    const a = await ssoGemeente();
    const row = await db().ssoConnection.findUniqueOrThrow({ where: { organisationId: a.g.id } });
    expect(row.clientSecretEnc).not.toContain(idp.clientSecret);
    expect(row.clientSecretEnc.startsWith('v1.')).toBe(true);
    const g2 = await makeGemeente();
    const input = { organisationId: g2.id, issuer: idp.issuer, clientId: 'x', clientSecret: 'y', domains: [a.d] };
    await expect(saveSsoConnection(a.ttp, input, null)).rejects.toThrow(`${a.d} hoort al bij de inlogdienst`);
    await expect(
      saveSsoConnection(a.ttp, { ...input, domains: [domain()], issuer: 'http://127.0.0.1:39471' }, null),
    ).rejects.toThrow('noemt zich "http://localhost:39471"');
    await expect(
      saveSsoConnection(a.ttp, { ...input, domains: [domain()], issuer: 'http://localhost:39479' }, null),
    ).rejects.toThrow('niet bereikbaar');
    expect(await db().ssoConnection.count({ where: { organisationId: g2.id } })).toBe(0);
  });
});
