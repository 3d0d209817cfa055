import { formatDate, formatDateTime } from '@/lib/format';
import { parsePeriod } from '@/lib/services/reports/report-period';
import type { getConversation } from './get-conversation';
import { QUESTIONS, SIDE_LABEL } from './questions';

/** The written record of a kwaliteitsgesprek, as it goes into the PDF and Excel next to the frozen figures. */
export type ConversationRecord = {
  title: string;
  about: string;
  questions: { title: string; answers: { side: string; author: string; at: string; text: string }[] }[];
  actions: { description: string; owner: string; due: string; status: string }[];
};

type Conversation = NonNullable<Awaited<ReturnType<typeof getConversation>>>;

export function conversationRecord(c: Conversation): ConversationRecord {
  const period = parsePeriod(c.period)?.label ?? c.period;
  return {
    title: `Kwaliteitsgesprek ${c.organisation.name} en ${c.aanbieder.name}`,
    about: `Periode ${period}.${c.meetingDate ? ` Gesprek op ${formatDate(c.meetingDate)}.` : ''} Cijfers vastgelegd op ${formatDateTime(new Date(c.figures.generatedAt))}; verslag gemaakt op ${formatDateTime(new Date())}.`,
    questions: QUESTIONS.map((q) => ({
      title: `${q.n}. ${q.title}`,
      answers: c.answers
        .filter((a) => a.question === q.n)
        .map((a) => ({
          side: SIDE_LABEL[a.side],
          author: a.authorName,
          at: formatDateTime(a.createdAt),
          text: a.text,
        })),
    })),
    actions: [...c.carriedOver, ...c.actions].map((a) => ({
      description: a.description,
      owner: a.owner,
      due: formatDate(a.dueDate),
      status: a.status === 'OPEN' ? 'open' : `afgerond ${formatDate(a.doneAt)}`,
    })),
  };
}
