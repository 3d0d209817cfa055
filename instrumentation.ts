// Next.js calls register() once when the server starts: every request gets the address of its TCP
// peer (lib/security/peer-address.ts), and the job runner (nightly import, test files) runs inside the
// web server unless JOBS_IN_SERVER=uit (then use `npm run job:import`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddresses } = await import('@/lib/security/peer-address');
  stampPeerAddresses();
  if (process.env.JOBS_IN_SERVER === 'uit') return;
  const { getBoss } = await import('@/lib/jobs/boss');
  await getBoss().catch((err: Error) => console.error(`[jobs] niet gestart: ${err.message}`));
}
