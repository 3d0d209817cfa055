import { z } from 'zod';
import { messageUrl } from '@/app/(portal)/back-with-message';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { recordSignedAgreement, ZSignedAgreement } from '@/lib/services/agreements/record-signed-agreement';
import { readBody } from '@/lib/uploads/read-body';

const PAGE = '/beheer/overeenkomsten';

// A route handler rather than a server action: the signed PDF may be larger than a server action's
// 1 MB body limit. The plain HTML form posts here (multipart) and is sent back to the page with the
// outcome, like every admin form.
// 303, not redirect()'s 307: the browser must follow with a GET, not post the form again.
const back = (message: string, ok: boolean) =>
  Response.redirect(new URL(messageUrl(PAGE, message, ok), env().APP_URL), 303);

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = expectScope(
    await requireScope(
      'agreements:manage',
      `overeenkomst ${z.uuid().safeParse(id).data ?? '?'} ondertekend vastleggen`,
    ),
    'ttp',
  );
  // Same-origin forms only (the session cookie is SameSite=Lax already). Browsers send Origin "null"
  // under our Referrer-Policy no-referrer, so Sec-Fetch-Site is the signal where they send it.
  const site = req.headers.get('sec-fetch-site');
  const origin = req.headers.get('origin');
  if ((site && site !== 'same-origin') || (origin && origin !== 'null' && origin !== new URL(env().APP_URL).origin)) {
    return new Response('Verboden', { status: 403 });
  }
  try {
    const body = await readBody(req, (env().AGREEMENT_PDF_MAX_MB + 1) * 1024 * 1024);
    const form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': req.headers.get('content-type') ?? '' },
    }).formData();
    const fields = ZSignedAgreement.safeParse({
      ...Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')),
      id,
    });
    if (!fields.success) return back(fields.error.issues.map((i) => i.message).join(' '), false);
    const file = form.get('pdf');
    const pdf = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const result = await recordSignedAgreement(scope, fields.data, pdf, await requestAddress());
    const invited = result.invites.invited.length
      ? ` Uitnodiging verstuurd aan ${result.invites.invited.join(', ')}.`
      : '';
    const skipped = result.invites.skipped.length ? ` Al een account: ${result.invites.skipped.join(', ')}.` : '';
    return back(`De ondertekende overeenkomst van ${result.name} is vastgelegd.${invited}${skipped}`, true);
  } catch (err) {
    if (err instanceof AppError) return back(err.message, false);
    if (err instanceof TypeError) return back('Het formulier kon niet gelezen worden; probeer het opnieuw.', false);
    throw err;
  }
}
