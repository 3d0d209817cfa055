import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import type { Domein } from '@/lib/generated/prisma/enums';
import { afnameProblematiek } from './afname-problematiek';
import type { IndicatorDefinition } from './definition';
import { doelrealisatie } from './doelrealisatie';
import { geenNieuweStart } from './geen-nieuwe-start';
import { respons } from './respons';
import { tevredenheid } from './tevredenheid';
import { uitval } from './uitval';
import { zonderHulpVerder } from './zonder-hulp-verder';

// The NJi basisset, in the order of the dashboards. Pages, exports, the API and the spiegelrapportage
// loop over this list; the Wmo set is the same list filtered on domein.
export const INDICATORS: readonly IndicatorDefinition[] = [
  uitval,
  tevredenheid,
  zonderHulpVerder,
  geenNieuweStart,
  afnameProblematiek,
  doelrealisatie,
  respons,
];

/** The domains and their names: the file layout's (lib/cbs/layout.ts), one list for the whole portal. */
export const DOMEINEN = DOMEIN_LABEL;

export const indicatorsFor = (domein: Domein) => INDICATORS.filter((i) => i.domeinen.includes(domein));

export const findIndicator = (key: string) => INDICATORS.find((i) => i.key === key);
