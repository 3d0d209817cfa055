import { logoutAction } from '@/app/(portal)/logout-action';

/** A form, not a script: logging out works from the first paint, also without JavaScript. */
export function LogoutButton() {
  return (
    <form action={logoutAction} className="inline">
      <button type="submit" className="knop knop-licht">
        Uitloggen
      </button>
    </form>
  );
}
