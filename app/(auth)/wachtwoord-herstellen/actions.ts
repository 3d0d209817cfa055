'use server';

import { redirect } from 'next/navigation';
import { BAD_POST, isForm } from '@/app/bad-post';
import { requestAddress } from '@/lib/audit/request-address';
import { resetPassword } from '@/lib/auth/password-reset';
import { AppError } from '@/lib/errors';

export type ResetState = { error?: string };

export async function resetPasswordAction(_prev: ResetState, form: FormData): Promise<ResetState> {
  if (!isForm(form)) return { error: BAD_POST };
  const token = String(form.get('token') ?? '');
  const password = String(form.get('password') ?? '');
  if (password !== String(form.get('password2') ?? '')) return { error: 'De twee wachtwoorden zijn niet gelijk.' };
  try {
    await resetPassword(token, password, await requestAddress());
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  redirect('/inloggen?hersteld');
}
