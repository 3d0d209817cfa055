import type { Metadata } from 'next';
import { requireScope } from '@/lib/access/require-scope';
import { requestAddress } from '@/lib/audit/request-address';
import { getProcessingRegister } from '@/lib/services/privacy/processing-register';

export const metadata: Metadata = { title: 'Verwerkingsregister' };

export default async function ProcessingRegisterPage() {
  const scope = await requireScope('register:view', 'verwerkingsregister');
  const register = await getProcessingRegister(scope, await requestAddress());
  return (
    <>
      <h1>Register van verwerkingsactiviteiten</h1>
      <p>
        Het register van de TTP als verwerker (AVG art. 30 lid 2), opgesteld uit de instellingen en de gegevens van dit
        moment. Download het voor de functionaris gegevensbescherming van een aanbieder:{' '}
        <a href="/api/beheer/verwerkingsregister?formaat=pdf">PDF</a> of{' '}
        <a href="/api/beheer/verwerkingsregister?formaat=csv">CSV</a>.
      </p>
      {register.sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h2>{section.title}</h2>
          {section.rows.length === 0 ? (
            <p>Geen.</p>
          ) : (
            <dl className="register">
              {section.rows.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ))}
    </>
  );
}
