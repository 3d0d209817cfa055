import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';
import { ssoProviders } from '@/lib/auth/sso/sso-providers';

// Options are built per request so the build needs no secrets, and each organisation's single sign-on
// (registered by the TTP at run time) is there from the next request.
type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = async (req: Request, ctx: Ctx) =>
  NextAuth(req as never, { params: await ctx.params } as never, authOptions(await ssoProviders()));

export { handler as GET, handler as POST };
