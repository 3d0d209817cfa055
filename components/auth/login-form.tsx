'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { startEnrolmentAction } from '@/app/(auth)/inloggen/actions';
import { loginMessage } from '@/lib/auth/login-errors';

type Step = 'wachtwoord' | 'code' | 'instellen';

/** Password first, then the TOTP code; on a first login, enrolment with a QR code in between. */
export function LoginForm({ appOrigin }: { appOrigin: string }) {
  const [step, setStep] = useState<Step>('wachtwoord');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrol, setEnrol] = useState<{ qr: string; secret: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Refused before any check (403, not JSON: next-auth throws) when this page is not on the
      // portal's own address: said here, not left to a form that stays as it was.
      const res = await signIn('credentials', {
        redirect: false,
        email,
        password,
        code: step === 'wachtwoord' ? '' : code,
      }).catch(() => null);
      if (!res || res.status === 403)
        return setError(
          window.location.origin !== appOrigin
            ? `Inloggen is geweigerd: deze pagina staat niet op het adres van het portaal. Open ${appOrigin}/inloggen en log daar in.`
            : 'Inloggen is niet gelukt. Laad de pagina opnieuw en probeer het nog eens.',
        );
      if (res.ok && !res.error) {
        window.location.assign('/');
        return;
      }
      const reason = res?.error ?? '';
      if (reason === 'CODE_NODIG') return setStep('code');
      if (reason === 'INSTELLEN_NODIG') {
        const r = await startEnrolmentAction({ email, password });
        if (!r.ok) return setError(r.message);
        setEnrol({ qr: r.qr, secret: r.secret });
        return setStep('instellen');
      }
      if (reason === 'ONGELDIG') {
        setStep('wachtwoord');
        setCode('');
      }
      setError(loginMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="formulier" onSubmit={submit} noValidate>
      {error && (
        <p className="melding melding-fout" role="alert">
          {error}
        </p>
      )}
      {step === 'wachtwoord' ? (
        <>
          <div className="veld">
            <label htmlFor="email">E-mailadres</label>
            <input
              id="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="veld">
            <label htmlFor="password">Wachtwoord</label>
            <input
              id="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
        </>
      ) : (
        <>
          {step === 'instellen' && enrol && (
            <div>
              <h2>Tweestapsverificatie instellen</h2>
              <p>
                Scan deze QR-code met een authenticator-app (bijvoorbeeld Microsoft Authenticator of FreeOTP) en vul
                daarna de code in die de app toont.
              </p>
              {/* biome-ignore lint/performance/noImgElement: the QR code is a data URL made on the server; next/image has nothing to optimise */}
              <img className="qr" src={enrol.qr} alt="QR-code voor uw authenticator-app" width={200} height={200} />
              <p>
                Kunt u niet scannen? Voer deze sleutel handmatig in:{' '}
                <code className="sleutel" data-testid="totp-sleutel">
                  {enrol.secret}
                </code>
              </p>
            </div>
          )}
          <div className="veld">
            <label htmlFor="code">Code uit uw authenticator-app</label>
            <p className="hint" id="code-hint">
              Zes cijfers; de code verandert elke 30 seconden.
            </p>
            <input
              id="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              aria-describedby="code-hint"
              // biome-ignore lint/a11y/noAutofocus: the second step has this one field; focus follows the user there
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
          </div>
        </>
      )}
      <button className="knop" type="submit" disabled={busy}>
        {step === 'wachtwoord' ? 'Volgende' : 'Inloggen'}
      </button>
    </form>
  );
}
