'use client';

import { signOut } from 'next-auth/react';

export function LogoutButton() {
  return (
    <button type="button" className="knop knop-licht" onClick={() => signOut({ callbackUrl: '/inloggen?uitgelogd' })}>
      Uitloggen
    </button>
  );
}
