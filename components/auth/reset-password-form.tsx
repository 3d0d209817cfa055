'use client';

import { useActionState } from 'react';
import { type ResetState, resetPasswordAction } from '@/app/(auth)/wachtwoord-herstellen/actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ResetState, FormData>(resetPasswordAction, {});
  return (
    <form className="formulier" action={action}>
      {state.error && (
        <p className="melding melding-fout" role="alert">
          {state.error}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <div className="veld">
        <label htmlFor="password">Nieuw wachtwoord</label>
        <p className="hint" id="pw-hint">
          Minstens 12 tekens, niet alleen letters.
        </p>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-describedby="pw-hint"
        />
      </div>
      <div className="veld">
        <label htmlFor="password2">Herhaal het nieuwe wachtwoord</label>
        <input id="password2" name="password2" type="password" autoComplete="new-password" required minLength={12} />
      </div>
      <button className="knop" type="submit" disabled={pending}>
        Wachtwoord opslaan
      </button>
    </form>
  );
}
