import type { z } from 'zod';
import type { Permission } from '@/lib/access/permissions';
import { requireScope } from '@/lib/access/require-scope';
import type { Scope } from '@/lib/access/scope';
import { requestAddress } from '@/lib/audit/request-address';
import { AppError } from '@/lib/errors';
import { backWithMessage } from './back-with-message';

export type FormSpec<S extends z.ZodType, R, Sc extends Scope> = {
  permission: Permission;
  /** What the access log records for this request. */
  audit: string;
  schema: S;
  /** Narrows the scope where the permission already implies its kind (a mismatch is a bug). */
  narrow: (scope: Scope) => Sc;
  run: (scope: Sc, input: z.infer<S>, address: string | null) => Promise<R>;
  /** The message shown after success. */
  done: (result: R) => string;
  /** The page to return to. */
  backTo: string;
  /** Where to go after success instead, e.g. the record just created. */
  nextPage?: (result: R) => string;
};

/**
 * The shape of every form action in the portal: permission, zod (Dutch messages), the service, and
 * back to the page with the outcome. An AppError is the user's to read; anything else is a bug and is thrown.
 */
export async function runForm<S extends z.ZodType, R, Sc extends Scope>(
  form: FormData,
  f: FormSpec<S, R, Sc>,
): Promise<never> {
  const scope = f.narrow(await requireScope(f.permission, f.audit));
  const back = backWithMessage(f.backTo);
  const input = f.schema.safeParse(Object.fromEntries(form));
  if (!input.success) back([...new Set(input.error.issues.map((i) => i.message))].join(' '), false);
  let result: R;
  try {
    result = await f.run(scope, input.data as z.infer<S>, await requestAddress());
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return back(err.message, false);
  }
  return (f.nextPage ? backWithMessage(f.nextPage(result)) : back)(f.done(result), true);
}
