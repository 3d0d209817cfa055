import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { ROLES } from '@/lib/access/roles';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? ROLES[user.role].startPage : '/inloggen');
}
