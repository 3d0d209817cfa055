import { ZONDER_HULP_VERDER } from '@/lib/cbs/code-lists';
import type { IndicatorDefinition } from './definition';
import { answerCategory } from './measurement';

export const zonderHulpVerder = {
  key: 'zonder-hulp-verder',
  label: 'Zonder hulp verder',
  description: '"Ik kan nu zonder hulp verder": verdeling over de vier antwoorden, en het aandeel (helemaal) mee eens.',
  domeinen: ['JEUGD', 'WMO'],
  unit: 'meting',
  category: () => answerCategory('zonder_hulp_verder'),
  categories: Object.entries(ZONDER_HULP_VERDER).map(([key, label]) => ({ key, label })),
  headline: { keys: ['3', '4'], label: '(helemaal) mee eens' },
  favourable: 'last',
  measured: true,
} as const satisfies IndicatorDefinition;
