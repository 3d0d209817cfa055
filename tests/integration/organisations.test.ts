import { describe, expect, it } from 'vitest';
import { expectScope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { createSession, resolveSession } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { createAanbieder, ZNewAanbieder } from '@/lib/services/organisations/create-aanbieder';
import { setOrganisationActive } from '@/lib/services/organisations/set-organisation-active';
import { loadRecords, makeAanbieder, makeTtp, makeUser, scopeOf } from './helpers/fixtures';

async function ttp() {
  const org = await makeTtp();
  return { org, scope: expectScope(await scopeOf((await makeUser('TTP_BEHEER', org.id)).id), 'ttp') };
}

describe('organisations', () => {
  it('checks the AGB code (8 digits) in Dutch, and refuses one that exists', async () => {
    const bad = ZNewAanbieder.safeParse({ name: 'Zorg BV', agbCode: '1234567', contactEmail: '' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe('De AGB-code bestaat uit precies 8 cijfers.');
    const { scope } = await ttp();
    const existing = await makeAanbieder();
    await expect(
      createAanbieder(scope, { name: 'Kopie', agbCode: existing.agbCode!, contactEmail: '' }, null),
    ).rejects.toMatchObject({ code: 'AGB_BESTAAT' });
  });

  it('deactivating keeps every record, ends sessions, and refuses new ones until reactivated', async () => {
    const { scope } = await ttp();
    const a = await makeAanbieder();
    await loadRecords(a, [{ client: `org-${a.id}` }]);
    const user = await makeUser('AANBIEDER_INZAGE', a.id);
    const session = await createSession(user.id);
    await setOrganisationActive(scope, a.id, false, null);
    expect(await resolveSession(session)).toEqual({ expired: 'revoked' });
    expect(await resolveSession(await createSession(user.id))).toEqual({ expired: 'inactive' });
    expect(await withScope('system', (tx) => tx.trajectory.count({ where: { aanbiederId: a.id } }))).toBe(1);
    expect(await db().organisation.findUnique({ where: { id: a.id } })).toMatchObject({ active: false });
    await setOrganisationActive(scope, a.id, true, null);
    expect('user' in (await resolveSession(await createSession(user.id)))).toBe(true);
    expect(
      await db().auditLog.count({ where: { event: { startsWith: 'organisatie.' }, object: { contains: a.id } } }),
    ).toBe(2);
  });

  it('never deactivates the TTP itself', async () => {
    const { scope, org } = await ttp();
    await expect(setOrganisationActive(scope, org.id, false, null)).rejects.toMatchObject({ status: 409 });
  });
});
