'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { AppError } from '@/lib/errors';
import { rerunUpload } from '@/lib/services/processing/rerun-upload';
import { messageUrl } from '../../back-with-message';

export async function rerunAction(form: FormData) {
  const id = z.string().uuid().safeParse(form.get('id'));
  const scope = expectScope(await requireScope('processing:monitor', `opnieuw verwerken ${id.data ?? '?'}`), 'ttp');
  let message = 'Het bestand is opnieuw verwerkt.';
  try {
    if (!id.success) throw new AppError('Onbekende upload.');
    await rerunUpload(scope, id.data, await requestAddress());
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    message = err.message;
  }
  redirect(messageUrl('/beheer/verwerking', message, true));
}
