import { Prisma } from '@/lib/db';
import type { IndicatorDefinition } from './definition';
import { MEASUREMENT_COLUMNS, validMeasurement } from './measurement';

// Respons overall: the trajectory has at least one valid end measurement. Each measured indicator also
// shows its own respons (its measured count over its population).
export const respons = {
  key: 'respons',
  label: 'Respons',
  description:
    'Aandeel beëindigde trajecten met een geldige eindmeting (binnen 3 weken van de einddatum) op ten minste één indicator.',
  domeinen: ['JEUGD', 'WMO'],
  unit: 'traject',
  category: () =>
    Prisma.sql`CASE WHEN ${Prisma.join(MEASUREMENT_COLUMNS.map(validMeasurement), ' OR ')} THEN 'met' ELSE 'zonder' END`,
  categories: [
    { key: 'met', label: 'met eindmeting' },
    { key: 'zonder', label: 'zonder eindmeting' },
  ],
  headline: { keys: ['met'], label: 'met eindmeting' },
  favourable: 'first',
  measured: false,
} as const satisfies IndicatorDefinition;
