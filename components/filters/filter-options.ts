import { type CodeKey, optionsIn } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import type { Option } from '@/lib/services/indicators/get-filter-options';

/** Options of the filters whose values depend on the scope (municipalities, providers). */
export type ScopeOptions = Record<'gemeente' | 'aanbieder', Option[]>;

/** A code filter's options in one domain, labelled as the filter bar and the chips show them. */
export function optionsOf(key: CodeKey, scopeOptions: ScopeOptions, domein: Domein): Option[] {
  const options = optionsIn(key, domein);
  if (options === null) return [];
  if (options === 'scope') return scopeOptions[key as 'gemeente' | 'aanbieder'] ?? [];
  return Object.entries(options).map(([value, label]) => ({ value, label: `${value} ${label}` }));
}
