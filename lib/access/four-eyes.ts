import { AppError } from '@/lib/errors';
import type { TtpScope } from './scope';

/**
 * Four eyes: actions that hand an account or an organisation's logins to another identity (resetting
 * someone's second factor, turning on an identity provider) take two TTP admins. The first asks or
 * saves; this check lets the second, and only someone other than the first, complete it.
 */
export function assertSecondAdmin(scope: TtpScope, firstAdminId: string | null, what: string): void {
  if (!scope.user.userId || firstAdminId === scope.user.userId)
    throw new AppError(`U heeft ${what}; een tweede beheerder moet het bevestigen.`, 403, 'VIER_OGEN');
}
