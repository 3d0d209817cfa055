import { z } from 'zod';
import { messageUrl } from '@/app/(portal)/back-with-message';
import { runRoute } from '@/app/api/run-route';
import { expectScope } from '@/lib/access/scope';
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

export const POST = runRoute<{ id: string }>({
  access: {
    permission: 'agreements:manage',
    object: (_url, p) => `overeenkomst ${z.uuid().safeParse(p.id).data ?? '?'} ondertekend vastleggen`,
  },
  sameOrigin: true,
  onError: (err) =>
    err.code === 'ANDERE_SITE'
      ? new Response(err.message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } })
      : back(err.message, false),
  run: async ({ req, params, scope, address }) => {
    let form: FormData;
    try {
      const body = await readBody(req, (env().AGREEMENT_PDF_MAX_MB + 1) * 1024 * 1024);
      const type = req.headers.get('content-type') ?? '';
      form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    } catch (err) {
      if (err instanceof TypeError) throw new AppError('Het formulier kon niet gelezen worden; probeer het opnieuw.');
      throw err;
    }
    const fields = ZSignedAgreement.safeParse({
      ...Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')),
      id: params.id,
    });
    if (!fields.success) throw new AppError(fields.error.issues.map((i) => i.message).join(' '));
    const file = form.get('pdf');
    const pdf = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const result = await recordSignedAgreement(expectScope(scope!, 'ttp'), fields.data, pdf, address);
    const invited = result.invites.invited.length
      ? ` Uitnodiging verstuurd aan ${result.invites.invited.join(', ')}.`
      : '';
    const skipped = result.invites.skipped.length ? ` Al een account: ${result.invites.skipped.join(', ')}.` : '';
    return back(`De ondertekende overeenkomst van ${result.name} is vastgelegd.${invited}${skipped}`, true);
  },
});
