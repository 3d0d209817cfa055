'use client';
import { useActionState } from 'react';
import { type IssueState, issueTokenAction } from '@/app/(portal)/api-tokens/actions';

/** Issue form for the user's own organisation; the new token is shown once, right here. */
export function IssueTokenForm() {
  const [state, action, pending] = useActionState<IssueState, FormData>(issueTokenAction, {});
  return (
    <form action={action} className="formulier" aria-label="Nieuwe API-token">
      <h2>Nieuwe token</h2>
      {state.fout && (
        <p className="melding melding-fout" role="alert">
          {state.fout}
        </p>
      )}
      {state.token && (
        <div className="melding melding-ok" role="status">
          <p>Token &quot;{state.name}&quot; uitgegeven. Kopieer hem nu: hij wordt niet nog eens getoond.</p>
          <p>
            <code className="token" data-testid="nieuwe-token">
              {state.token}
            </code>
          </p>
        </div>
      )}
      <div className="veld">
        <label htmlFor="name">Naam van de token</label>
        <input id="name" name="name" required maxLength={80} placeholder="bijv. Power BI afdeling Jeugd" />
      </div>
      <button className="knop" type="submit" disabled={pending}>
        Token uitgeven
      </button>
    </form>
  );
}
