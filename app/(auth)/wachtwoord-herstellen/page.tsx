import type { Metadata } from 'next';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { Link } from '@/components/ui/link';
import { userTokenUsable } from '@/lib/auth/user-tokens';

export const metadata: Metadata = { title: 'Nieuw wachtwoord kiezen' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  // An invalid link says so at once, not after a new password has been typed twice (issue 13).
  const usable = token ? await userTokenUsable(token) : false;
  return (
    <>
      <h1>Nieuw wachtwoord kiezen</h1>
      {usable ? (
        <ResetPasswordForm token={token!} />
      ) : (
        <p className="melding melding-fout" role="alert">
          {token ? 'Deze link is ongeldig, al gebruikt of verlopen.' : 'Deze link is niet compleet.'}{' '}
          <Link href="/wachtwoord-vergeten">Vraag een nieuwe link aan.</Link>
        </p>
      )}
    </>
  );
}
