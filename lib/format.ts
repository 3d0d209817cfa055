// Dutch number and date formatting, used by every page and export.
const nf = new Intl.NumberFormat('nl-NL');
const df = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const dtf = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

export const formatNumber = (n: number) => nf.format(n);
export const formatDate = (d: Date | null | undefined) => (d ? df.format(d) : '—');
export const formatDateTime = (d: Date | null | undefined) => (d ? dtf.format(d) : '—');

/** Names in Dutch alphabetical order (a list of providers or municipalities). */
export const compareNames = new Intl.Collator('nl').compare;
