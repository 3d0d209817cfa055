// Volwassenheidsniveau (West-Brabant West, docs/domain.md): how far a provider is in onboarding and
// delivery. Pure, so the rule is tested on its own; the thresholds are settings.
export type MaturityFacts = {
  currentAgreement: boolean;
  testAccepted: boolean;
  productionData: boolean;
  /** Share (%) of ended trajectories with a valid end measurement, or null without ended ones. */
  respons: number | null;
};

export const MATURITY_LABELS = {
  1: 'geen verwerkersovereenkomst',
  2: 'overeenkomst, nog geen bestand',
  3: 'testbestand geaccepteerd',
  4: 'productiedata, respons laag',
  5: 'productiedata, respons redelijk',
  6: 'goede respons',
} as const;

export type MaturityLevel = keyof typeof MATURITY_LABELS;

export function maturityLevel(f: MaturityFacts, thresholds: { level5: number; level6: number }): MaturityLevel {
  if (!f.currentAgreement) return 1;
  if (!f.productionData) return f.testAccepted ? 3 : 2;
  const r = f.respons ?? 0;
  return r >= thresholds.level6 ? 6 : r >= thresholds.level5 ? 5 : 4;
}
