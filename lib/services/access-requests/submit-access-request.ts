import { z } from 'zod';
import { writeAudit } from '@/lib/audit/write-audit';
import { db } from '@/lib/db';
import { RATE_LIMITS, takeRateLimit } from '@/lib/security/rate-limit';
import { ZAgbCode, zEmail } from '@/lib/validation';

const MAX_ACCOUNTS = 5;

export const ZRequestedAccount = z.object({
  name: z.string().trim().min(2, 'Vul bij elk account de naam in.').max(120),
  email: zEmail('Vul bij elk account een geldig e-mailadres in.'),
  role: z.enum(['AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE'], 'Kies bij elk account: aanleveren of alleen inzien.'),
});

export type RequestedAccount = z.infer<typeof ZRequestedAccount>;

/** The accounts stored with a request (JSON), read back; anything unreadable counts as none. */
export const requestedAccounts = (json: unknown): RequestedAccount[] =>
  z.array(ZRequestedAccount).catch([]).parse(json);

export const ZAccessRequest = z.object({
  organisationName: z.string().trim().min(2, 'Vul de naam van uw organisatie in.').max(200, 'Hoogstens 200 tekens.'),
  agbCode: ZAgbCode,
  contactName: z.string().trim().min(2, 'Vul de naam van de contactpersoon in.').max(120),
  contactEmail: zEmail('Vul een geldig e-mailadres van de contactpersoon in.'),
  contactPhone: z
    .string()
    .trim()
    .max(30, 'Hoogstens 30 tekens.')
    .regex(/^[0-9 +()-]*$/, 'Een telefoonnummer bestaat uit cijfers, spaties en + ( ) -.'),
  accounts: z
    .array(ZRequestedAccount)
    .min(1, 'Vraag minstens één account aan.')
    .max(MAX_ACCOUNTS, `Hoogstens ${MAX_ACCOUNTS} accounts per aanvraag.`),
  note: z.string().trim().max(2000, 'Hoogstens 2000 tekens.'),
});

/**
 * The form's account rows (account-0-name, …): empty rows are left out, half-filled rows are checked.
 * `row` is the form's own row number, so an error can point at its field (the schema drops it).
 */
export function accountRows(form: FormData) {
  return Array.from({ length: MAX_ACCOUNTS }, (_, i) => ({
    name: String(form.get(`account-${i}-name`) ?? ''),
    email: String(form.get(`account-${i}-email`) ?? ''),
    role: String(form.get(`account-${i}-role`) ?? ''),
    row: i,
  })).filter((r) => r.name.trim() || r.email.trim());
}

export const ACCOUNT_ROWS = MAX_ACCOUNTS;

export type SubmitOutcome = 'ontvangen' | 'te-vaak';

/**
 * A provider asks for access. The answer never depends on what the portal already knows (an
 * existing AGB code, a known e-mail address): the queue decides, so the form cannot be used to find
 * out which providers take part. Only the rate limit is told, because it depends on the asker alone.
 * A filled honeypot field is accepted silently and dropped.
 */
export async function submitAccessRequest(
  input: z.infer<typeof ZAccessRequest>,
  meta: { address: string | null; honeypot: boolean },
): Promise<SubmitOutcome> {
  const key = meta.address ?? 'onbekend';
  const perAddress = await takeRateLimit(RATE_LIMITS.aanmeldingPerAddress, key);
  if (!perAddress || !(await takeRateLimit(RATE_LIMITS.aanmeldingTotal, 'iedereen'))) {
    await writeAudit({
      event: 'aanmelding.geweigerd',
      object: 'te veel aanvragen',
      address: meta.address,
      outcome: 'geweigerd',
    });
    return 'te-vaak';
  }
  if (meta.honeypot) {
    await writeAudit({
      event: 'aanmelding.geweigerd',
      object: 'honeypot ingevuld',
      address: meta.address,
      outcome: 'geweigerd',
    });
    return 'ontvangen';
  }
  const request = await db().accessRequest.create({
    data: {
      organisationName: input.organisationName,
      agbCode: input.agbCode,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone || null,
      accounts: input.accounts,
      note: input.note || null,
    },
  });
  await writeAudit({
    event: 'aanmelding.ontvangen',
    object: `aanmelding ${request.id} (AGB ${request.agbCode})`,
    address: meta.address,
  });
  return 'ontvangen';
}
