import type { AgreementStatus } from '@/lib/generated/prisma/enums';

// The verwerkersovereenkomst's lifecycle (issue 5): aangevraagd → verzonden → ondertekend →
// beëindigd, or verlopen when its end date has passed. Pure: the services ask here whether a step
// is allowed, so the rule lives in one place.

export type AgreementStep = 'verzenden' | 'ondertekend' | 'beeindigen';

const ALLOWED: Record<AgreementStep, readonly AgreementStatus[]> = {
  verzenden: ['AANGEVRAAGD'],
  ondertekend: ['VERZONDEN'],
  // A request can be withdrawn, a signed agreement ended; an expired one is ended to record what
  // happens to the data (docs/privacy.md); an ended one stays as it is.
  beeindigen: ['AANGEVRAAGD', 'VERZONDEN', 'ONDERTEKEND', 'VERLOPEN'],
};

export const STEP_RESULT: Record<AgreementStep, AgreementStatus> = {
  verzenden: 'VERZONDEN',
  ondertekend: 'ONDERTEKEND',
  beeindigen: 'BEEINDIGD',
};

export const AGREEMENT_STATUS_LABEL: Record<AgreementStatus, string> = {
  AANGEVRAAGD: 'aangevraagd',
  VERZONDEN: 'verzonden',
  ONDERTEKEND: 'ondertekend',
  BEEINDIGD: 'beëindigd',
  VERLOPEN: 'verlopen',
};

/** Ending an agreement under which data may have been delivered needs the provider's choice: delete or return. */
export const needsEndChoice = (status: AgreementStatus) => status === 'ONDERTEKEND' || status === 'VERLOPEN';

export const END_CHOICE_LABEL = { VERWIJDEREN: 'verwijderen', TERUGGEVEN: 'teruggeven, daarna verwijderen' } as const;

export const mayTakeStep = (status: AgreementStatus, step: AgreementStep) => ALLOWED[step].includes(status);

/** Open: still on its way to a signature. A provider has at most one open agreement at a time. */
export const OPEN_STATUSES: AgreementStatus[] = ['AANGEVRAAGD', 'VERZONDEN'];

/** Whether a signed agreement's end date lies before `today` (dates compare as yyyy-mm-dd, UTC). */
export const hasExpired = (validUntil: Date | null, today: Date) =>
  validUntil !== null && validUntil.toISOString().slice(0, 10) < today.toISOString().slice(0, 10);

/** The status as it is today: a signed agreement past its end date is verlopen, also before the nightly run has marked it. */
export const statusOn = (a: { status: AgreementStatus; validUntil: Date | null }, today: Date): AgreementStatus =>
  a.status === 'ONDERTEKEND' && hasExpired(a.validUntil, today) ? 'VERLOPEN' : a.status;
