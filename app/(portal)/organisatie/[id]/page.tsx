import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireScope } from '@/lib/access/require-scope';
import { findOrganisation } from '@/lib/services/organisations/find-organisation';

export const metadata: Metadata = { title: 'Organisatie' };

const KIND_LABEL = {
  TTP: 'Trusted third party',
  AANBIEDER: 'Aanbieder',
  GEMEENTE: 'Gemeente',
  REGIO: 'Regio',
} as const;

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireScope('organisatie:view', `organisatie ${id}`);
  const org = await findOrganisation(scope, id);
  if (!org) notFound(); // outside the scope looks exactly like non-existent
  return (
    <>
      <h1>{org.name}</h1>
      <dl>
        <dt>Soort</dt>
        <dd>{KIND_LABEL[org.kind]}</dd>
        {org.agbCode && (
          <>
            <dt>AGB-code</dt>
            <dd>{org.agbCode}</dd>
          </>
        )}
        {org.cbsCode && (
          <>
            <dt>CBS-code</dt>
            <dd>GM{org.cbsCode}</dd>
          </>
        )}
        {org.hostGemeente && (
          <>
            <dt>Centrumgemeente</dt>
            <dd>{org.hostGemeente.name}</dd>
          </>
        )}
        {org.contactEmail && (
          <>
            <dt>Contact</dt>
            <dd>{org.contactEmail}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{org.active ? 'actief' : 'gedeactiveerd'}</dd>
        <dt>Accounts</dt>
        <dd>{org._count.users}</dd>
      </dl>
      {org.regioMembers.length > 0 && (
        <>
          <h2>Gemeenten in deze regio</h2>
          <ul>
            {org.regioMembers.map((m) => (
              <li key={m.gemeente.cbsCode}>
                {m.gemeente.name} (GM{m.gemeente.cbsCode})
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
