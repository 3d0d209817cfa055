'use server';

import QRCode from 'qrcode';
import { z } from 'zod';
import { requestAddress } from '@/lib/audit/request-address';
import { startEnrolment } from '@/lib/auth/authenticate';
import { LoginError, loginMessage } from '@/lib/auth/login-errors';

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
