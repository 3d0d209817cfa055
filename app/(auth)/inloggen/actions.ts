'use server';

import QRCode from 'qrcode';
import { z } from 'zod';
import { requestAddress } from '@/lib/audit/request-address';
import { startEnrolment } from '@/lib/auth/authenticate';
import { LoginError, loginMessage } from '@/lib/auth/login-errors';
import { ssoForEmail } from '@/lib/auth/sso/find-sso';

const ZEnrolInput = z.object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) });

export type EnrolResult = { ok: true; qr: string; secret: string } | { ok: false; message: string };

/** First login: shows a new TOTP secret as a QR code, only after the password is verified. */
export async function startEnrolmentAction(input: { email: string; password: string }): Promise<EnrolResult> {
  const parsed = ZEnrolInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: loginMessage('ONGELDIG') };
  try {
    const { secret, uri } = await startEnrolment({ ...parsed.data, address: await requestAddress() });
    return { ok: true, secret, qr: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
  } catch (err) {
    if (err instanceof LoginError) return { ok: false, message: loginMessage(err.code) };
    throw err;
  }
}

export type SsoChoice = { ok: true; providerId: string; organisationName: string } | { ok: false; message: string };

/** Single sign-on: which organisation's identity provider serves this e-mail address (by domain only). */
export async function findSsoAction(email: string): Promise<SsoChoice> {
  const parsed = z.email().safeParse(String(email).trim().toLowerCase());
  if (!parsed.success) return { ok: false, message: 'Vul uw e-mailadres van het werk in.' };
  const found = await ssoForEmail(parsed.data);
  return found
    ? { ok: true, ...found }
    : {
        ok: false,
        message:
          'Voor dit e-maildomein is inloggen via uw organisatie niet ingesteld. Log in met wachtwoord en code, of vraag de beheerder van de TTP om inloggen via uw organisatie.',
      };
}
