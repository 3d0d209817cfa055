'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireScope } from '@/lib/access/require-scope';
import { requestAddress } from '@/lib/audit/request-address';
import { revokeApiToken } from '@/lib/services/api-tokens/revoke-api-token';
import { messageUrl } from '../../back-with-message';

/** The TTP revokes any token (a leaked one, a leaver's BI tool); it never issues one. */
export async function revokeTokenAction(form: FormData) {
  const id = z.uuid().safeParse(form.get('id'));
  const scope = await requireScope('api-token:manage', `api-token intrekken ${id.data ?? '?'}`);
  const done = id.success && (await revokeApiToken(scope, id.data, await requestAddress()));
  redirect(
    messageUrl('/beheer/api-tokens', done ? 'De token is ingetrokken.' : 'Deze token was al ingetrokken.', true),
  );
}
