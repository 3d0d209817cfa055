'use server';

import { z } from 'zod';
import { BAD_POST, isForm } from '@/app/bad-post';
import { requestAddress } from '@/lib/audit/request-address';
import { requestPasswordReset } from '@/lib/auth/password-reset';

export type ForgotState = { done: boolean; error?: string };

export async function forgotPasswordAction(_prev: ForgotState, form: FormData): Promise<ForgotState> {
  if (!isForm(form)) return { done: false, error: BAD_POST };
  const email = z.string().trim().email().max(200).safeParse(form.get('email'));
  if (!email.success) return { done: false, error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.' };
  await requestPasswordReset(email.data, await requestAddress());
  return { done: true };
}
