'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { BAD_POST, isForm } from '@/app/bad-post';
import { requireScope } from '@/lib/access/require-scope';
import { requestAddress } from '@/lib/audit/request-address';
import { AppError } from '@/lib/errors';
import { issueApiToken, ZIssueToken } from '@/lib/services/api-tokens/issue-api-token';
import { revokeApiToken } from '@/lib/services/api-tokens/revoke-api-token';
import { messageUrl } from '../back-with-message';

const PAGE = '/api-tokens';

export type IssueState = { token?: string; name?: string; fout?: string };

/** Issues a token for the user's own organisation (municipality, region or provider), shown once and never again. */
export async function issueTokenAction(_prev: IssueState, form: FormData): Promise<IssueState> {
  const scope = await requireScope('api-token:issue', 'api-token uitgeven');
  if (!isForm(form)) return { fout: BAD_POST };
  const input = ZIssueToken.safeParse({ name: form.get('name') });
  if (!input.success) return { fout: input.error.issues.map((i) => i.message).join(' ') };
  try {
    const { token, record } = await issueApiToken(scope, input.data, await requestAddress());
    revalidatePath(PAGE);
    return { token, name: record.name };
  } catch (err) {
    if (err instanceof AppError) return { fout: err.message };
    throw err;
  }
}

/** Revokes one of the organisation's own tokens (another organisation's is "not found"). */
export async function revokeOwnTokenAction(form: FormData) {
  const id = z.uuid().safeParse(form.get('id'));
  const scope = await requireScope('api-token:issue', `api-token intrekken ${id.data ?? '?'}`);
  const done = id.success && (await revokeApiToken(scope, id.data, await requestAddress()));
  redirect(
    messageUrl(PAGE, done ? 'De token is ingetrokken.' : 'Deze token bestaat niet of was al ingetrokken.', done),
  );
}
