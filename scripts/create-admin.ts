// npm run admin:create -- --email a@ttp.nl --name "Naam" [--organisatie "Naam TTP"]
// The first TTP admin of a fresh deployment: creates the TTP organisation if there is none and
// prints a one-time link (72 hours) to set a password; 2FA is enrolled at the first login.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeAudit } from '@/lib/audit/write-audit';
import { issueUserToken } from '@/lib/auth/user-tokens';
import { closeDb, db } from '@/lib/db';
import { env } from '@/lib/env';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, organisatie: { type: 'string' } },
});
const input = z
  .object({
    email: z.string().trim().toLowerCase().email('geef een geldig --email'),
    name: z.string().trim().min(2, 'geef --name'),
    organisatie: z.string().default('Trusted third party'),
  })
  .safeParse(values);
if (!input.success) {
  console.error(`Ongeldige invoer: ${input.error.issues.map((i) => i.message).join('; ')}`);
  process.exit(1);
}
const { email, name, organisatie } = input.data;
const ttp =
  (await db().organisation.findFirst({ where: { kind: 'TTP' } })) ??
  (await db().organisation.create({ data: { kind: 'TTP', name: organisatie } }));
if (await db().user.findUnique({ where: { email } })) {
  console.error(`Er bestaat al een account met e-mailadres ${email}.`);
  process.exit(1);
}
const user = await db().user.create({ data: { email, name, role: 'TTP_BEHEER', organisationId: ttp.id } });
const token = await issueUserToken(user.id, 'UITNODIGING', 72 * 60);
await writeAudit({ event: 'account.aangemaakt', object: `TTP-beheerder ${email} (commandoregel)` });
console.log(
  `Account aangemaakt. Stel binnen 72 uur een wachtwoord in via:\n${env().APP_URL}/wachtwoord-herstellen?token=${token}`,
);
await closeDb();
