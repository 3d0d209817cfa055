import { readdirSync } from 'node:fs';
import { env } from '@/lib/env';

/** The files in the encrypted upload store, by name (integration test files run one at a time). */
export function storedUploadFiles(): string[] {
  try {
    return readdirSync(env().UPLOAD_DIR).sort();
  } catch {
    return []; // nothing stored yet
  }
}
