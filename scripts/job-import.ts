// npm run job:import [-- --test-only] — the nightly import, once, for an external scheduler or by hand.
import { closeDb } from '@/lib/db';
import { runImportJob } from '@/lib/jobs/run-import-job';

const summary = await runImportJob(process.argv.includes('--test-only') ? ['TEST'] : ['TEST', 'PRODUCTIE']);
console.log(JSON.stringify(summary));
await closeDb();
