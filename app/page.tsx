import { redirect } from 'next/navigation';
import { ROLES } from '@/lib/access/roles';
import { getCurrentUser } from '@/lib/auth/current-user';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? ROLES[user.role].startPage : '/inloggen');
}
