import { REDEN_EINDE } from '@/lib/cbs/code-lists';
import { Prisma } from '@/lib/db';
import type { IndicatorDefinition } from './definition';

// NJi: uitval is reden einde 03 (unilateral by the client). 04 (unilateral by the provider) is shown
// beside it as its own category: the older CBS protocol counted both, and users will ask.
export const uitval = {
  key: 'uitval',
  label: 'Uitval',
  description: 'Aandeel beëindigde trajecten dat de cliënt eenzijdig heeft beëindigd (reden einde 03).',
  domeinen: ['JEUGD', 'WMO'],
  unit: 'traject',
  // The code column itself (char(2)), not cast to text: a cast per row and text sorts cost a region's
  // table ~10 % (bench:dashboard); the codes come back as the same strings.
  category: () => Prisma.sql`t.reden_einde`,
  categories: Object.entries(REDEN_EINDE).map(([key, label]) => ({ key, label: `${key} ${label}` })),
  headline: { keys: ['03'], label: 'uitval (03)' },
  favourable: 'first',
  measured: false,
} as const satisfies IndicatorDefinition;
