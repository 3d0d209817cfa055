import { runRoute } from '@/app/api/run-route';
import { reportResponse, ZReportFormat } from '@/lib/renderers/report-download';
import { conversationRecord } from '@/lib/services/conversations/conversation-record';
import { conversationNotFound } from '@/lib/services/conversations/conversation-scope';
import { getConversation } from '@/lib/services/conversations/get-conversation';

const formatOf = (url: URL) => ZReportFormat.catch('pdf').parse(url.searchParams.get('formaat'));

/** A conversation's verslag (answers, actions) with the figures frozen in it, as PDF or Excel, for both sides of it. */
export const GET = runRoute<{ id: string }>({
  access: {
    permission: 'conversation:view',
    object: (url, p) => `kwaliteitsgesprek ${p.id.slice(0, 40)} rapport ${formatOf(url)}`,
  },
  run: async ({ url, params, scope }) => {
    const c = scope && (await getConversation(scope, params.id));
    if (!c) throw conversationNotFound();
    return reportResponse(c.figures, formatOf(url), 'kwaliteitsgesprek', conversationRecord(c));
  },
});
