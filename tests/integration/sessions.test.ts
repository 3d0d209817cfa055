import { describe, expect, it } from 'vitest';
import { createSession, resolveSession, revokeSession } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { makeGemeente, makeRegio, makeUser } from './helpers/fixtures';

describe('server-side sessions', () => {
  it('expire after 30 idle minutes', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    const sid = await createSession(u.id);
    expect('user' in (await resolveSession(sid, new Date(Date.now() + 29 * 60_000)))).toBe(true);
    // the read above touched the session: idle time counts from the last request
    expect(await resolveSession(sid, new Date(Date.now() + 29 * 60_000 + 31 * 60_000))).toEqual({ expired: 'idle' });
    expect(await resolveSession(sid)).toEqual({ expired: 'revoked' });
  });
  it('end after 12 hours however active they are', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    const sid = await createSession(u.id);
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    // a request every 25 minutes keeps it from idling, up to the maximum
    for (let minutes = 25; minutes < 12 * 60; minutes += 25)
      expect('user' in (await resolveSession(sid, at(minutes / 60))), `${minutes} min`).toBe(true);
    expect(await resolveSession(sid, at(12 + 1 / 60))).toEqual({ expired: 'idle' });
    expect(await resolveSession(sid, at(12 + 2 / 60))).toEqual({ expired: 'revoked' });
  });
  it('end at logout', async () => {
    const u = await makeUser('GEMEENTE', (await makeGemeente()).id);
    const sid = await createSession(u.id);
    await revokeSession(sid);
    expect(await resolveSession(sid)).toEqual({ expired: 'revoked' });
  });
  it('reflect a deactivation and a changed role on the very next request', async () => {
    const g = await makeGemeente();
    const u = await makeUser('GEMEENTE', g.id);
    const sid = await createSession(u.id);
    const regio = await makeRegio([g.id]);
    await db().user.update({ where: { id: u.id }, data: { role: 'REGIO', organisationId: regio.id } });
    const state = await resolveSession(sid);
    expect('user' in state && state.user.role).toBe('REGIO');
    expect('user' in state && state.user.gemeenteCodes).toEqual([g.cbsCode]);
    await db().user.update({ where: { id: u.id }, data: { active: false } });
    expect(await resolveSession(sid)).toEqual({ expired: 'inactive' });
  });
  it('do not accept an unknown session id', async () => {
    expect(await resolveSession('00000000-0000-0000-0000-000000000000')).toEqual({ expired: 'unknown' });
  });
});
