'use server';

import { z } from 'zod';
import { Role } from '@/lib/generated/prisma/enums';
import { type AccountChange, type AccountChangeOutcome, changeAccount } from '@/lib/services/accounts/change-account';
import { inviteAccount, ZInvite } from '@/lib/services/accounts/invite-account';
import { runAdminForm } from '../admin-form';

const PAGE = '/beheer/accounts';
const permission = 'accounts:manage';

export async function inviteAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: 'account uitnodigen',
    backTo: PAGE,
    schema: ZInvite,
    run: inviteAccount,
    done: (user) => `Uitnodiging verstuurd aan ${user.email}.`,
  });
}

const UNKNOWN = 'Onbekende wijziging.';

const ZChange = z.intersection(
  z.object({ id: z.uuid(UNKNOWN) }),
  z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('rol'), role: z.enum(Role, UNKNOWN) }),
      z.object({ kind: z.enum(['deactiveren', 'activeren', '2fa-resetten', 'uitnodiging-opnieuw']) }),
    ],
    UNKNOWN,
  ),
);

const DONE: Record<AccountChangeOutcome, string> = {
  rol: 'De rol is gewijzigd; dat geldt vanaf de volgende klik van de gebruiker.',
  deactiveren: 'Het account is gedeactiveerd; open sessies zijn beëindigd.',
  activeren: 'Het account is weer actief.',
  '2fa-aangevraagd':
    'De 2FA-reset is aangevraagd. Een tweede beheerder bevestigt hem onder Accounts; pas dan is de tweestapsverificatie gereset.',
  '2fa-resetten': 'De tweestapsverificatie is gereset; bij de volgende login stelt de gebruiker een nieuwe in.',
  'uitnodiging-opnieuw': 'De uitnodiging is opnieuw verstuurd.',
};

export async function changeAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: `account wijzigen ${z.uuid().safeParse(form.get('id')).data ?? '?'}`,
    backTo: PAGE,
    schema: ZChange,
    run: (scope, input, address) => changeAccount(scope, input.id, input as AccountChange, address),
    done: (kind) => DONE[kind],
  });
}
