import type { z } from 'zod';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope, type TtpScope } from '@/lib/access/scope';
import type { Permission } from '@/lib/access/permissions';
import { requestAddress } from '@/lib/audit/request-address';
import { AppError } from '@/lib/errors';
import { backWithMessage } from './back-with-message';

type AdminForm<S extends z.ZodType, R> = {
  permission: Permission;
  /** What the access log records for this request. */
  audit: string;
  schema: S;
  run: (scope: TtpScope, input: z.infer<S>, address: string | null) => Promise<R>;
  /** The message shown after success. */
  done: (result: R) => string;
  /** The page to return to. */
  backTo: string;
};

/**
 * The shape of every TTP admin form: permission, zod (Dutch messages), the service, and back to the
 * page with the outcome. An AppError is the user's to read; anything else is a bug and is thrown.
 */
export async function runAdminForm<S extends z.ZodType, R>(form: FormData, f: AdminForm<S, R>): Promise<never> {
  const scope = expectScope(await requireScope(f.permission, f.audit), 'ttp');
  const back = backWithMessage(f.backTo);
  const input = f.schema.safeParse(Object.fromEntries(form));
  if (!input.success) back(input.error.issues.map((i) => i.message).join(' '), false);
  let message = '';
  try {
    message = f.done(await f.run(scope, input.data as z.infer<S>, await requestAddress()));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    back(err.message, false);
  }
  return back(message, true);
}
