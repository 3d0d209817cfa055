import { z } from 'zod';
import { type Signature, signStatement, verifyStatement } from '@/lib/crypto/statement-signature';

// The deletion statement (verwijderverklaring) the TTP gives a provider when its data has been
// deleted at the end of the agreement: counts and dates, never row values, signed (Ed25519) so the
// provider's privacy officer can show it and anyone can check it.

export const ZDeletionStatement = z.object({
  versie: z.literal(1),
  aanbieder: z.object({ naam: z.string(), agbCode: z.string() }),
  overeenkomst: z.object({ id: z.string(), versie: z.string(), beeindigdOp: z.string().nullable() }),
  keuze: z.enum(['VERWIJDEREN', 'TERUGGEVEN']),
  teruggegevenOp: z.string().nullable(),
  verwijderdOp: z.string(),
  aantallen: z.object({
    trajectrecords: z.number(),
    aanleveringen: z.number(),
    opgeslagenBestanden: z.number(),
    clientverzoeken: z.number(),
    meldingen: z.number(),
  }),
  ondertekening: z.object({
    algoritme: z.literal('Ed25519'),
    publiekeSleutel: z.string(),
    handtekening: z.string(),
  }),
});

export type DeletionStatement = z.infer<typeof ZDeletionStatement>;

/** What stays, and why: said in every statement. */
export const WHAT_STAYS =
  'Blijven bestaan: de vastgelegde kwaliteitsgesprekken met hun cijfers. Dat zijn aggregaten onder de ' +
  'afschermingsregels (geen cijfer op minder dan 7 cliënten, verstoorde aantallen) en geen gegevens op ' +
  'cliëntniveau. Ook het auditlog blijft (wettelijke plicht, NEN 7513); het bevat geen gegevens uit de ' +
  'aangeleverde bestanden. De overeenkomst zelf en deze verklaring blijven als bewijs.';

export function signedStatement(s: Omit<DeletionStatement, 'ondertekening'>): DeletionStatement {
  return { ...s, ondertekening: signStatement(s) };
}

export function statementIsValid(s: DeletionStatement): boolean {
  const { ondertekening, ...rest } = s;
  return verifyStatement(rest, ondertekening as Signature);
}
