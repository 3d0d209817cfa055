import { Prisma } from '@/lib/db';
import type { IndicatorDefinition } from './definition';
import { validMeasurement } from './measurement';

// Scores 1–10 in the three bands of the NJi dashboards: ≤ 4, more than 4 and less than 8, ≥ 8.
export const tevredenheid = {
  key: 'clienttevredenheid',
  label: 'Cliënttevredenheid',
  description:
    'Verdeling van de tevredenheidsscores (1–10) over beëindigde trajecten met een geldige eindmeting, per respondent te bekijken.',
  domeinen: ['JEUGD', 'WMO'],
  unit: 'meting',
  category: () =>
    Prisma.sql`CASE WHEN ${validMeasurement('tevredenheid')} THEN
      CASE WHEN t.tevredenheid <= 4 THEN 'laag' WHEN t.tevredenheid < 8 THEN 'midden' ELSE 'hoog' END END`,
  categories: [
    { key: 'laag', label: '4 of lager' },
    { key: 'midden', label: '5 tot en met 7' },
    { key: 'hoog', label: '8 of hoger' },
  ],
  headline: { keys: ['hoog'], label: 'score 8 of hoger' },
  favourable: 'last',
  measured: true,
} as const satisfies IndicatorDefinition;
