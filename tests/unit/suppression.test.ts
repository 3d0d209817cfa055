import { describe, expect, it } from 'vitest';
import { formatShownCount, suppressCount } from '@/lib/indicators/suppression';

describe('primary suppression', () => {
  it('hides 1 to 6 and shows 0 and 7+', () => {
    for (const n of [1, 2, 3, 4, 5, 6]) expect(suppressCount(n)).toEqual({ value: null, suppressed: true });
    expect(suppressCount(0)).toEqual({ value: 0, suppressed: false });
    expect(suppressCount(7)).toEqual({ value: 7, suppressed: false });
  });
  it('prints "< 7" and never the number', () => {
    expect(formatShownCount(suppressCount(3))).toBe('< 7');
    expect(formatShownCount(suppressCount(1234))).toBe('1.234');
  });
});
