'use server';

import { z } from 'zod';
import type { Scope } from '@/lib/access/scope';
import {
  addAction,
  addAnswer,
  setActionStatus,
  ZAction,
  ZActionStatus,
  ZAnswer,
} from '@/lib/services/conversations/contribute';
import { prepareConversation, ZPrepare } from '@/lib/services/conversations/prepare-conversation';
import { runForm } from '../run-form';

const PAGE = '/kwaliteitsgesprekken';
const anyScope = (scope: Scope) => scope;
const conversationPage = (form: FormData) => `${PAGE}/${z.uuid().safeParse(form.get('conversationId')).data ?? ''}`;

export async function prepareAction(form: FormData) {
  await runForm(form, {
    permission: 'conversation:prepare',
    audit: 'kwaliteitsgesprek voorbereiden',
    backTo: PAGE,
    narrow: anyScope,
    schema: ZPrepare,
    run: prepareConversation,
    nextPage: (c) => `${PAGE}/${c.id}`,
    done: () => 'Het gesprek is voorbereid: de cijfers zijn vastgelegd zoals ze nu zijn.',
  });
}

export async function answerAction(form: FormData) {
  await runForm(form, {
    permission: 'conversation:contribute',
    audit: 'kwaliteitsgesprek antwoord',
    backTo: conversationPage(form),
    narrow: anyScope,
    schema: ZAnswer,
    run: addAnswer,
    done: () => 'Uw antwoord is toegevoegd.',
  });
}

export async function actionAction(form: FormData) {
  await runForm(form, {
    permission: 'conversation:contribute',
    audit: 'kwaliteitsgesprek actie',
    backTo: conversationPage(form),
    narrow: anyScope,
    schema: ZAction,
    run: addAction,
    done: () => 'De actie is vastgelegd.',
  });
}

export async function actionStatusAction(form: FormData) {
  await runForm(form, {
    permission: 'conversation:contribute',
    audit: 'kwaliteitsgesprek actie status',
    backTo: conversationPage(form),
    narrow: anyScope,
    schema: ZActionStatus,
    run: setActionStatus,
    done: () => (form.get('status') === 'AFGEROND' ? 'De actie is afgerond.' : 'De actie staat weer open.'),
  });
}
