import type { z } from 'zod';
import { expectScope, type TtpScope } from '@/lib/access/scope';
import { type FormSpec, runForm } from '../run-form';

/** A TTP admin form: runForm with the scope narrowed to the TTP. */
export const runAdminForm = <S extends z.ZodType, R>(form: FormData, f: Omit<FormSpec<S, R, TtpScope>, 'narrow'>) =>
  runForm(form, { ...f, narrow: (scope) => expectScope(scope, 'ttp') });
