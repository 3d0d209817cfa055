import { describe, expect, it } from 'vitest';
import { expectScope } from '@/lib/access/scope';
import { resetPassword } from '@/lib/auth/password-reset';
import { createSession, resolveSession } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { changeAccount } from '@/lib/services/accounts/change-account';
import { inviteAccount } from '@/lib/services/accounts/invite-account';
import { makeAanbieder, makeGemeente, makeTtp, makeUser, scopeOf } from './helpers/fixtures';
import { mailTo, tokenIn } from './helpers/mailbox';

// Account administration by the TTP: invitations, role changes, deactivation, 2FA reset, and the
// two rules no change may break (role fits the organisation; at least one active TTP admin).
async function admin() {
  const ttpOrg = await makeTtp();
  const user = await makeUser('TTP_BEHEER', ttpOrg.id);
  return { ttpOrg, user, scope: expectScope(await scopeOf(user.id), 'ttp') };
}

describe('invitations', () => {
  it('create an account without password and mail a one-time link that sets it', async () => {
    const { scope } = await admin();
    const a = await makeAanbieder();
    const email = `nieuw-${Date.now()}@aanbieder.nl`;
    const user = await inviteAccount(
      scope,
      { email, name: 'Nieuwe Collega', role: 'AANBIEDER_UPLOAD', organisationId: a.id },
      null,
    );
    expect(user.passwordHash).toBeNull();
    const mail = await db().outboxMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: 'desc' } });
    expect(mail.body).not.toContain('token='); // what admins read has no link
    const token = tokenIn(await mailTo(email))!;
    await resetPassword(token, 'Een-goed-wachtwoord-2026');
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).not.toBeNull();
    await expect(resetPassword(token, 'Een-ander-wachtwoord-2026')).rejects.toMatchObject({ code: 'LINK_ONGELDIG' });
    expect(await db().auditLog.count({ where: { event: 'account.uitgenodigd', object: { contains: email } } })).toBe(1);
  });

  it('refuse a role that does not fit the organisation', async () => {
    const { scope } = await admin();
    const [a, g] = [await makeAanbieder(), await makeGemeente()];
    await expect(
      inviteAccount(scope, { email: `x-${Date.now()}@t.nl`, name: 'X', role: 'GEMEENTE', organisationId: a.id }, null),
    ).rejects.toMatchObject({ code: 'ROL_PAST_NIET' });
    await expect(
      inviteAccount(
        scope,
        { email: `y-${Date.now()}@t.nl`, name: 'Y', role: 'TTP_BEHEER', organisationId: g.id },
        null,
      ),
    ).rejects.toMatchObject({ code: 'ROL_PAST_NIET' });
  });

  it('are resent only while not yet accepted', async () => {
    const { scope } = await admin();
    const a = await makeAanbieder();
    const pending = await inviteAccount(
      scope,
      { email: `p-${Date.now()}@t.nl`, name: 'P', role: 'AANBIEDER_INZAGE', organisationId: a.id },
      null,
    );
    await changeAccount(scope, pending.id, { kind: 'uitnodiging-opnieuw' }, null);
    expect(await db().outboxMail.count({ where: { to: pending.email } })).toBe(2);
    const accepted = await makeUser('AANBIEDER_INZAGE', a.id);
    await expect(changeAccount(scope, accepted.id, { kind: 'uitnodiging-opnieuw' }, null)).rejects.toMatchObject({
      status: 409,
    });
  });
});

describe('changes', () => {
  it('deactivation ends the session on its next request, not at token expiry', async () => {
    const { scope } = await admin();
    const g = await makeGemeente();
    const user = await makeUser('GEMEENTE', g.id);
    const session = await createSession(user.id);
    expect('user' in (await resolveSession(session))).toBe(true);
    await changeAccount(scope, user.id, { kind: 'deactiveren' }, null);
    expect(await resolveSession(session)).not.toHaveProperty('user');
  });

  it('a new role counts from the next request, and must fit the organisation', async () => {
    const { scope } = await admin();
    const a = await makeAanbieder();
    const user = await makeUser('AANBIEDER_INZAGE', a.id);
    const session = await createSession(user.id);
    await changeAccount(scope, user.id, { kind: 'rol', role: 'AANBIEDER_UPLOAD' }, null);
    const state = await resolveSession(session);
    expect('user' in state && state.user.role).toBe('AANBIEDER_UPLOAD');
    await expect(changeAccount(scope, user.id, { kind: 'rol', role: 'REGIO' }, null)).rejects.toMatchObject({
      code: 'ROL_PAST_NIET',
    });
  });

  it('2FA reset takes two admins: one asks, another confirms; then the secret is gone and sessions end', async () => {
    const first = await admin();
    const second = await admin();
    const a = await makeAanbieder();
    const user = await makeUser('AANBIEDER_UPLOAD', a.id);
    const session = await createSession(user.id);
    expect(await changeAccount(first.scope, user.id, { kind: '2fa-resetten' }, null)).toBe('2fa-aangevraagd');
    // the asking admin cannot confirm their own request, however often they try
    for (let i = 0; i < 2; i++)
      await expect(changeAccount(first.scope, user.id, { kind: '2fa-resetten' }, null)).rejects.toMatchObject({
        status: 403,
        code: 'VIER_OGEN',
      });
    const waiting = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(waiting.totpSecretEnc).not.toBeNull();
    expect(await resolveSession(session)).toHaveProperty('user');
    expect(await changeAccount(second.scope, user.id, { kind: '2fa-resetten' }, null)).toBe('2fa-resetten');
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.totpSecretEnc, after.totpEnabledAt, after.totpResetRequestedBy]).toEqual([null, null, null]);
    expect(await resolveSession(session)).not.toHaveProperty('user');
    const logged = await db().auditLog.findMany({ where: { object: { contains: user.id } }, orderBy: { id: 'asc' } });
    expect(logged.map((l) => [l.event, l.userEmail])).toEqual([
      ['account.2fa-reset-aangevraagd', first.user.email],
      ['account.2fa-resetten', second.user.email],
    ]);
    expect(logged[1]?.object).toContain(`aangevraagd door ${first.user.email}`);
  });
});

describe('the last TTP admin', () => {
  it('cannot be deactivated or lose the role; with a second admin it can, once', async () => {
    // Other tests' admins share this database: deactivate them to make ours the last one.
    const { scope, user } = await admin();
    await db().user.updateMany({ where: { role: 'TTP_BEHEER', id: { not: user.id } }, data: { active: false } });
    await expect(changeAccount(scope, user.id, { kind: 'deactiveren' }, null)).rejects.toMatchObject({
      code: 'LAATSTE_BEHEERDER',
    });
    await expect(changeAccount(scope, user.id, { kind: 'rol', role: 'AANBIEDER_UPLOAD' }, null)).rejects.toMatchObject({
      status: 400,
    });
    const second = await makeUser('TTP_BEHEER', user.organisationId);
    await changeAccount(scope, user.id, { kind: 'deactiveren' }, null);
    await expect(
      changeAccount(expectScope(await scopeOf(second.id), 'ttp'), second.id, { kind: 'deactiveren' }, null),
    ).rejects.toMatchObject({
      code: 'LAATSTE_BEHEERDER',
    });
  });
});
