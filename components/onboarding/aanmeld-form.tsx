'use client';

import { useActionState } from 'react';
import { type AanmeldState, aanmeldAction, type FieldError } from '@/app/(publiek)/aanmelden/actions';

const ROWS = 5;

/** A field with its own error under the label, marked invalid for assistive technology. */
function Field({
  id,
  label,
  v,
  errors,
  ...rest
}: {
  id: string;
  label: string;
  v?: Record<string, string>;
  errors?: FieldError[];
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const error = errors?.find((e) => e.field === id);
  return (
    <div className="veld">
      <label htmlFor={id}>{label}</label>
      {error && (
        <p className="veldfout" id={`${id}-fout`}>
          {error.message}
        </p>
      )}
      <input
        id={id}
        name={id}
        defaultValue={v?.[id]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-fout` : undefined}
        {...rest}
      />
    </div>
  );
}

export function AanmeldForm() {
  const [state, action, pending] = useActionState<AanmeldState, FormData>(aanmeldAction, { attempt: 0 });
  if (state.outcome === 'ontvangen') {
    return (
      <p className="melding melding-ok" role="status">
        Bedankt, uw aanmelding is ontvangen. De TTP neemt binnen vijf werkdagen contact op met de contactpersoon over de
        verwerkersovereenkomst.
      </p>
    );
  }
  const v = state.values;
  const errors = state.errors;
  // the summary names each problem once and links to the first field it is about
  const summary = errors?.filter((e, i) => errors.findIndex((f) => f.message === e.message) === i);
  return (
    // key: a new attempt re-mounts the form with what was typed (React resets a form after its action)
    <form className="formulier" action={action} key={state.attempt} noValidate>
      {state.outcome === 'te-vaak' && (
        <p className="melding melding-fout" role="alert">
          Er zijn vanaf uw adres te veel aanmeldingen verstuurd. Probeer het over een uur opnieuw, of neem contact op
          met de TTP.
        </p>
      )}
      {summary && (
        <div className="melding melding-fout" role="alert">
          <p>Controleer het formulier:</p>
          <ul>
            {summary.map((e) => (
              <li key={e.message}>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset>
        <legend>Organisatie</legend>
        <Field
          id="organisationName"
          label="Naam van de organisatie"
          v={v}
          errors={errors}
          required
          maxLength={200}
          autoComplete="organization"
        />
        <Field
          id="agbCode"
          label="AGB-code (8 cijfers)"
          v={v}
          errors={errors}
          required
          inputMode="numeric"
          maxLength={8}
        />
      </fieldset>
      <fieldset>
        <legend>Contactpersoon voor de verwerkersovereenkomst</legend>
        <Field id="contactName" label="Naam" v={v} errors={errors} required maxLength={120} autoComplete="name" />
        <Field
          id="contactEmail"
          label="E-mailadres"
          v={v}
          errors={errors}
          type="email"
          required
          maxLength={200}
          autoComplete="email"
        />
        <Field
          id="contactPhone"
          label="Telefoonnummer (niet verplicht)"
          v={v}
          errors={errors}
          type="tel"
          maxLength={30}
          autoComplete="tel"
        />
      </fieldset>
      <fieldset>
        <legend>Wie heeft een account nodig?</legend>
        <p className="hint">
          Hoogstens {ROWS}. &quot;Aanleveren&quot; uploadt bestanden; &quot;alleen inzien&quot; bekijkt de verslagen en
          resultaten. Iedereen logt in met wachtwoord en tweestapsverificatie.
        </p>
        {Array.from({ length: ROWS }, (_, i) => (
          <fieldset className="filters" key={i} aria-label={`Account ${i + 1}`}>
            <Field id={`account-${i}-name`} label={`Naam (account ${i + 1})`} v={v} errors={errors} maxLength={120} />
            <Field
              id={`account-${i}-email`}
              label={`E-mailadres (account ${i + 1})`}
              v={v}
              errors={errors}
              type="email"
              maxLength={200}
            />
            <div className="veld">
              <label htmlFor={`account-${i}-role`}>{`Rol (account ${i + 1})`}</label>
              <select
                aria-invalid={errors?.some((e) => e.field === `account-${i}-role`) || undefined}
                id={`account-${i}-role`}
                name={`account-${i}-role`}
                defaultValue={v?.[`account-${i}-role`] ?? 'AANBIEDER_UPLOAD'}
              >
                <option value="AANBIEDER_UPLOAD">Aanleveren</option>
                <option value="AANBIEDER_INZAGE">Alleen inzien</option>
              </select>
            </div>
          </fieldset>
        ))}
      </fieldset>
      <div className="veld">
        <label htmlFor="note">Toelichting (niet verplicht)</label>
        <textarea id="note" name="note" rows={3} maxLength={2000} defaultValue={v?.note} />
      </div>
      {/* Honeypot: invisible to people and screen readers, filled in by form-spamming bots. */}
      <div className="honingpot" aria-hidden="true">
        <label htmlFor="website">Website</label>
        <input id="website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <button className="knop" type="submit" disabled={pending}>
        Aanmelding versturen
      </button>
    </form>
  );
}
