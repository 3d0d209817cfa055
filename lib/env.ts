import { z } from 'zod';

// The only reader of process.env. Secrets have no defaults here: for the local demo,
// scripts/local-secrets.ts generates them under .data/ and passes them in the environment.
const ZBase64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'moet 32 bytes base64 zijn (openssl rand -base64 32)');

/** A whole number from the environment, with Dutch messages. */
const zWhole = z.coerce.number('moet een getal zijn').int('moet een geheel getal zijn');

const ZEnv = z
  .object({
    DATABASE_URL: z.string().min(1, 'DATABASE_URL ontbreekt'),
    NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET moet minstens 32 tekens zijn'),
    /** AES-256-GCM key for secrets at rest (TOTP secrets, uploaded files). */
    DATA_ENCRYPTION_KEY: ZBase64Key,
    /** TTP pseudonymisation key (stage 2) and its version; rotate by raising the version. */
    PSEUDONYM_KEY: ZBase64Key,
    PSEUDONYM_KEY_VERSION: z.coerce.number().int().min(1).default(1),
    /**
     * Key of the record keys behind the cell-key perturbation (docs/disclosure-control.md) and its
     * version. Whoever holds it can undo the perturbation: keep it like the pseudonym key.
     */
    CELL_KEY_SECRET: ZBase64Key,
    CELL_KEY_VERSION: z.coerce.number().int().min(1).max(32767).default(1),
    APP_URL: z.string().url().default('http://localhost:3000'),
    SMTP_URL: z.string().optional(),
    /**
     * Set by `npm start` only when it runs the local demo on its embedded database: without SMTP_URL the
     * outbox page then shows account links, marked as the demo's (lib/mail/send-mail.ts). Refused
     * beside SMTP_URL or an APP_URL other than localhost.
     */
    LOCAL_DEMO: z.enum(['aan', 'uit']).default('uit'),
    /**
     * Reverse proxies in front of the portal that append the client's address to X-Forwarded-For.
     * 0: none, the socket's address counts and X-Forwarded-For is ignored (lib/audit/request-address.ts).
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    MAIL_FROM: z.string().default('Gemeenteportaal <noreply@gemeenteportaal.local>'),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
    /**
     * A single sign-on session re-asks the organisation's identity provider at most this often, so an
     * account disabled there loses access here within this time (docs/sso.md).
     */
    SSO_RECHECK_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Where uploaded files are kept (encrypted) until processed and the retention period has passed. */
    UPLOAD_DIR: z.string().default('.data/uploads'),
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).default(200),
    /** Largest signed verwerkersovereenkomst (PDF) an admin may upload. */
    AGREEMENT_PDF_MAX_MB: z.coerce.number().int().min(1).max(50).default(10),
    UPLOAD_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
    /**
     * Trajectories are kept this many full calendar years after their einddatum (docs/privacy.md says
     * why 5: this year, last year and a whole contract period of figures, plus a year of corrections).
     */
    TRAJECTORY_RETENTION_YEARS: z.coerce.number().int().min(2).max(20).default(5),
    /** Days between the end of a verwerkersovereenkomst and the deletion of the provider's data. */
    AGREEMENT_DELETION_NOTICE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
    /** Run the nightly import and the test-file worker inside the web server (off: use `npm run job:import`). */
    JOBS_IN_SERVER: z.enum(['aan', 'uit']).default('aan'),
    /**
     * "Na beëindiging geen nieuwe start": window in months after the end. Empty: the CBS rule, until the
     * end of the half-year after the half-year in which the trajectory ended (6–12 months).
     */
    GEEN_NIEUWE_START_MAANDEN: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number().int().min(1).max(36).optional(),
    ),
    /** Volwassenheidsniveau (docs/domain.md): respons (%) from which a provider is at level 5, and at level 6 (goede respons). */
    VOLWASSENHEID_RESPONS_5: z.coerce.number().min(0).max(100).default(25),
    VOLWASSENHEID_RESPONS_6: z.coerce.number().min(0).max(100).default(50),
    /**
     * Figure statements in the background (the overview's cards after the first) that one portal process
     * computes at once, over all pages it renders; the others wait their turn, and what is kept never
     * waits. About the database's cores: all at once, a region's cold overview took both cores of the
     * test machine from the portal rendering the first card (docs/benchmarks.md).
     */
    FIGURES_IN_BACKGROUND_AT_ONCE: z.coerce.number().int().min(1).max(64).default(2),
    /**
     * Web server processes that npm start runs on one port (scripts/web-processes.ts): one renders pages
     * on one core. About the cores the portal may take beside PostgreSQL and the import.
     */
    WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
    /**
     * Distinct views (indicator, domein, grouping, filters) a municipality or region may ask per calendar
     * month (Europe/Amsterdam), page, export and API together; asking one again is free. Measured sizes
     * and the reasoning: docs/view-budget.md.
     */
    VIEW_BUDGET_PER_MONTH: zWhole.min(1, 'moet minstens 1 zijn').default(3000),
    /** Detector of differencing: more than VIEW_VARIANTS_MAX distinct views of one family within the window fires. */
    VIEW_VARIANTS_WINDOW_MINUTES: zWhole
      .min(1, 'moet minstens 1 zijn')
      .max(24 * 60, 'moet hoogstens 1440 zijn')
      .default(10),
    VIEW_VARIANTS_MAX: zWhole.min(2, 'moet minstens 2 zijn').default(16),
    /** Detector: more new distinct views than this in one minute fires too (faster than anyone reads). */
    VIEW_RATE_MAX_PER_MINUTE: zWhole.min(1, 'moet minstens 1 zijn').default(250),
    /** Once fired: every new distinct view of the organisation waits this long, for this many minutes. */
    VIEW_SLOW_SECONDS: z.coerce
      .number('moet een getal zijn')
      .min(0, 'mag niet negatief zijn')
      .max(60, 'moet hoogstens 60 zijn')
      .default(2),
    VIEW_SLOW_MINUTES: zWhole
      .min(1, 'moet minstens 1 zijn')
      .max(7 * 24 * 60, 'moet hoogstens een week zijn')
      .default(60),
    /** Role the application switches to on every connection (no BYPASSRLS, append-only audit log). */
    DATABASE_APP_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('gemeenteportaal_app'),
  })
  .superRefine((e, ctx) => {
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(e.APP_URL).hostname);
    if (e.LOCAL_DEMO === 'aan' && (e.SMTP_URL || !local))
      ctx.addIssue({
        code: 'custom',
        path: ['LOCAL_DEMO'],
        message: 'alleen voor de lokale demo van npm start: niet samen met SMTP_URL of een APP_URL buiten localhost',
      });
  });

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new Error(`Ongeldige configuratie (zie .env.example):\n${lines.join('\n')}`);
    }
    cached = parsed.data;
  }
  return cached;
}
