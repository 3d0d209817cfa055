'use server';

import { z } from 'zod';
import { saveSsoConnection, ZSsoConnection } from '@/lib/services/sso/save-sso-connection';
import { setSsoActive } from '@/lib/services/sso/set-sso-active';
import { runAdminForm } from '../admin-form';

const PAGE = '/beheer/inlogdiensten';
const permission = 'organisations:manage';

export async function saveSsoAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: 'inlogdienst instellen',
    backTo: PAGE,
    schema: ZSsoConnection,
    run: saveSsoConnection,
    done: ({ organisationName }) =>
      `De inlogdienst van ${organisationName} is opgeslagen en staat uit. Een tweede beheerder zet haar aan; daarna loggen accounts met een e-mailadres in de genoemde domeinen in via hun organisatie.`,
  });
}

const ZSetActive = z.object({ id: z.uuid('Onbekende inlogdienst.'), active: z.enum(['ja', 'nee']) });

export async function setSsoActiveAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: `inlogdienst ${form.get('active') === 'ja' ? 'aanzetten' : 'uitzetten'} ${z.uuid().safeParse(form.get('id')).data ?? '?'}`,
    backTo: PAGE,
    schema: ZSetActive,
    run: (scope, input, address) =>
      setSsoActive(scope, input.id, input.active === 'ja', address).then(() => input.active === 'ja'),
    done: (active) =>
      active
        ? 'Inloggen via de organisatie staat weer aan.'
        : 'Inloggen via de organisatie staat uit; de open sessies daarvan zijn beëindigd.',
  });
}
