import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../prisma/seed/demo-organisations';

// The e2e database is the demo seed (scripts/test.ts). Tests read it, and add their own accounts,
// through a plain connection as the owner: the web app under test is the only other writer.
export const demo = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!;

export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function orgId(where: { agb?: string; cbs?: string }) {
  const [row] = await sql<{ id: string }>(`SELECT id FROM organisation WHERE agb_code = $1 OR cbs_code = $2`, [
    where.agb ?? null,
    where.cbs ?? null,
  ]);
  return row.id;
}

/** A provider of its own, with a verwerkersovereenkomst signed 100 days ago (so it may deliver production files). */
export async function newProvider(namePrefix: string) {
  const agb = `97${String(randomInt(0, 1e6)).padStart(6, '0')}`;
  const name = `${namePrefix} ${agb.slice(-4)}`;
  const [org] = await sql<{ id: string }>(
    `INSERT INTO organisation (id, kind, name, agb_code) VALUES (gen_random_uuid(), 'AANBIEDER', $1, $2) RETURNING id`,
    [name, agb],
  );
  const [agreement] = await sql<{ id: string }>(
    `INSERT INTO processing_agreement (id, aanbieder_id, version, status, signed_at, valid_from)
     VALUES (gen_random_uuid(), $1, '2026-1', 'ONDERTEKEND', current_date - 100, current_date - 100) RETURNING id`,
    [org.id],
  );
  return { id: org.id, name, agb, agreementId: agreement.id };
}

/** A fresh account without 2FA (as after an invitation), password known. */
export async function createAccount(role: string, organisationId: string, password = 'E2e-wachtwoord-123') {
  const email = `e2e-${randomUUID().slice(0, 8)}@test.nl`;
  await sql(
    `INSERT INTO app_user (id, email, name, role, organisation_id, password_hash) VALUES (gen_random_uuid(), $1, 'E2E Gebruiker', $2, $3, $4)`,
    [email, role, organisationId, await hash(password)],
  );
  return { email, password };
}

// A TOTP code is accepted once per account per 30 s window (replay guard). Logins in this run
// remember the last window used per account, and wait for the next one when needed.
const runFile = (what: string) =>
  path.join(
    os.tmpdir(),
    `gp-e2e-${what}-${Buffer.from(process.env.DATABASE_URL ?? '')
      .toString('hex')
      .slice(-24)}.json`,
  );
const stepsFile = runFile('steps');

function readRunFile<T>(file: string): Record<string, T> {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

export async function freshCode(email: string, secret: string): Promise<string> {
  const steps = readRunFile<number>(stepsFile);
  let step = Math.floor(Date.now() / 30_000);
  if (steps[email] !== undefined && step <= steps[email]) {
    await new Promise((r) => setTimeout(r, (steps[email] + 1) * 30_000 - Date.now() + 200));
    step = Math.floor(Date.now() / 30_000);
  }
  steps[email] = step;
  writeFileSync(stepsFile, JSON.stringify(steps));
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) });
}

export async function enterCredentials(page: Page, email: string, password: string) {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Volgende' }).click();
}

// A second login of the same account within its 30 s window waits for the next one: a quarter of the
// Playwright run once went to those waits. A test that is not about logging in therefore takes the
// account's session of an earlier test in this run (its cookie, kept in a file like the steps) and
// logs in for real only when the server no longer accepts it (logged out, idle, revoked).
const sessionsFile = runFile('sessions');
type Cookie = Awaited<ReturnType<BrowserContext['cookies']>>[number];
const isSessionCookie = (c: Cookie) => c.name.endsWith('next-auth.session-token');

async function resumeSession(page: Page, email: string): Promise<boolean> {
  const cookie = readRunFile<Cookie>(sessionsFile)[email];
  if (!cookie) return false;
  await page.context().addCookies([cookie]);
  await page.goto('/');
  if (!new URL(page.url()).pathname.startsWith('/inloggen')) return true;
  await page.context().clearCookies({ name: cookie.name });
  return false;
}

/**
 * Logs a demo account in with password and 2FA code; resolves on its start page. Takes the
 * account's session from an earlier test when the server still accepts it, unless `fresh`.
 */
export async function loginDemo(page: Page, email: string, { fresh = false } = {}) {
  if (!fresh && (await resumeSession(page, email))) return;
  await enterCredentials(page, email, DEMO_PASSWORD);
  await page.getByLabel('Code uit uw authenticator-app').fill(await freshCode(email, demo(email).totp));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).not.toHaveURL(/\/inloggen/);
  const cookie = (await page.context().cookies()).find(isSessionCookie);
  if (cookie) writeFileSync(sessionsFile, JSON.stringify({ ...readRunFile<Cookie>(sessionsFile), [email]: cookie }));
}

/** Logs a fresh account of `role` at the organisation in, setting up its 2FA on the way. */
export async function loginNew(page: Page, role: string, organisationId: string) {
  const { email, password } = await createAccount(role, organisationId);
  await enterCredentials(page, email, password);
  const secret = (await page.getByTestId('totp-sleutel').textContent())!.trim();
  await page.getByLabel('Code uit uw authenticator-app').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).not.toHaveURL(/\/inloggen/);
}
