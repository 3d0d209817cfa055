import { Link } from '@/components/ui/link';
import { LogoutButton } from '@/components/ui/logout-button';
import { MainNav } from '@/components/ui/main-nav';
import { navigationFor } from '@/lib/access/navigation';
import { ROLES } from '@/lib/access/roles';
import { requireUser } from '@/lib/auth/current-user';

export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const nav = navigationFor(user.role).map(({ label, href }) => ({ label, href }));
  return (
    <>
      <header className="kop">
        <div className="kop-binnen">
          <Link className="merk" href={ROLES[user.role].startPage}>
            Gemeenteportaal
          </Link>
          <div className="gebruiker">
            <span>
              {user.name} · <Link href={`/organisatie/${user.organisationId}`}>{user.organisationName}</Link> ·{' '}
              {ROLES[user.role].label}
            </span>
            <LogoutButton />
          </div>
        </div>
      </header>
      <MainNav items={nav} />
      <main id="inhoud" className="inhoud">
        {children}
      </main>
      <footer className="voet">
        <div>
          Gemeenteportaal · gegevens gepseudonimiseerd door de trusted third party · elk gebruik wordt vastgelegd (NEN
          7513)
        </div>
      </footer>
    </>
  );
}
