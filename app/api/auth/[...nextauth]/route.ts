import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';

// Options are built per request so the build needs no secrets.
type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = async (req: Request, ctx: Ctx) =>
  NextAuth(req as never, { params: await ctx.params } as never, authOptions());

export { handler as GET, handler as POST };
