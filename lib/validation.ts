import { z } from 'zod';

// Field rules shared by forms, routes, filters and the file format: each rule once, with its Dutch message.

/** An AGB code: exactly 8 digits (docs/domain.md). */
export const AGB_CODE = /^\d{8}$/;

export const ZAgbCode = z.string().trim().regex(AGB_CODE, 'De AGB-code bestaat uit precies 8 cijfers.');

/** Record ids in URLs: anything else is "not found" without asking the database. */
export const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** An e-mail address, trimmed and lower-cased (accounts are found by it). */
export const zEmail = (message: string) =>
  z.string().trim().toLowerCase().pipe(z.email(message)).pipe(z.string().max(200));

/** An optional contact address: empty, or a valid e-mail address. */
export const ZOptionalEmail = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .pipe(z.union([z.literal(''), z.email('Vul een geldig e-mailadres in, of laat het leeg.')]));

/** A date field (yyyy-mm-dd, as <input type="date"> sends it) as midnight UTC, the way @db.Date stores it. */
export const zIsoDate = (message: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .transform((v) => new Date(`${v}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), message);
