import { formatDateTime, formatNumber } from '@/lib/format';

type Props = { usage: { used: number; budget: number; slowedUntil: Date | null } | null };

/** The organisation's use of its monthly budget of distinct views (docs/view-budget.md), and a slowdown if any. */
export function ViewUsageNote({ usage }: Props) {
  if (!usage) return null;
  return (
    <>
      <p className="hint" data-testid="overzichten-gebruikt">
        Deze maand {formatNumber(usage.used)} van {formatNumber(usage.budget)} overzichten gebruikt. Een overzicht is
        één indicator met één indeling, periode en combinatie van filters, op een pagina, in een export of via de API;
        hetzelfde overzicht opnieuw bekijken telt niet.
      </p>
      {usage.slowedUntil && (
        <p className="melding" role="status">
          Uw organisatie vroeg in korte tijd veel varianten van hetzelfde overzicht op. Ter bescherming van kleine
          aantallen worden nieuwe overzichten tot {formatDateTime(usage.slowedUntil)} vertraagd; de privacyfunctionaris
          van de TTP is op de hoogte.
        </p>
      )}
    </>
  );
}
