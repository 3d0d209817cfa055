'use server';

import { BAD_POST, isForm } from '@/app/bad-post';
import { requestAddress } from '@/lib/audit/request-address';
import { accountRows, submitAccessRequest, ZAccessRequest } from '@/lib/services/access-requests/submit-access-request';

/** A message and the id of the field it is about (the summary links to it, the field is marked invalid). */
export type FieldError = { field: string; message: string };

export type AanmeldState = {
  outcome?: 'ontvangen' | 'te-vaak';
  errors?: FieldError[];
  values?: Record<string, string>;
  attempt: number;
};

/** The public aanmelding: Dutch messages for what the asker typed; never a word about what the portal knows. */
export async function aanmeldAction(prev: AanmeldState, form: FormData): Promise<AanmeldState> {
  if (!isForm(form)) return { errors: [{ field: 'organisationName', message: BAD_POST }], attempt: 0 };
  const values = Object.fromEntries(
    [...form]
      .filter(([k, v]) => typeof v === 'string' && !k.startsWith('$'))
      .map(([k, v]) => [k, String(v).slice(0, 2000)]),
  );
  const accounts = accountRows(form);
  const input = ZAccessRequest.safeParse({
    organisationName: form.get('organisationName') ?? '',
    agbCode: form.get('agbCode') ?? '',
    contactName: form.get('contactName') ?? '',
    contactEmail: form.get('contactEmail') ?? '',
    contactPhone: form.get('contactPhone') ?? '',
    accounts,
    note: form.get('note') ?? '',
  });
  if (!input.success) {
    // accounts.<i>.<key> is the form's row accounts[i].row; no account at all points at the first row
    const fieldOf = ([head, i, key]: PropertyKey[]) =>
      head !== 'accounts'
        ? String(head)
        : typeof i === 'number'
          ? `account-${accounts[i]?.row ?? 0}-${String(key ?? 'name')}`
          : 'account-0-name';
    const errors = input.error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message }));
    return { errors, values, attempt: prev.attempt + 1 };
  }
  const outcome = await submitAccessRequest(input.data, {
    address: await requestAddress(),
    honeypot: String(form.get('website') ?? '') !== '',
  });
  return outcome === 'te-vaak'
    ? { outcome, values, attempt: prev.attempt + 1 }
    : { outcome, attempt: prev.attempt + 1 };
}
