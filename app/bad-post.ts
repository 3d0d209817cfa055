/**
 * A form-state action (useActionState) gets its form as the second argument. A post made by hand
 * (without React's encoding) brings none: that is bad input, answered as such, never a crash.
 */
export const BAD_POST =
  'Dit verzoek is niet vanuit het formulier verstuurd. Laad de pagina opnieuw en probeer het nog eens.';
export const isForm = (form: unknown): form is FormData => form instanceof FormData;
