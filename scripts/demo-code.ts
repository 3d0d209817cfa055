// npm run demo:code [-- <e-mail>] — prints the current 2FA code of the demo accounts.

import { currentTotpCode } from '@/lib/auth/totp';
import { DEMO_ACCOUNTS } from '@/prisma/seed/demo-organisations';

const wanted = process.argv[2]?.toLowerCase();
const accounts = DEMO_ACCOUNTS.filter((a) => !wanted || a.email === wanted);
if (!accounts.length) {
  console.error(`Geen demo-account ${wanted}.`);
  process.exit(1);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
for (const a of accounts) console.log(`${(await currentTotpCode(a.totp)).padEnd(8)} ${a.email}`);
console.log(`(nog ${secondsLeft} s geldig)`);
