import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { FIELDS } from '@/lib/cbs/layout';
import { keyFingerprint, statementPublicKey } from '@/lib/crypto/statement-signature';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { formatDate, formatNumber } from '@/lib/format';
import { K_ANONYMITY } from '@/lib/indicators/disclosure-control';
import { AGREEMENT_STATUS_LABEL, END_CHOICE_LABEL, statusOn } from '@/lib/services/agreements/agreement-lifecycle';

// The register of processing activities of the TTP as processor (AVG art. 30(2)), generated from the
// configuration and the data at the moment it is asked for, so it never goes stale: the
// controllers (every provider with an agreement), what is processed and why, the recipients by kind,
// the terms and the security measures. Counts only, never row values.

export type RegisterSection = { title: string; rows: [string, string][] };
export type ProcessingRegister = { generatedAt: Date; sections: RegisterSection[] };

const PERSONAL_FIELDS = FIELDS.filter((f) => f.key !== 'agb_code' && f.key !== 'pseudo_id').map((f) => f.label);

export async function getProcessingRegister(scope: Scope, address: string | null): Promise<ProcessingRegister> {
  const s = checkCaller(scope, 'register:view', 'ttp');
  const now = new Date();
  const [ttp, providers, kinds, stored] = await Promise.all([
    db().organisation.findFirst({ where: { kind: 'TTP' }, orderBy: { createdAt: 'asc' } }),
    db().organisation.findMany({
      where: { kind: 'AANBIEDER', agreements: { some: {} } },
      orderBy: { name: 'asc' },
      select: {
        name: true,
        agbCode: true,
        agreements: { orderBy: { createdAt: 'desc' }, take: 1 },
      },
    }),
    db().organisation.groupBy({ by: ['kind'], where: { active: true }, _count: { _all: true } }),
    withScope(
      'system',
      (tx) =>
        tx.$queryRaw<{ n: bigint; aanbieders: bigint; oudste: Date | null }[]>`
        SELECT count(*) AS n, count(DISTINCT aanbieder_id) AS aanbieders, min(einddatum) AS oudste FROM trajectory`,
    ),
  ]);
  const countOf = (kind: string) => kinds.find((k) => k.kind === kind)?._count._all ?? 0;
  const e = env();
  const publicKey = statementPublicKey();
  await writeAudit({ event: 'verwerkingsregister.opgevraagd', actor: s.user, address });
  return {
    generatedAt: now,
    sections: [
      {
        title: 'Verwerker',
        rows: [
          ['Naam', ttp?.name ?? 'Trusted third party (TTP)'],
          ['Contact', ttp?.contactEmail ?? 'zie de verwerkersovereenkomst'],
          ['Rol', 'Verwerker (AVG art. 28) in opdracht van de aanbieders; register volgens AVG art. 30 lid 2'],
        ],
      },
      {
        title: 'Verwerkingsverantwoordelijken (aanbieders met een verwerkersovereenkomst)',
        rows: providers.map((p) => {
          const a = p.agreements[0];
          const status = AGREEMENT_STATUS_LABEL[statusOn(a, now)];
          const valid = a.validFrom
            ? `, geldig ${formatDate(a.validFrom)} – ${a.validUntil ? formatDate(a.validUntil) : 'onbepaald'}`
            : '';
          const end = a.endChoice
            ? `, einde: ${END_CHOICE_LABEL[a.endChoice]}${a.dataDeletedAt ? `, verwijderd ${formatDate(a.dataDeletedAt)}` : ''}`
            : '';
          return [`${p.name} (AGB ${p.agbCode})`, `versie ${a.version}, ${status}${valid}${end}`];
        }),
      },
      {
        title: 'Categorieën van verwerkingen',
        rows: [
          ['Ontvangen', 'aanleveringen (CBS Beleidsinformatie Jeugd-structuur) via de browser, versleuteld opgeslagen'],
          ['Valideren', 'controle per regel; bestanden met een BSN worden geweigerd en direct verwijderd'],
          [
            'Pseudonimiseren',
            'het cliëntnummer (al gepseudonimiseerd door de aanbieder) nogmaals, met een sleutel van de TTP',
          ],
          ['Koppelen', 'trajecten van dezelfde cliënt bij alle aanbieders (na beëindiging geen nieuwe start)'],
          ['Berekenen en tonen', 'outcome-indicatoren; aan gemeenten en regio’s alleen afgeschermd'],
          ['Bewaren en verwijderen', 'volgens de termijnen hieronder; einde overeenkomst: verwijderen of teruggeven'],
        ],
      },
      {
        title: 'Doeleinden',
        rows: [
          ['Sturing op resultaat', 'gemeenten sturen op uitkomsten van jeugdhulp en Wmo (Jeugdwet, Wmo 2015)'],
          ['Kwaliteitsgesprek', 'het gesprek tussen gemeente en aanbieder voorbereiden en vastleggen'],
          ['Spiegelinformatie', 'aanbieders zien hun eigen, niet-afgeschermde resultaten'],
        ],
      },
      {
        title: 'Betrokkenen en persoonsgegevens',
        rows: [
          [
            'Betrokkenen',
            'jeugdigen in jeugdhulp en hun ouders/verzorgers (als respondent); cliënten met Wmo-ondersteuning',
          ],
          ['Gegevens', PERSONAL_FIELDS.join(', ')],
          ['Bijzondere gegevens', 'ja: gegevens over gezondheid (AVG art. 9), in gepseudonimiseerde vorm'],
          [
            'Niet verwerkt',
            'BSN, naam, adres, geboortedatum (alleen het geboortejaar), het pseudoniem van de aanbieder',
          ],
        ],
      },
      {
        title: 'Ontvangers',
        rows: [
          ['Aanbieders', `${countOf('AANBIEDER')}: alleen hun eigen gegevens, exact`],
          [
            'Gemeenten',
            `${countOf('GEMEENTE')}: aggregaten over hun inwoners; geen cijfer op minder dan ${K_ANONYMITY} cliënten, aantallen verstoord`,
          ],
          ['Regio’s', `${countOf('REGIO')}: als gemeenten, over de inwoners van hun leden`],
          ['TTP-beheerders', 'geen cijfers en geen gegevens op cliëntniveau; beheer en auditlog'],
          ['Doorgifte buiten de EER', 'geen'],
        ],
      },
      {
        title: 'Bewaartermijnen',
        rows: [
          [
            'Aangeleverde bestanden',
            `${e.UPLOAD_RETENTION_DAYS} dagen na verwerking; met een BSN: direct na verwerking`,
          ],
          [
            'Trajecten',
            `${e.TRAJECTORY_RETENTION_YEARS} volle kalenderjaren na het jaar van de einddatum; lopende trajecten zolang ze lopen`,
          ],
          [
            'Einde overeenkomst',
            `verwijderen (of eerst teruggeven) ${e.AGREEMENT_DELETION_NOTICE_DAYS} dagen na het einde, met ondertekende verklaring`,
          ],
          [
            'Auditlog',
            'niet automatisch verwijderd (NEN 7513: ten minste vijf jaar); bevat geen gegevens uit bestanden',
          ],
        ],
      },
      {
        title: 'Beveiligingsmaatregelen (zie docs/security.md)',
        rows: [
          [
            'Versleuteling',
            'bestanden en geheimen in rust AES-256-GCM; sleutels alleen in de omgeving, nooit in de database',
          ],
          ['Pseudonimisering', 'HMAC-SHA-256 met een sleutel van de TTP, versie per sleutel'],
          [
            'Toegang',
            'rollen en rechten, rijniveaubeveiliging in PostgreSQL, tweestapsverificatie, sessies met maximale duur',
          ],
          [
            'Afscherming',
            `primaire afscherming onder ${K_ANONYMITY} cliënten en cell-key-verstoring (docs/disclosure-control.md)`,
          ],
          ['Logging', 'elke toegang in een onveranderlijk auditlog (NEN 7513)'],
          [
            'Ondertekening verklaringen',
            `Ed25519, sleutel ${keyFingerprint(publicKey)} (publieke sleutel: ${publicKey})`,
          ],
        ],
      },
      {
        title: 'Omvang op dit moment',
        rows: [
          ['Trajectrecords', formatNumber(Number(stored[0].n))],
          ['Aanbieders met gegevens', formatNumber(Number(stored[0].aanbieders))],
          ['Oudste einddatum', formatDate(stored[0].oudste)],
        ],
      },
    ],
  };
}
