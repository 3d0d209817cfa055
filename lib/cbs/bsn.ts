// A BSN must never reach the portal. Pure code, also run in the browser before upload.

/** True when the value is 9 digits (8 with a leading zero dropped is padded) that pass the 11-proef. */
export function looksLikeBsn(value: string): boolean {
  const v = value.trim();
  if (!/^\d{8,9}$/.test(v)) return false;
  const digits = v.padStart(9, '0');
  if (/^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}
