'use client';

import { usePathname } from 'next/navigation';
import { Link } from '@/components/ui/link';

export type NavEntry = { label: string; href?: string };

export function MainNav({ items }: { items: NavEntry[] }) {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Hoofdmenu">
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            {item.href ? (
              <Link href={item.href} aria-current={pathname === item.href ? 'page' : undefined}>
                {item.label}
              </Link>
            ) : (
              <span className="binnenkort">
                {item.label} <small>(binnenkort)</small>
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
