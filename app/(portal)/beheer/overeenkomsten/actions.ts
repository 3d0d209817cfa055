'use server';

import { changeAgreement, ZAgreementChange } from '@/lib/services/agreements/change-agreement';
import { requestAgreement, ZNewAgreement } from '@/lib/services/agreements/request-agreement';
import { runAdminForm } from '../admin-form';

const PAGE = '/beheer/overeenkomsten';
const permission = 'agreements:manage';

export async function requestAgreementAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: 'overeenkomst starten',
    backTo: PAGE,
    schema: ZNewAgreement,
    run: requestAgreement,
    done: ({ aanbieder, agreement }) =>
      `Overeenkomst versie ${agreement.version} voor ${aanbieder.name} staat op "aangevraagd".`,
  });
}

export async function changeAgreementAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: `overeenkomst ${form.get('step') === 'verzenden' ? 'verzenden' : 'beëindigen'}`,
    backTo: PAGE,
    schema: ZAgreementChange,
    run: changeAgreement,
    done: () =>
      form.get('step') === 'verzenden' ? 'De overeenkomst staat op "verzonden".' : 'De overeenkomst is beëindigd.',
  });
}
