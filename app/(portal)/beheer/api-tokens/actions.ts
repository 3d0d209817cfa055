'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { AppError } from '@/lib/errors';
import { issueApiToken, ZIssueToken } from '@/lib/services/api-tokens/issue-api-token';
import { revokeApiToken } from '@/lib/services/api-tokens/revoke-api-token';
import { messageUrl } from '../../back-with-message';

export type IssueState = { token?: string; organisation?: string; fout?: string };

/** Issues a token and hands it back once, to be shown on the page and never again. */
export async function issueTokenAction(_prev: IssueState, form: FormData): Promise<IssueState> {
  const scope = expectScope(await requireScope('api-token:manage', 'api-token uitgeven'), 'ttp');
  const input = ZIssueToken.safeParse({ organisationId: form.get('organisationId'), name: form.get('name') });
  if (!input.success) return { fout: input.error.issues.map((i) => i.message).join(' ') };
  try {
    const { token, record } = await issueApiToken(scope, input.data, await requestAddress());
    revalidatePath('/beheer/api-tokens');
    return { token, organisation: record.name };
  } catch (err) {
    if (err instanceof AppError) return { fout: err.message };
    throw err;
  }
}

export async function revokeTokenAction(form: FormData) {
  const id = z.uuid().safeParse(form.get('id'));
  const scope = expectScope(await requireScope('api-token:manage', `api-token intrekken ${id.data ?? '?'}`), 'ttp');
  const done = id.success && (await revokeApiToken(scope, id.data, await requestAddress()));
  redirect(
    messageUrl('/beheer/api-tokens', done ? 'De token is ingetrokken.' : 'Deze token was al ingetrokken.', true),
  );
}
