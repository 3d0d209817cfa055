// npm run db:migrate — applies pending migrations to $DATABASE_URL.
import { migrate } from '@/lib/db/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL ontbreekt.');
  process.exit(1);
}
const { applied } = await migrate(url);
console.log(applied.length ? `Toegepast: ${applied.join(', ')}` : 'Database is bij.');
