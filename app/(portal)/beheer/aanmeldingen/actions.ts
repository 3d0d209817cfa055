'use server';

import { handleAccessRequest, ZHandleRequest } from '@/lib/services/access-requests/handle-access-request';
import { runAdminForm } from '../admin-form';

export async function handleRequestAction(form: FormData) {
  await runAdminForm(form, {
    permission: 'organisations:manage',
    audit: `aanmelding ${form.get('decision') === 'afwijzen' ? 'afwijzen' : 'accepteren'}`,
    backTo: '/beheer/aanmeldingen',
    schema: ZHandleRequest,
    run: handleAccessRequest,
    done: (r) => {
      if (r.decision === 'afwijzen') return `De aanmelding van ${r.name} is afgewezen.`;
      const org = r.linked
        ? `gekoppeld aan de bestaande aanbieder ${r.name}`
        : `${r.name} is als aanbieder geregistreerd`;
      const agreement = r.agreementStarted
        ? ' De verwerkersovereenkomst staat op "aangevraagd"; de accounts worden uitgenodigd zodra de ondertekende overeenkomst is vastgelegd.'
        : '';
      const invited = r.invites?.invited.length ? ` Uitnodiging verstuurd aan ${r.invites.invited.join(', ')}.` : '';
      return `Aanmelding geaccepteerd: ${org}.${agreement}${invited}`;
    },
  });
}
