// npm run db:seed — fills an empty database ($DATABASE_URL) with the demo data.

import { closeDb } from '@/lib/db';
import { seedDemo } from '@/prisma/seed/seed-demo';

const seeded = await seedDemo();
console.log(seeded ? 'Demodata geladen.' : 'Database bevat al organisaties; niets gedaan.');
await closeDb();
