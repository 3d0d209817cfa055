import { describe, expect, it } from 'vitest';
import { expectScope } from '@/lib/access/scope';
import { findOrganisation } from '@/lib/services/organisations/find-organisation';
import { getAanbiederStart } from '@/lib/services/start/get-aanbieder-start';
import { getGemeenteStart } from '@/lib/services/start/get-gemeente-start';
import {
  addTrajectories,
  makeAanbieder,
  makeGemeente,
  makeTtp,
  makeUser,
  scopeOf,
  shownClients,
} from './helpers/fixtures';

describe('organisation records are scoped', () => {
  it('answers "not found" for another organisation, and shows the own one', async () => {
    const [mine, theirs] = await Promise.all([makeAanbieder(), makeAanbieder()]);
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', mine.id)).id);
    expect(await findOrganisation(scope, theirs.id)).toBeNull();
    expect((await findOrganisation(scope, mine.id))?.name).toBe(mine.name);
  });
  it('does not let a municipality open a provider or another municipality', async () => {
    const [g, other, a] = await Promise.all([makeGemeente(), makeGemeente(), makeAanbieder()]);
    const scope = await scopeOf((await makeUser('GEMEENTE', g.id)).id);
    expect(await findOrganisation(scope, other.id)).toBeNull();
    expect(await findOrganisation(scope, a.id)).toBeNull();
    expect(await findOrganisation(scope, 'not-a-uuid')).toBeNull();
  });
  it('lets the TTP open every organisation (it manages them)', async () => {
    const a = await makeAanbieder();
    const scope = await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
    expect((await findOrganisation(scope, a.id))?.agbCode).toBe(a.agbCode);
  });
});

describe('start page figures', () => {
  it('give a municipality only its residents, hidden below 7 clients and perturbed above', async () => {
    const [a, b, big, small] = await Promise.all([makeAanbieder(), makeAanbieder(), makeGemeente(), makeGemeente()]);
    await addTrajectories([
      ...Array.from({ length: 12 }, (_, i) => ({
        aanbiederId: a.id,
        gemeentecode: big.cbsCode!,
        client: `ts-big-${i}`,
      })),
      ...Array.from({ length: 3 }, (_, i) => ({
        aanbiederId: b.id,
        gemeentecode: small.cbsCode!,
        client: `ts-small-${i}`,
      })),
    ]);
    const bigStart = await getGemeenteStart(
      expectScope(await scopeOf((await makeUser('GEMEENTE', big.id)).id), 'gemeente'),
    );
    const bigClients = Array.from({ length: 12 }, (_, i) => `ts-big-${i}`);
    expect(bigStart).toMatchObject({ providers: 1, clients: { value: shownClients(bigClients), suppressed: false } });
    const smallStart = await getGemeenteStart(
      expectScope(await scopeOf((await makeUser('GEMEENTE', small.id)).id), 'gemeente'),
    );
    expect(smallStart.clients).toEqual({ value: null, suppressed: true });
  });
  it('give a provider its own figures unsuppressed and nothing of another provider', async () => {
    const [a, b, g] = await Promise.all([makeAanbieder(), makeAanbieder(), makeGemeente()]);
    await addTrajectories([
      ...Array.from({ length: 3 }, (_, i) => ({ aanbiederId: a.id, gemeentecode: g.cbsCode!, client: `tp-a-${i}` })),
      ...Array.from({ length: 9 }, (_, i) => ({
        aanbiederId: b.id,
        gemeentecode: g.cbsCode!,
        client: `tp-b-${i}`,
        einddatum: null,
      })),
    ]);
    const s = await getAanbiederStart(
      expectScope(await scopeOf((await makeUser('AANBIEDER_UPLOAD', a.id)).id), 'aanbieder'),
    );
    expect(s).toMatchObject({ trajectories: 3, clients: 3, ended: 3 });
  });
});
