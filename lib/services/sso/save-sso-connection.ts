import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { revokeSsoSessions } from '@/lib/auth/sessions';
import { discover } from '@/lib/auth/sso/discovery';
import { sealString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const ZSsoConnection = z.object({
  organisationId: z.uuid('Kies een organisatie.'),
  issuer: z
    .url('Vul de issuer in als volledig adres, bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0.')
    .trim()
    .refine((v) => {
      const u = new URL(v);
      return u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname));
    }, 'De issuer moet een https-adres zijn.'),
  clientId: z.string().trim().min(1, 'Vul de client-ID in.').max(200, 'Hoogstens 200 tekens.'),
  /** Empty when changing a connection: the stored secret stays. */
  clientSecret: z.string().trim().max(500, 'Hoogstens 500 tekens.').optional().default(''),
  domains: z
    .string()
    .transform((v) => [
      ...new Set(
        v
          .toLowerCase()
          .split(/[\s,;]+/)
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().regex(DOMAIN, 'Een domein is bijvoorbeeld tilburg.nl (zonder @ of https://).'))
        .min(1, 'Vul minstens één e-maildomein in.')
        .max(20, 'Hoogstens 20 domeinen.'),
    ),
});

/**
 * Sets up or changes an organisation's single sign-on. The issuer is asked for its OpenID
 * configuration first, so a typo is said now and not at the first login. An e-mail domain belongs to
 * one organisation only: two connections for one domain would let the wrong one decide.
 * A change ends the open single sign-on sessions of the connection (their tokens are the old issuer's).
 * A new or changed connection is off until another admin turns it on (four eyes, `setSsoActive`):
 * whoever configures an identity provider decides who logs in as the organisation's staff.
 */
export async function saveSsoConnection(
  scope: TtpScope,
  input: z.infer<typeof ZSsoConnection>,
  address: string | null,
) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const org = await db().organisation.findUnique({ where: { id: input.organisationId } });
  if (!org?.active || org.kind === 'TTP') throw new AppError('Kies een actieve gemeente, regio of aanbieder.', 400);
  const taken = await db().ssoConnection.findMany({
    where: { organisationId: { not: org.id }, domains: { hasSome: input.domains } },
    include: { organisation: { select: { name: true } } },
  });
  if (taken.length > 0) {
    const domains = input.domains.filter((d) => taken.some((t) => t.domains.includes(d)));
    throw new AppError(`${domains.join(', ')} hoort al bij de inlogdienst van ${taken[0]?.organisation.name}.`, 409);
  }
  await discover(input.issuer, { fresh: true });

  const existing = await db().ssoConnection.findUnique({ where: { organisationId: org.id } });
  if (!existing && !input.clientSecret) throw new AppError('Vul het clientgeheim in.', 400);
  const fields = {
    issuer: input.issuer,
    clientId: input.clientId,
    domains: input.domains,
    active: false,
    changedBy: scope.user.userId,
  };
  // The secret is sealed to the connection's id, so the id is chosen before the row is written.
  const id = existing?.id ?? randomUUID();
  const secret = input.clientSecret ? { clientSecretEnc: sealString(input.clientSecret, id) } : {};
  const connection = await db().$transaction(async (tx) => {
    if (!existing)
      return tx.ssoConnection.create({
        data: { ...fields, id, organisationId: org.id, clientSecretEnc: sealString(input.clientSecret, id) },
      });
    const c = await tx.ssoConnection.update({ where: { id }, data: { ...fields, ...secret } });
    await revokeSsoSessions(id, tx);
    return c;
  });
  await writeAudit({
    event: existing ? 'sso.gewijzigd' : 'sso.ingesteld',
    actor: scope.user,
    object: `inlogdienst van ${org.name}: ${input.issuer}, client ${input.clientId}, domeinen ${input.domains.join(', ')}${input.clientSecret ? ', nieuw geheim' : ''}`,
    address,
  });
  return { connection, organisationName: org.name };
}
