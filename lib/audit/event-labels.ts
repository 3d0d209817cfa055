import type { Permission } from '@/lib/access/permissions';
import { IMPORT_RUN_EVENT } from './events';

// What each audit event means, in Dutch, for the TTP's audit log (page, search, export). The log
// keeps the stable code (`event`); people read and search these words. A page or route view is
// logged under its permission; every other event under a code of its own.

const PERMISSION_LABELS: Record<Permission, string> = {
  'aanbieder:start': 'startpagina aanbieder bekeken',
  'upload:create': 'bestand aangeleverd of aanleverpagina geopend',
  'upload:view': 'aanlevering en verslag bekeken',
  'gemeente:start': 'startpagina gemeente bekeken',
  'beheer:start': 'beheer bekeken',
  'mail:outbox': 'uitgaande e-mail bekeken',
  'audit:view': 'auditlog geraadpleegd',
  'processing:monitor': 'verwerkingsmonitor bekeken of bediend',
  'dashboard:view': 'dashboard bekeken',
  'dashboard:export': 'cijfers geëxporteerd (export)',
  'api-token:manage': 'API-tokens beheerd',
  'api-token:issue': 'eigen API-tokens beheerd',
  'report:view': 'spiegelrapportage bekeken of gedownload',
  'conversation:view': 'kwaliteitsgesprek bekeken',
  'conversation:prepare': 'kwaliteitsgesprek voorbereid',
  'conversation:contribute': 'bijdrage aan kwaliteitsgesprek',
  'accounts:manage': 'accounts beheerd',
  'organisations:manage': 'organisaties of inlogdiensten beheerd',
  'agreements:manage': 'verwerkersovereenkomsten beheerd',
  'privacy:view': 'gegevens bij de TTP bekeken',
  'privacy:request': 'verzoek over een cliënt of teruggave',
  'deletion-statement:view': 'verklaring van verwijdering bekeken',
  'register:view': 'verwerkingsregister bekeken',
  'organisatie:view': 'organisatiepagina bekeken',
};

