import { redirect } from 'next/navigation';

/** A page with the outcome of an action as a message (melding) or an error (fout), as FormMessage shows it. */
export const messageUrl = (path: string, message: string, ok: boolean) =>
  `${path}?${ok ? 'melding' : 'fout'}=${encodeURIComponent(message)}`;

/** After an admin action: back to the page, with the outcome as a message (melding) or an error (fout). */
export const backWithMessage =
  (path: string) =>
  (message: string, ok: boolean): never =>
    redirect(messageUrl(path, message, ok));
