import { writeAudit } from '@/lib/audit/write-audit';
import { inBackground } from '@/lib/background';
import { openString, sealString } from '@/lib/crypto/secret-box';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/mail/send-mail';
import { LoginError } from './login-errors';
import { hashPassword, verifyPassword } from './password';
import { createSession } from './sessions';
import { ssoCovers } from './sso/find-sso';
import { checkTotpCode, newTotpSecret, totpUri } from './totp';

type Credentials = { email: string; password: string; code?: string; address?: string | null };

// Spent on unknown accounts too, so response time does not tell which e-mail addresses exist.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword('geen-account-hier-0'));

const normalise = (email: string) => email.trim().toLowerCase();

async function findLoginUser(email: string) {
  return db().user.findUnique({ where: { email: normalise(email) }, include: { organisation: true } });
}
type LoginUser = NonNullable<Awaited<ReturnType<typeof findLoginUser>>>;

const actorOf = (u: LoginUser) => ({
  userId: u.id,
  email: u.email,
  role: u.role,
  organisationId: u.organisationId,
  organisationName: u.organisation.name,
});

/**
 * A wrong password or code. For a wrong password the answer waits only for the audit entry, as an
 * unknown address's does (no timing oracle); counting towards the lock, the lock and the owner's mail
 * follow after it. A wrong code comes after the right password, so it is counted before the answer,
 * which sends a locked account back to the password step.
 */
async function registerFailure(
  user: LoginUser,
  reason: 'wachtwoord' | 'code',
  address?: string | null,
): Promise<never> {
  await writeAudit({ event: 'inloggen.mislukt', actor: actorOf(user), object: reason, address, outcome: 'mislukt' });
  if (reason === 'wachtwoord') {
    inBackground('mislukte inlog tellen', () => countFailure(user, address));
    throw new LoginError('ONGELDIG');
  }
  throw new LoginError((await countFailure(user, address)) ? 'ONGELDIG' : 'CODE_ONGELDIG');
}

/** Counts a failure in one statement (parallel attempts cannot lose a count); the last one locks. */
async function countFailure(user: LoginUser, address?: string | null): Promise<boolean> {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = env();
  const [row] = await db().$queryRaw<{ locked: boolean }[]>`
    UPDATE app_user
       SET failed_logins = CASE WHEN failed_logins + 1 >= ${LOGIN_MAX_FAILURES} THEN 0 ELSE failed_logins + 1 END,
           locked_until = CASE WHEN failed_logins + 1 >= ${LOGIN_MAX_FAILURES}
                               THEN now() + make_interval(mins => ${LOGIN_LOCK_MINUTES}) ELSE locked_until END
     WHERE id = ${user.id}::uuid
 RETURNING failed_logins = 0 AS locked`;
  if (!row?.locked) return false;
  await writeAudit({
    event: 'inloggen.geblokkeerd',
    actor: actorOf(user),
    object: `na ${LOGIN_MAX_FAILURES} mislukte pogingen`,
    address,
    outcome: 'mislukt',
  });
  // The owner hears of the lock by e-mail; the login form says nothing that an unknown address would
  // not get too (no enumeration: "geblokkeerd" would tell that the address exists).
  await sendMail({
    to: user.email,
    subject: 'Uw account is tijdelijk geblokkeerd',
    body: `Beste ${user.name},\n\nNa ${LOGIN_MAX_FAILURES} mislukte inlogpogingen is uw account van het Gemeenteportaal ${LOGIN_LOCK_MINUTES} minuten geblokkeerd. Daarna kunt u weer inloggen.\n\nWas u dit niet zelf? Wijzig dan uw wachtwoord via "Wachtwoord vergeten" en meld het bij de beheerder van de TTP.\n`,
  });
  return true;
}

/** Checks password, lock-out and account state; returns the user, or throws a LoginError. */
async function checkPassword({ email, password, address }: Credentials): Promise<LoginUser> {
  const user = await findLoginUser(email);
  if (!user?.active || !user.organisation.active || !user.passwordHash) {
    await verifyPassword(await dummy(), password);
    await writeAudit({
      event: 'inloggen.mislukt',
      object: `onbekend of inactief account`,
      address,
      outcome: 'mislukt',
    });
    throw new LoginError('ONGELDIG');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await verifyPassword(user.passwordHash, password); // the same time as any other answer
    await writeAudit({
      event: 'inloggen.geweigerd',
      actor: actorOf(user),
      object: 'account geblokkeerd',
      address,
      outcome: 'geweigerd',
    });
    throw new LoginError('ONGELDIG'); // as for an unknown address: the lock is told by e-mail
  }
  if (!(await verifyPassword(user.passwordHash, password))) return registerFailure(user, 'wachtwoord', address);
  // Once the organisation logs in through its own identity provider, the password is no way in:
  // a leaver disabled there must not keep access here. Said after the password is checked, so it
  // tells nothing to whoever does not know it.
  if (await ssoCovers(user)) {
    await writeAudit({
      event: 'inloggen.geweigerd',
      actor: actorOf(user),
      object: 'wachtwoord, maar de organisatie logt in via haar inlogdienst',
      address,
      outcome: 'geweigerd',
    });
    throw new LoginError('SSO_VERPLICHT');
  }
  return user;
}

/**
 * The whole login: password, then the TOTP code (of the confirmed secret, or of the secret being
 * enrolled, which the first valid code confirms). Returns the new server-side session id.
 */
export async function authenticate(creds: Credentials): Promise<{ userId: string; sessionId: string }> {
  const user = await checkPassword(creds);
  const sealed = user.totpSecretEnc ?? user.totpPendingEnc;
  if (!sealed) throw new LoginError('INSTELLEN_NODIG');
  if (!creds.code) throw new LoginError('CODE_NODIG');
  const step = await checkTotpCode(openString(sealed, user.id), creds.code.trim(), user.totpLastStep);
  if (step === null) return registerFailure(user, 'code', creds.address);

  const enrolling = !user.totpSecretEnc;
  await db().user.update({
    where: { id: user.id },
    data: {
      failedLogins: 0,
      lockedUntil: null,
      totpLastStep: BigInt(step),
      lastLoginAt: new Date(),
      ...(enrolling ? { totpSecretEnc: sealed, totpPendingEnc: null, totpEnabledAt: new Date() } : {}),
    },
  });
  const sessionId = await createSession(user.id);
  if (enrolling) await writeAudit({ event: '2fa.ingesteld', actor: actorOf(user), address: creds.address });
  await writeAudit({
    event: 'inloggen.gelukt',
    actor: actorOf(user),
    object: `sessie ${sessionId}`,
    address: creds.address,
  });
  return { userId: user.id, sessionId };
}

/**
 * First login: after the password is checked, a new secret is kept (encrypted) as pending and
 * shown once as a QR code. Refused when 2FA is already set up: resetting it is an admin action.
 */
export async function startEnrolment(creds: Credentials): Promise<{ secret: string; uri: string }> {
  const user = await checkPassword(creds);
  if (user.totpSecretEnc) throw new LoginError('AL_INGESTELD');
  const secret = newTotpSecret();
  await db().user.update({ where: { id: user.id }, data: { totpPendingEnc: sealString(secret, user.id) } });
  await writeAudit({ event: '2fa.instellen.gestart', actor: actorOf(user), address: creds.address });
  return { secret, uri: totpUri(secret, user.email) };
}
