import { DOELREALISATIE } from '@/lib/cbs/code-lists';
import type { IndicatorDefinition } from './definition';
import { answerCategory } from './measurement';

export const doelrealisatie = {
  key: 'doelrealisatie',
  label: 'Doelrealisatie',
  description:
    'In hoeverre de doelen van het traject zijn behaald (−1, 0, 1, 2), over trajecten met een geldige eindmeting.',
  domeinen: ['JEUGD', 'WMO'],
  unit: 'meting',
  category: () => answerCategory('doelrealisatie'),
  categories: ['-1', '0', '1', '2'].map((key) => ({
    key,
    label: `${key.replace('-', '−')} ${DOELREALISATIE[key as keyof typeof DOELREALISATIE]}`,
  })),
  headline: { keys: ['2'], label: 'doelen behaald' },
  favourable: 'last',
  measured: true,
} as const satisfies IndicatorDefinition;
