import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link of this site, without Next.js's automatic prefetch. Every page behind the login is
 * rendered per request (scope, figures), so a prefetch is a server render of its own: on the
 * dashboard overview 13 of them (the menu and the seven cards) for every visit, which on a busy
 * server delayed the page the user actually asked for (docs/benchmarks.md, session 13). A click still
 * navigates on the client. `next/link` is imported only here (biome.jsonc).
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
