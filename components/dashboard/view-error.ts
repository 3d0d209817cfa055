import { AppError } from '@/lib/errors';

/** A view that cannot be shown (too many filters): its Dutch message goes on the page, not a 500. */
export class ViewError {
  constructor(readonly message: string) {}
}

export function asViewError(err: unknown): ViewError {
  if (err instanceof AppError) return new ViewError(err.message);
  throw err;
}