const EVENT_LABELS: Record<string, string> = {
  'inloggen.gelukt': 'ingelogd',
  'inloggen.mislukt': 'inloggen mislukt',
  'inloggen.geweigerd': 'inloggen geweigerd',
  'inloggen.geblokkeerd': 'account geblokkeerd na mislukte pogingen',
  'inloggen.sso.gelukt': 'ingelogd via de inlogdienst van de organisatie',
  'inloggen.sso.geweigerd': 'inloggen via de inlogdienst geweigerd',
  uitloggen: 'uitgelogd',
  'sessie.beeindigd': 'sessie beëindigd',
  '2fa.ingesteld': 'tweestapsverificatie ingesteld',
  '2fa.instellen.gestart': 'tweestapsverificatie instellen gestart',
  'wachtwoord.gewijzigd': 'wachtwoord gewijzigd',
  'wachtwoord.herstel.aangevraagd': 'wachtwoordherstel aangevraagd',
  'account.uitgenodigd': 'account uitgenodigd',
  'account.activeren': 'account geactiveerd',
  'account.deactiveren': 'account gedeactiveerd',
  'account.rol': 'rol van account gewijzigd',
  'account.2fa-reset-aangevraagd': 'reset van tweestapsverificatie aangevraagd (wacht op tweede beheerder)',
  'account.2fa-resetten': 'tweestapsverificatie van account gereset',
  'account.uitnodiging-opnieuw': 'uitnodiging opnieuw verstuurd',
  'organisatie.aangemaakt': 'organisatie geregistreerd',
  'organisatie.geactiveerd': 'organisatie geactiveerd',
  'organisatie.gedeactiveerd': 'organisatie gedeactiveerd',
  'regio.lid-toevoegen': 'gemeente aan regio toegevoegd',
  'regio.lid-verwijderen': 'gemeente uit regio gehaald',
  'regio.centrumgemeente': 'centrumgemeente gewijzigd',
  'sso.ingesteld': 'inlogdienst ingesteld',
  'sso.gewijzigd': 'inlogdienst gewijzigd',
  'sso.aangezet': 'inlogdienst aangezet',
  'sso.uitgezet': 'inlogdienst uitgezet',
  'aanmelding.ontvangen': 'aanmelding ontvangen',
  'aanmelding.geaccepteerd': 'aanmelding geaccepteerd',
  'aanmelding.afgewezen': 'aanmelding afgewezen',
  'aanmelding.geweigerd': 'aanmelding geweigerd',
  'overeenkomst.aangevraagd': 'verwerkersovereenkomst gestart',
  'overeenkomst.verzonden': 'verwerkersovereenkomst verzonden',
  'overeenkomst.ondertekend': 'ondertekende verwerkersovereenkomst vastgelegd',
  'overeenkomst.beeindigd': 'verwerkersovereenkomst beëindigd',
  'overeenkomst.verlopen': 'verwerkersovereenkomst verlopen',
  'overeenkomst.pdf-gedownload': 'verwerkersovereenkomst (PDF) gedownload',
  'upload.ontvangen': 'bestand ontvangen',
  'upload.bsn-verwijderd': 'bestand met BSN geweigerd en verwijderd',
  'import.verwerkt': 'bestand verwerkt',
  'import.opnieuw': 'bestand opnieuw verwerkt',
  [IMPORT_RUN_EVENT]: 'nachtelijke verwerking gedraaid',
  'api-token.uitgegeven': 'API-token uitgegeven',
  'api-token.ingetrokken': 'API-token ingetrokken',
  'api:indicator': 'cijfers opgevraagd via de API (export)',
  'api:aanlevering': 'bestand aangeleverd via de API',
  'api:aanlevering-status': 'status van aanlevering opgevraagd via de API',
  'kwaliteitsgesprek.voorbereid': 'kwaliteitsgesprek voorbereid',
  'kwaliteitsgesprek.antwoord': 'antwoord in kwaliteitsgesprek',
  'kwaliteitsgesprek.actie': 'afspraak in kwaliteitsgesprek',
  'kwaliteitsgesprek.actie-afgerond': 'afspraak afgerond',
  'kwaliteitsgesprek.actie-heropend': 'afspraak heropend',
  'bewaartermijn.toegepast': 'bewaartermijn toegepast (trajecten verwijderd)',
  'aanbiedergegevens.verwijderd': 'gegevens van aanbieder verwijderd na einde overeenkomst',
  'aanbiedergegevens.teruggegeven': 'gegevens aan aanbieder teruggegeven',
  'verwijderverklaring.download': 'verklaring van verwijdering gedownload',
  'clientverzoek.inzage': 'verzoek om inzage over een cliënt',
  'clientverzoek.inzage-download': 'inzage over een cliënt gedownload',
  'clientverzoek.verwijdering': 'verzoek om verwijdering over een cliënt',
  'verwerkingsregister.opgevraagd': 'verwerkingsregister opgevraagd',
  'overzichten.budget-op': 'overzichtenbudget van de maand op (nieuw overzicht geweigerd)',
  'overzichten.verschilpatroon':
    'verschilpatroon gesignaleerd (veel varianten van één overzicht), organisatie vertraagd',
};

const LABELS: Record<string, string> = { ...PERMISSION_LABELS, ...EVENT_LABELS };

/** Every known event code, with its Dutch label. */
export const AUDIT_EVENT_LABELS: Readonly<Record<string, string>> = LABELS;

/** The Dutch label of an event (the code itself for one this list does not know). */
export const eventLabel = (event: string): string => LABELS[event] ?? event;

/**
 * The event codes a search for `text` means: those whose label contains it (case-insensitive), and
 * those whose code begins with it (the old way, for who knows the codes).
 */
export function eventsMatching(text: string): { codes: string[]; prefix: string } {
  const needle = text.trim().toLowerCase();
  return {
    codes: Object.entries(LABELS)
      .filter(([, label]) => label.toLowerCase().includes(needle))
      .map(([code]) => code),
    prefix: text.trim(),
  };
}
