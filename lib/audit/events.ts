/** Audit events that one part of the portal writes and another reads back. */

/** One run of the import job (its summary in `object`); the processing monitor shows the last one. */
export const IMPORT_RUN_EVENT = 'import.run';
