'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { findSsoAction } from '@/app/(auth)/inloggen/actions';

/** "Inloggen via uw organisatie": the work e-mail address picks the organisation's identity provider. */
export function SsoLogin() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const found = await findSsoAction(email);
    if (!found.ok) {
      setBusy(false);
      setError(found.message);
      return;
    }
    await signIn(found.providerId, { callbackUrl: '/' }, { login_hint: email.trim() });
  }

  return (
    <form className="formulier" onSubmit={submit} noValidate aria-labelledby="sso-kop">
      <h2 id="sso-kop">Inloggen via uw organisatie</h2>
      <p>
        Logt uw gemeente of organisatie in met een eigen account (bijvoorbeeld Microsoft)? Vul uw e-mailadres van het
        werk in.
      </p>
      {error && (
        <p className="melding melding-fout" role="alert">
          {error}
        </p>
      )}
      <div className="veld">
        <label htmlFor="sso-email">E-mailadres van het werk</label>
        <input
          id="sso-email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={error ? true : undefined}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <button className="knop knop-licht" type="submit" disabled={busy}>
        Verder naar uw organisatie
      </button>
    </form>
  );
}
