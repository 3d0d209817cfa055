import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { START_PAGE } from '@/lib/access/permissions';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? START_PAGE[user.role] : '/inloggen');
}
