// Codes the login flow returns to the browser, and the Dutch text shown for each.
export const LOGIN_MESSAGES = {
  ONGELDIG:
    'Het e-mailadres of het wachtwoord is onjuist. Na te veel mislukte pogingen is een account tijdelijk geblokkeerd; de eigenaar krijgt daarover een e-mail.',
  CODE_NODIG: 'Vul de zescijferige code uit uw authenticator-app in.',
  CODE_ONGELDIG: 'De code is onjuist of verlopen. Vul de code in die nu in uw app staat.',
  INSTELLEN_NODIG: 'Stel eerst tweestapsverificatie in.',
  AL_INGESTELD: 'Tweestapsverificatie is voor dit account al ingesteld.',
  SSO_VERPLICHT:
    'Uw organisatie logt in via haar eigen inlogdienst. Kies hieronder "Inloggen via uw organisatie" en gebruik het account van uw werk.',
} as const;

export type LoginErrorCode = keyof typeof LOGIN_MESSAGES;

export class LoginError extends Error {
  constructor(readonly code: LoginErrorCode) {
    super(code); // next-auth passes the message to the browser: only the code, never details
    this.name = 'LoginError';
  }
}

export function loginMessage(code: string | null | undefined): string {
  return (code && LOGIN_MESSAGES[code as LoginErrorCode]) || 'Inloggen is niet gelukt. Probeer het opnieuw.';
}
