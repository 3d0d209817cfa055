'use server';

import { z } from 'zod';
import { requireScope } from '@/lib/access/require-scope';
import { backWithMessage } from '../../back-with-message';
import { expectScope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { AppError } from '@/lib/errors';
import { Role } from '@/lib/generated/prisma/enums';
import { changeAccount, type AccountChange } from '@/lib/services/accounts/change-account';
import { inviteAccount, ZInvite } from '@/lib/services/accounts/invite-account';

const back = backWithMessage('/beheer/accounts');

export async function inviteAction(form: FormData) {
  const scope = expectScope(await requireScope('accounts:manage', 'account uitnodigen'), 'ttp');
  const input = ZInvite.safeParse(Object.fromEntries(form));
  if (!input.success) back(input.error.issues.map((i) => i.message).join(' '), false);
  let message = '';
  try {
    const user = await inviteAccount(scope, input.data!, await requestAddress());
    message = `Uitnodiging verstuurd aan ${user.email}.`;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    back(err.message, false);
  }
  back(message, true);
}

const ZChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rol'), role: z.enum(Role) }),
  z.object({ kind: z.enum(['deactiveren', 'activeren', '2fa-resetten', 'uitnodiging-opnieuw']) }),
]);

const DONE: Record<AccountChange['kind'], string> = {
  rol: 'De rol is gewijzigd; dat geldt vanaf de volgende klik van de gebruiker.',
  deactiveren: 'Het account is gedeactiveerd; open sessies zijn beëindigd.',
  activeren: 'Het account is weer actief.',
  '2fa-resetten': 'De tweestapsverificatie is gereset; bij de volgende login stelt de gebruiker een nieuwe in.',
  'uitnodiging-opnieuw': 'De uitnodiging is opnieuw verstuurd.',
};

export async function changeAction(form: FormData) {
  const id = z.uuid().safeParse(form.get('id'));
  const change = ZChange.safeParse({ kind: form.get('kind'), role: form.get('role') ?? undefined });
  const scope = expectScope(await requireScope('accounts:manage', `account wijzigen ${id.data ?? '?'}`), 'ttp');
  if (!id.success || !change.success) back('Onbekende wijziging.', false);
  try {
    await changeAccount(scope, id.data!, change.data as AccountChange, await requestAddress());
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    back(err.message, false);
  }
  back(DONE[change.data!.kind], true);
}
