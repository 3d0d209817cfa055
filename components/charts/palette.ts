// Okabe–Ito colours: distinguishable with the common forms of colour blindness, and each segment
// also carries its percentage as text, so colour is never the only carrier of meaning.
const ORDERED = ['#D55E00', '#E69F00', '#F0E442', '#56B4E9', '#0072B2', '#009E73'];

/** Colours for n ordered categories, from unfavourable to favourable when `favourableLast`. */
export function paletteFor(n: number, favourableLast = true): string[] {
  const step = (ORDERED.length - 1) / Math.max(1, n - 1);
  const colours = Array.from({ length: n }, (_, i) => ORDERED[Math.round(i * step)]);
  return favourableLast ? colours : colours.reverse();
}

/** Black or white text, whichever has WCAG AA contrast (4.5:1) on the colour: only the dark blue takes white. */
export const textOn = (hex: string) => (hex === '#0072B2' ? '#fff' : '#000');
