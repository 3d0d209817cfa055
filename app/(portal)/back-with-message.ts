import { redirect } from 'next/navigation';

/** After an admin action: back to the page, with the outcome as a message (melding) or an error (fout). */
export const backWithMessage = (path: string) => (message: string, ok: boolean): never =>
  redirect(`${path}?${ok ? 'melding' : 'fout'}=${encodeURIComponent(message)}`);
