import { describe, expect, it } from 'vitest';
import { maturityLevel } from '@/lib/services/maturity/maturity-level';

const t = { level5: 25, level6: 50 };
const base = { currentAgreement: true, testAccepted: false, productionData: false, respons: null };

describe('volwassenheidsniveau', () => {
  it('climbs from agreement to good respons, with the thresholds as given', () => {
    expect(maturityLevel({ ...base, currentAgreement: false, testAccepted: true }, t)).toBe(1);
    expect(maturityLevel(base, t)).toBe(2);
    expect(maturityLevel({ ...base, testAccepted: true }, t)).toBe(3);
    expect(maturityLevel({ ...base, productionData: true, respons: 24.9 }, t)).toBe(4);
    expect(maturityLevel({ ...base, productionData: true, respons: 25 }, t)).toBe(5);
    expect(maturityLevel({ ...base, productionData: true, respons: 50 }, t)).toBe(6);
    expect(maturityLevel({ ...base, productionData: true, respons: 50 }, { level5: 60, level6: 80 })).toBe(4);
  });
});
