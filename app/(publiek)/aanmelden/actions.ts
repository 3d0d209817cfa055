'use server';

import { BAD_POST, isForm } from '@/app/bad-post';
import { requestAddress } from '@/lib/audit/request-address';
import { accountRows, submitAccessRequest, ZAccessRequest } from '@/lib/services/access-requests/submit-access-request';

export type AanmeldState = {
  outcome?: 'ontvangen' | 'te-vaak';
  errors?: string[];
  values?: Record<string, string>;
  attempt: number;
};

/** The public aanmelding: Dutch messages for what the asker typed; never a word about what the portal knows. */
export async function aanmeldAction(prev: AanmeldState, form: FormData): Promise<AanmeldState> {
  if (!isForm(form)) return { errors: [BAD_POST], attempt: 0 };
  const values = Object.fromEntries(
    [...form]
      .filter(([k, v]) => typeof v === 'string' && !k.startsWith('$'))
      .map(([k, v]) => [k, String(v).slice(0, 2000)]),
  );
  const input = ZAccessRequest.safeParse({
    organisationName: form.get('organisationName') ?? '',
    agbCode: form.get('agbCode') ?? '',
    contactName: form.get('contactName') ?? '',
    contactEmail: form.get('contactEmail') ?? '',
    contactPhone: form.get('contactPhone') ?? '',
    accounts: accountRows(form),
    note: form.get('note') ?? '',
  });
  if (!input.success)
    return { errors: [...new Set(input.error.issues.map((i) => i.message))], values, attempt: prev.attempt + 1 };
  const outcome = await submitAccessRequest(input.data, {
    address: await requestAddress(),
    honeypot: String(form.get('website') ?? '') !== '',
  });
  return outcome === 'te-vaak'
    ? { outcome, values, attempt: prev.attempt + 1 }
    : { outcome, attempt: prev.attempt + 1 };
}
