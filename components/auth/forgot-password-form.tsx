'use client';

import { useActionState } from 'react';
import { type ForgotState, forgotPasswordAction } from '@/app/(auth)/wachtwoord-vergeten/actions';

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ForgotState, FormData>(forgotPasswordAction, { done: false });
  if (state.done) {
    return (
      <p className="melding melding-ok" role="status">
        Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link. De link is een
        uur geldig.
      </p>
    );
  }
  return (
    <form className="formulier" action={action}>
      {state.error && (
        <p className="melding melding-fout" role="alert">
          {state.error}
        </p>
      )}
      <div className="veld">
        <label htmlFor="email">E-mailadres</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <button className="knop" type="submit" disabled={pending}>
        Stuur mij een link
      </button>
    </form>
  );
}
