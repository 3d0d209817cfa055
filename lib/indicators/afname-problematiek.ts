import { AFNAME_PROBLEMATIEK } from '@/lib/cbs/code-lists';
import { Prisma } from '@/lib/db';
import type { IndicatorDefinition } from './definition';
import { answerCategory } from './measurement';

// Only for care that is not freely accessible (verwijzer 06 is "geen verwijzer, vrij toegankelijk").
export const afnameProblematiek = {
  key: 'afname-problematiek',
  label: 'Afname problematiek',
  description:
    'Verandering van de problematiek bij beëindiging, over vijf niveaus; alleen niet-vrij-toegankelijke hulp.',
  domeinen: ['JEUGD'],
  unit: 'meting',
  population: () => Prisma.sql`t.verwijzer IS DISTINCT FROM '06'`,
  category: () => answerCategory('afname_problematiek'),
  categories: Object.entries(AFNAME_PROBLEMATIEK).map(([key, label]) => ({ key, label })),
  headline: { keys: ['1', '2'], label: 'verbetering' },
  favourable: 'first',
  measured: true,
} as const satisfies IndicatorDefinition;
