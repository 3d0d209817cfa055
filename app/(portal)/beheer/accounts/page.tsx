import type { Metadata } from 'next';
import { ActionButton } from '@/components/ui/action-button';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { ORGANISATION_KIND_LABEL, ROLES } from '@/lib/access/roles';
import { expectScope } from '@/lib/access/scope';
import { formatDateTime } from '@/lib/format';
import type { Role } from '@/lib/generated/prisma/enums';
import { listAccounts } from '@/lib/services/accounts/list-accounts';
import { FormMessage } from '../../form-message';
import { changeAction, inviteAction } from './actions';

export const metadata: Metadata = { title: 'Accounts' };

const rolesFor = (kind: keyof typeof ORGANISATION_KIND_LABEL) =>
  (Object.keys(ROLES) as Role[]).filter((r) => ROLES[r].organisationKind === kind);

function Action({
  id,
  kind,
  label,
  confirm,
  who,
}: {
  id: string;
  kind: string;
  label: string;
  confirm?: string;
  who: string;
}) {
  return (
    <ActionButton
      action={changeAction}
      fields={{ id, kind }}
      label={label}
      ariaLabel={`${label}: ${who}`}
      confirm={confirm}
    />
  );
}

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<{ melding?: string; fout?: string }>;
}) {
  const scope = expectScope(await requireScope('accounts:manage', 'accounts'), 'ttp');
  const { users, organisations } = await listAccounts(scope);
  const { melding, fout } = await searchParams;
  return (
    <>
      <h1>Accounts</h1>
      <p>
        Een nieuw account krijgt een uitnodiging per e-mail (eenmalige link, 7 dagen geldig) om een wachtwoord te
        kiezen; tweestapsverificatie stelt de gebruiker in bij de eerste login. Een reset van de tweestapsverificatie
        vraagt twee beheerders: de een vraagt hem aan, een ander bevestigt. Elke wijziging staat in het auditlog.
      </p>
      <FormMessage melding={melding} fout={fout} />
      <form action={inviteAction} className="filters" aria-label="Account uitnodigen">
        <div className="veld">
          <label htmlFor="name">Naam</label>
          <input id="name" name="name" required />
        </div>
        <div className="veld">
          <label htmlFor="email">E-mailadres</label>
          <input id="email" name="email" type="email" required />
        </div>
        <div className="veld">
          <label htmlFor="organisationId">Organisatie</label>
          <select id="organisationId" name="organisationId" required defaultValue="">
            <option value="" disabled>
              Kies…
            </option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({ORGANISATION_KIND_LABEL[o.kind]})
              </option>
            ))}
          </select>
        </div>
        <div className="veld">
          <label htmlFor="role">Rol</label>
          <select id="role" name="role" required defaultValue="">
            <option value="" disabled>
              Kies…
            </option>
            {(Object.keys(ROLES) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLES[r].label}
              </option>
            ))}
          </select>
        </div>
        <button className="knop" type="submit">
          Uitnodigen
        </button>
      </form>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">E-mail</th>
              <th scope="col">Organisatie</th>
              <th scope="col">Rol</th>
              <th scope="col">Status</th>
              <th scope="col">Laatst ingelogd</th>
              <th scope="col">Acties</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>
                  {/* may break after the @, so the actions stay in view at 1366 px */}
                  {u.email.split('@')[0]}@<wbr />
                  {u.email.split('@')[1]}
                </td>
                <td>{u.organisation.name}</td>
                <td>
                  <form action={changeAction} className="inline" aria-label={`Rol van ${u.email}`}>
                    <input type="hidden" name="id" value={u.id} />
                    <input type="hidden" name="kind" value="rol" />
                    <select name="role" defaultValue={u.role} aria-label={`Rol van ${u.email}`}>
                      {rolesFor(u.organisation.kind).map((r) => (
                        <option key={r} value={r}>
                          {ROLES[r].label}
                        </option>
                      ))}
                    </select>{' '}
                    <button className="knop knop-licht" type="submit">
                      Wijzig
                    </button>
                  </form>
                </td>
                <td>
                  {!u.active
                    ? 'gedeactiveerd'
                    : u.invitationPending
                      ? 'uitgenodigd'
                      : u.totpEnabledAt
                        ? 'actief'
                        : 'actief, 2FA nog niet ingesteld'}
                  {u.lockedUntil && u.lockedUntil > new Date() ? ', geblokkeerd' : ''}
                </td>
                <td>{formatDateTime(u.lastLoginAt)}</td>
                <td className="acties">
                  {u.active ? (
                    <Action
                      id={u.id}
                      who={u.email}
                      kind="deactiveren"
                      label="Deactiveren"
                      confirm={`${u.name} deactiveren? Open sessies eindigen direct; inloggen kan pas weer na activeren.`}
                    />
                  ) : (
                    <Action id={u.id} who={u.email} kind="activeren" label="Activeren" />
                  )}
                  {u.totpEnabledAt && u.totpResetRequestedBy === scope.user.userId ? (
                    <span>2FA-reset aangevraagd; wacht op een tweede beheerder</span>
                  ) : u.totpEnabledAt && u.totpResetRequestedBy ? (
                    <Action
                      id={u.id}
                      who={u.email}
                      kind="2fa-resetten"
                      label="2FA-reset bevestigen"
                      confirm={`Een andere beheerder heeft de reset van de tweestapsverificatie van ${u.name} aangevraagd. Bevestigen? De sessies eindigen en bij de volgende inlog stelt ${u.name} een nieuwe app in.`}
                    />
                  ) : (
                    u.totpEnabledAt && (
                      <Action
                        id={u.id}
                        who={u.email}
                        kind="2fa-resetten"
                        label="2FA resetten"
                        confirm={`Reset van de tweestapsverificatie van ${u.name} aanvragen? Een tweede beheerder moet hem bevestigen; pas dan eindigen de sessies en stelt ${u.name} bij de volgende inlog een nieuwe app in.`}
                      />
                    )
                  )}
                  {u.invitationPending && (
                    <Action id={u.id} who={u.email} kind="uitnodiging-opnieuw" label="Uitnodiging opnieuw" />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
