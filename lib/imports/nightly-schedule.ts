/** When the nightly import runs: the job schedules it, the processing monitor announces it. */
export const NIGHTLY_IMPORT = { hour: 2, timeZone: 'Europe/Amsterdam' } as const;

/** The same moment as a cron expression, for pg-boss. */
export const NIGHTLY_IMPORT_CRON = `0 ${NIGHTLY_IMPORT.hour} * * *`;
