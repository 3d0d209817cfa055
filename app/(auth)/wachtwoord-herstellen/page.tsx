import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';

export const metadata: Metadata = { title: 'Nieuw wachtwoord kiezen' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1>Nieuw wachtwoord kiezen</h1>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="melding melding-fout">
          Deze link is niet compleet. <Link href="/wachtwoord-vergeten">Vraag een nieuwe link aan.</Link>
        </p>
      )}
    </>
  );
}
