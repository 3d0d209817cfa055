// Why a single sign-on was refused, as the login page says it (?sso=<code>).
export const SSO_MESSAGES = {
  GEEN_MFA:
    'Uw organisatie heeft uw inlog bevestigd, maar niet met tweestapsverificatie (MFA). Het Gemeenteportaal vraagt dat wel. Log opnieuw in bij uw organisatie en bevestig met uw tweede stap, of vraag uw ICT-afdeling MFA voor dit portaal te verplichten.',
  ANDER_DOMEIN:
    'Dit e-mailadres hoort niet bij de inlogdienst die u koos. Log in via de inlogdienst van de organisatie van uw e-mailadres.',
  GEEN_EMAIL:
    'Uw organisatie gaf geen (bevestigd) e-mailadres door. Vraag uw ICT-afdeling de claim "email" mee te geven aan het Gemeenteportaal.',
  GEEN_ACCOUNT:
    'Er is in het Gemeenteportaal geen actief account voor dit e-mailadres bij uw organisatie. Vraag de beheerder van de TTP om een uitnodiging.',
  ANDERE_IDENTITEIT:
    'Dit account is eerder gebruikt door een andere identiteit bij uw organisatie. Neem contact op met de beheerder van de TTP.',
  GEEN_VERNIEUWING:
    'De inlogdienst van uw organisatie gaf geen vernieuwingstoken (offline_access). Zonder dat kan het portaal niet nagaan of uw account nog actief is; vraag uw ICT-afdeling dit toe te staan.',
  NIET_ACTIEF: 'Inloggen via uw organisatie is voor het Gemeenteportaal niet (meer) ingesteld.',
  MISLUKT:
    'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw; lukt het dan niet, neem contact op met de beheerder van de TTP.',
} as const;

export type SsoRefusal = keyof typeof SSO_MESSAGES;

export const ssoMessage = (code: string | undefined): string =>
  SSO_MESSAGES[code as SsoRefusal] ?? SSO_MESSAGES.MISLUKT;
