import { createHash, randomBytes } from 'node:crypto';

// API tokens are 256-bit random strings: a plain SHA-256 is enough to store them (no password
// stretching needed), and lets a request find its token by an indexed lookup.
export const newToken = () => `gp_${randomBytes(32).toString('base64url')}`;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const tokenPrefix = (token: string) => token.slice(0, 8);
