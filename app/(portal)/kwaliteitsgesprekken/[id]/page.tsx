import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReportSummary } from '@/components/reports/report-summary';
import { ActionButton } from '@/components/ui/action-button';
import { Link } from '@/components/ui/link';
import { TableScroll } from '@/components/ui/table-scroll';
import { can } from '@/lib/access/permissions';
import { requireScope } from '@/lib/access/require-scope';
import { formatDate, formatDateTime } from '@/lib/format';
import { getConversation } from '@/lib/services/conversations/get-conversation';
import { QUESTIONS, SIDE_LABEL } from '@/lib/services/conversations/questions';
import { parsePeriod } from '@/lib/services/reports/report-period';
import { FormMessage } from '../../form-message';
import { actionAction, actionStatusAction, answerAction } from '../actions';

export const metadata: Metadata = { title: 'Kwaliteitsgesprek' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ melding?: string; fout?: string }> };

function StatusButton({ id, conversationId, done }: { id: string; conversationId: string; done: boolean }) {
  return (
    <ActionButton
      action={actionStatusAction}
      fields={{ actionId: id, conversationId, status: done ? 'OPEN' : 'AFGEROND' }}
      label={done ? 'Heropenen' : 'Afgerond'}
    />
  );
}

export default async function ConversationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const scope = await requireScope('conversation:view', `kwaliteitsgesprek ${id}`);
  const c = await getConversation(scope, id);
  if (!c) notFound();
  const mayContribute = can(scope.user.role, 'conversation:contribute');
  const period = parsePeriod(c.period);
  const report = (formaat: string) => `/api/kwaliteitsgesprekken/${c.id}/rapport?formaat=${formaat}`;
  return (
    <>
      <p>
        <Link href="/kwaliteitsgesprekken">← Kwaliteitsgesprekken</Link>
      </p>
      <h1>
        Kwaliteitsgesprek {c.organisation.name} en {c.aanbieder.name}
      </h1>
      <p>
        Periode {period?.label ?? c.period}. {c.meetingDate ? `Gesprek op ${formatDate(c.meetingDate)}. ` : ''}Cijfers
        vastgelegd op {formatDateTime(new Date(c.figures.generatedAt))} (deelbare versie, kleine aantallen afgeschermd).
      </p>
      <FormMessage {...(await searchParams)} />
      <ul className="downloads">
        <li>
          <a href={report('pdf')} download>
            Download het verslag met de cijfers als PDF
          </a>
        </li>
        <li>
          <a href={report('xlsx')} download>
            Download het verslag met de cijfers als Excel
          </a>
        </li>
      </ul>

      {c.carriedOver.length > 0 && (
        <section aria-labelledby="eerdere-acties">
          <h2 id="eerdere-acties">Open acties uit eerdere gesprekken</h2>
          <ul>
            {c.carriedOver.map((a) => (
              <li key={a.id}>
                {a.description} — {a.owner}, uiterlijk {formatDate(a.dueDate)} (
                <Link href={`/kwaliteitsgesprekken/${a.conversation.id}`}>
                  gesprek {parsePeriod(a.conversation.period)?.label ?? a.conversation.period}
                </Link>
                )
                {mayContribute && (
                  <>
                    {' '}
                    <StatusButton id={a.id} conversationId={c.id} done={false} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {QUESTIONS.map((q) => {
        const answers = c.answers.filter((a) => a.question === q.n);
        return (
          <section key={q.n} aria-labelledby={`vraag-${q.n}`}>
            <h2 id={`vraag-${q.n}`}>
              {q.n}. {q.title}
            </h2>
            <p className="hint">{q.hint}</p>
            {answers.length === 0 ? (
              <p>Nog geen antwoorden.</p>
            ) : (
              <ul className="antwoorden">
                {answers.map((a) => (
                  <li key={a.id}>
                    <strong>{SIDE_LABEL[a.side]}</strong> ({a.authorName}, {formatDateTime(a.createdAt)}):{' '}
                    <span className="antwoord">{a.text}</span>
                  </li>
                ))}
              </ul>
            )}
            {mayContribute && (
              <form action={answerAction} aria-label={`Antwoord op: ${q.title}`}>
                <input type="hidden" name="conversationId" value={c.id} />
                <input type="hidden" name="question" value={q.n} />
                <div className="veld">
                  <label htmlFor={`antwoord-${q.n}`}>
                    Uw antwoord ({SIDE_LABEL[scope.kind === 'aanbieder' ? 'AANBIEDER' : 'GEMEENTE'].toLowerCase()})
                  </label>
                  <textarea id={`antwoord-${q.n}`} name="text" rows={3} required maxLength={5000} />
                </div>
                <button className="knop knop-licht" type="submit">
                  Toevoegen
                </button>
              </form>
            )}
          </section>
        );
      })}

      <section aria-labelledby="acties">
        <h2 id="acties">Afgesproken acties</h2>
        {c.actions.length === 0 ? (
          <p>Nog geen acties.</p>
        ) : (
          <TableScroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">Actie</th>
                  <th scope="col">Eigenaar</th>
                  <th scope="col">Uiterlijk</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {c.actions.map((a) => (
                  <tr key={a.id}>
                    <td>{a.description}</td>
                    <td>{a.owner}</td>
                    <td>{formatDate(a.dueDate)}</td>
                    <td>
                      {a.status === 'OPEN' ? 'open' : `afgerond ${formatDate(a.doneAt)}`}{' '}
                      {mayContribute && <StatusButton id={a.id} conversationId={c.id} done={a.status === 'AFGEROND'} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {mayContribute && (
          <form action={actionAction} className="filters" aria-label="Actie vastleggen">
            <input type="hidden" name="conversationId" value={c.id} />
            <div className="veld">
              <label htmlFor="description">Actie</label>
              <input id="description" name="description" required maxLength={1000} />
            </div>
            <div className="veld">
              <label htmlFor="owner">Eigenaar</label>
              <input id="owner" name="owner" required maxLength={200} />
            </div>
            <div className="veld">
              <label htmlFor="dueDate">Uiterlijk</label>
              <input id="dueDate" name="dueDate" type="date" required />
            </div>
            <button className="knop" type="submit">
              Vastleggen
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="cijfers">
        <h2 id="cijfers">De vastgelegde cijfers</h2>
        <ReportSummary report={c.figures} />
      </section>
    </>
  );
}
