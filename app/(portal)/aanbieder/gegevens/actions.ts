'use server';

import { submitSubjectRequest, ZSubjectRequest } from '@/lib/services/privacy/subject-requests';
import { runForm } from '../../run-form';

export async function subjectRequestAction(form: FormData) {
  await runForm(form, {
    permission: 'privacy:request',
    audit: 'verzoek over een cliënt',
    backTo: '/aanbieder/gegevens',
    schema: ZSubjectRequest,
    narrow: (scope) => scope,
    run: submitSubjectRequest,
    done: (r) =>
      `Verzoek ${r.number} (${r.kind === 'INZAGE' ? 'inzage' : 'verwijdering'}) afgehandeld: ${r.asked} trajectnummer(s), ` +
      `${r.found} gevonden${r.kind === 'VERWIJDERING' ? `, ${r.deleted} record(s) verwijderd` : '; download het antwoord hieronder'}.`,
  });
}
