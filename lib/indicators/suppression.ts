// Small-number rule (domain.md, "Privacy rules"): no figure shown to a municipality, a region or in a
// shareable report may rest on fewer than K distinct clients. This file is the one place that rule lives.
export const K_ANONYMITY = 7;

export type ShownCount = { value: number; suppressed: false } | { value: null; suppressed: true };

/** Primary suppression of one count: 1–6 become "< 7"; 0 stays 0 (an empty cell reveals no one). */
export function suppressCount(n: number, k = K_ANONYMITY): ShownCount {
  return n > 0 && n < k ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

export const formatShownCount = (c: ShownCount) =>
  c.suppressed ? `< ${K_ANONYMITY}` : new Intl.NumberFormat('nl-NL').format(c.value);
