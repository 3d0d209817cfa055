import { requireScope } from '@/lib/access/require-scope';
import { errorResponse, reportResponse, ZReportFormat } from '@/lib/renderers/report-download';
import { conversationRecord } from '@/lib/services/conversations/conversation-record';
import { conversationNotFound } from '@/lib/services/conversations/conversation-scope';
import { getConversation } from '@/lib/services/conversations/get-conversation';

/** A conversation's verslag (answers, actions) with the figures frozen in it, as PDF or Excel, for both sides of it. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const format = ZReportFormat.catch('pdf').parse(new URL(req.url).searchParams.get('formaat'));
  const object = `kwaliteitsgesprek ${id.slice(0, 40)} rapport ${format}`;
  const scope = await requireScope('conversation:view', object);
  try {
    const c = await getConversation(scope, id);
    if (!c) throw conversationNotFound();
    return await reportResponse(c.figures, format, 'kwaliteitsgesprek', conversationRecord(c));
  } catch (err) {
    return errorResponse(err, { scope, event: 'conversation:view', object });
  }
}
