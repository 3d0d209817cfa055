'use server';

import { z } from 'zod';
import { requireScope } from '@/lib/access/require-scope';
import { backWithMessage } from '../back-with-message';
import { expectScope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { AppError } from '@/lib/errors';
import { createAanbieder, ZNewAanbieder } from '@/lib/services/organisations/create-aanbieder';
import { setOrganisationActive } from '@/lib/services/organisations/set-organisation-active';

const back = backWithMessage('/beheer/organisaties');

export async function createAanbiederAction(form: FormData) {
  const scope = expectScope(await requireScope('organisations:manage', 'aanbieder registreren'), 'ttp');
  const input = ZNewAanbieder.safeParse(Object.fromEntries(form));
  if (!input.success) back(input.error.issues.map((i) => i.message).join(' '), false);
  let message = '';
  try {
    const org = await createAanbieder(scope, input.data!, await requestAddress());
    message = `${org.name} (AGB ${org.agbCode}) is geregistreerd.`;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    back(err.message, false);
  }
  back(message, true);
}

export async function setActiveAction(form: FormData) {
  const id = z.uuid().safeParse(form.get('id'));
  const active = form.get('active') === 'ja';
  const scope = expectScope(await requireScope('organisations:manage', `organisatie ${active ? 'activeren' : 'deactiveren'} ${id.data ?? '?'}`), 'ttp');
  if (!id.success) back('Onbekende organisatie.', false);
  try {
    await setOrganisationActive(scope, id.data!, active, await requestAddress());
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    back(err.message, false);
  }
  back(active ? 'De organisatie is weer actief.' : 'De organisatie is gedeactiveerd; haar gegevens en auditlog blijven bewaard.', true);
}
