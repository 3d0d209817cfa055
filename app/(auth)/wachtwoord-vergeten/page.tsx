import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { Link } from '@/components/ui/link';

export const metadata: Metadata = { title: 'Wachtwoord vergeten' };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1>Wachtwoord vergeten</h1>
      <p>Vul uw e-mailadres in. Is het bij ons bekend, dan sturen we u een link om een nieuw wachtwoord te kiezen.</p>
      <ForgotPasswordForm />
      <p>
        <Link href="/inloggen">Terug naar inloggen</Link>
      </p>
    </>
  );
}
