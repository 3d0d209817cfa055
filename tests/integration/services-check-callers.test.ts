import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '@/lib/access/permissions';
import type { Scope } from '@/lib/access/scope';
import { findIndicator } from '@/lib/indicators/registry';
import { handleAccessRequest } from '@/lib/services/access-requests/handle-access-request';
import { listAccessRequests } from '@/lib/services/access-requests/list-access-requests';
import { changeAccount } from '@/lib/services/accounts/change-account';
import { inviteAccount } from '@/lib/services/accounts/invite-account';
import { listAccounts } from '@/lib/services/accounts/list-accounts';
import { changeAgreement } from '@/lib/services/agreements/change-agreement';
import { getAgreementDocument } from '@/lib/services/agreements/get-agreement-document';
import { listAgreements } from '@/lib/services/agreements/list-agreements';
import { recordSignedAgreement } from '@/lib/services/agreements/record-signed-agreement';
import { requestAgreement } from '@/lib/services/agreements/request-agreement';
import { searchAudit, ZAuditFilters } from '@/lib/services/audit/search-audit';
import { addAction, addAnswer, setActionStatus } from '@/lib/services/conversations/contribute';
import { getConversation } from '@/lib/services/conversations/get-conversation';
import { listConversations } from '@/lib/services/conversations/list-conversations';
import { prepareConversation } from '@/lib/services/conversations/prepare-conversation';
import { getViewUsage } from '@/lib/services/disclosure/get-view-usage';
import { listViewMonitor } from '@/lib/services/disclosure/list-view-monitor';
import { getComparison } from '@/lib/services/indicators/get-comparison';
import { overviewCards } from '@/lib/services/indicators/get-dashboard-overview';
import { getFilterOptions } from '@/lib/services/indicators/get-filter-options';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { getRanking } from '@/lib/services/indicators/get-ranking';
import { listOutbox } from '@/lib/services/mail/list-outbox';
import { listMaturity } from '@/lib/services/maturity/list-maturity';
import { createAanbieder } from '@/lib/services/organisations/create-aanbieder';
import { createGemeente } from '@/lib/services/organisations/create-gemeente';
import { findOrganisation } from '@/lib/services/organisations/find-organisation';
import { getRegio } from '@/lib/services/organisations/get-regio';
import { listOrganisations } from '@/lib/services/organisations/list-organisations';
import { changeRegio, createRegio } from '@/lib/services/organisations/regio-membership';
import { setOrganisationActive } from '@/lib/services/organisations/set-organisation-active';
import { getDeletionStatement } from '@/lib/services/privacy/get-deletion-statement';
import { getProviderPrivacy } from '@/lib/services/privacy/get-provider-privacy';
import { getProcessingRegister } from '@/lib/services/privacy/processing-register';
import { startReturn } from '@/lib/services/privacy/return-data';
import { inzageAnswer, listSubjectRequests, submitSubjectRequest } from '@/lib/services/privacy/subject-requests';
import { listProcessing } from '@/lib/services/processing/list-processing';
import { rerunUpload } from '@/lib/services/processing/rerun-upload';
import { getSpiegelrapportage } from '@/lib/services/reports/get-spiegelrapportage';
import { listSsoConnections } from '@/lib/services/sso/list-sso-connections';
import { saveSsoConnection } from '@/lib/services/sso/save-sso-connection';
import { setSsoActive } from '@/lib/services/sso/set-sso-active';
import { getAanbiederStart } from '@/lib/services/start/get-aanbieder-start';
import { getBeheerStart } from '@/lib/services/start/get-beheer-start';
import { getGemeenteStart } from '@/lib/services/start/get-gemeente-start';
import { deliverUpload } from '@/lib/services/uploads/deliver-upload';
import { findUpload } from '@/lib/services/uploads/find-upload';
import { listUploads } from '@/lib/services/uploads/list-uploads';
import { makeAanbieder, makeGemeente, makeTtp, makeUser, scopeOf } from './helpers/fixtures';

// Services check their caller (issue 15): each service that changes or reveals data is called here
// directly, past every page and action, with the scope of every role that lacks its permission, and
// must refuse before it touches anything. Arguments are nonsense on purpose: the refusal comes first.
// A service file that calls checkCaller but is missing from this table fails the first test.
const ID = '00000000-0000-4000-8000-000000000000';
const any = (v: unknown) => v as never;
const uitval = findIndicator('uitval')!;

const CALLS: Record<string, [Permission, (s: Scope) => unknown]> = {
  listAccessRequests: ['organisations:manage', (s) => listAccessRequests(any(s))],
  handleAccessRequest: ['organisations:manage', (s) => handleAccessRequest(any(s), any(s), null)],
  listAccounts: ['accounts:manage', (s) => listAccounts(any(s))],
  inviteAccount: ['accounts:manage', (s) => inviteAccount(any(s), any(s), null)],
  changeAccount: ['accounts:manage', (s) => changeAccount(any(s), ID, any(s), null)],
  listAgreements: ['agreements:manage', (s) => listAgreements(any(s))],
  requestAgreement: ['agreements:manage', (s) => requestAgreement(any(s), any(s), null)],
  changeAgreement: ['agreements:manage', (s) => changeAgreement(any(s), any({ id: ID, step: 'verzenden' }), null)],
  recordSignedAgreement: ['agreements:manage', (s) => recordSignedAgreement(any(s), any(s), Buffer.alloc(0), null)],
  getAgreementDocument: ['agreements:manage', (s) => getAgreementDocument(any(s), ID, null)],
  searchAudit: ['audit:view', (s) => searchAudit(any(s), ZAuditFilters.parse({}))],
  listOutbox: ['mail:outbox', (s) => listOutbox(any(s))],
  listProcessing: ['processing:monitor', (s) => listProcessing(any(s))],
  listViewMonitor: ['processing:monitor', (s) => listViewMonitor(any(s), '2026-01')],
  getViewUsage: ['dashboard:view', (s) => getViewUsage(any(s))],
  rerunUpload: ['processing:monitor', (s) => rerunUpload(any(s), ID, null)],
  listMaturity: ['beheer:start', (s) => listMaturity(any(s))],
  getBeheerStart: ['beheer:start', (s) => getBeheerStart(any(s))],
  listOrganisations: ['organisations:manage', (s) => listOrganisations(any(s))],
  createAanbieder: ['organisations:manage', (s) => createAanbieder(any(s), any(s), null)],
  createGemeente: ['organisations:manage', (s) => createGemeente(any(s), any(s), null)],
  createRegio: ['organisations:manage', (s) => createRegio(any(s), any(s), null)],
  changeRegio: ['organisations:manage', (s) => changeRegio(any(s), any(s), null)],
  getRegio: ['organisations:manage', (s) => getRegio(any(s), ID)],
  setOrganisationActive: ['organisations:manage', (s) => setOrganisationActive(any(s), ID, false, null)],
  listSsoConnections: ['organisations:manage', (s) => listSsoConnections(any(s))],
  saveSsoConnection: ['organisations:manage', (s) => saveSsoConnection(any(s), any({}), null)],
  setSsoActive: ['organisations:manage', (s) => setSsoActive(any(s), ID, false, null)],
  findOrganisation: ['organisatie:view', (s) => findOrganisation(s, ID)],
  getAanbiederStart: ['aanbieder:start', (s) => getAanbiederStart(any(s))],
  getGemeenteStart: ['gemeente:start', (s) => getGemeenteStart(any(s))],
  listUploads: ['upload:view', (s) => listUploads(any(s))],
  findUpload: ['upload:view', (s) => findUpload(any(s), ID)],
  deliverUpload: ['upload:create', (s) => deliverUpload(any(s), any({}))],
  listConversations: ['conversation:view', (s) => listConversations(s)],
  getConversation: ['conversation:view', (s) => getConversation(s, ID)],
  prepareConversation: ['conversation:prepare', (s) => prepareConversation(s, any({}), null)],
  addAnswer: ['conversation:contribute', (s) => addAnswer(s, any({}), null)],
  addAction: ['conversation:contribute', (s) => addAction(s, any({}), null)],
  setActionStatus: ['conversation:contribute', (s) => setActionStatus(s, any({}), null)],
  getIndicatorView: ['dashboard:view', (s) => getIndicatorView(s, uitval, any({}))],
  getRanking: ['dashboard:view', (s) => getRanking(s, uitval, any({}), any({}))],
  overviewCards: ['dashboard:view', async (s) => Promise.all(overviewCards(s, any({})).map((c) => c.card))],
  getFilterOptions: ['dashboard:view', (s) => getFilterOptions(s)],
  getComparison: ['dashboard:view', (s) => getComparison(s, uitval, any({}))],
  getSpiegelrapportage: ['report:view', (s) => getSpiegelrapportage(s, any({}))],
  getProviderPrivacy: ['privacy:view', (s) => getProviderPrivacy(s)],
  listSubjectRequests: ['privacy:view', (s) => listSubjectRequests(s)],
  submitSubjectRequest: [
    'privacy:request',
    (s) => submitSubjectRequest(s, any({ soort: 'VERWIJDERING', trajectnummers: ['x'] }), null),
  ],
  inzageAnswer: ['privacy:request', (s) => inzageAnswer(s, ID, null)],
  startReturn: ['privacy:request', (s) => startReturn(s, null)],
  getDeletionStatement: ['deletion-statement:view', (s) => getDeletionStatement(s, ID, null)],
  getProcessingRegister: ['register:view', (s) => getProcessingRegister(s, null)],
};

const ROLES = ['TTP_BEHEER', 'AANBIEDER_UPLOAD', 'AANBIEDER_INZAGE', 'GEMEENTE', 'REGIO'] as const;

async function scopes(): Promise<Record<(typeof ROLES)[number], Scope>> {
  const [ttp, aanbieder, gemeente] = [await makeTtp(), await makeAanbieder(), await makeGemeente()];
  const { makeRegio } = await import('./helpers/fixtures');
  const regio = await makeRegio([gemeente.id]);
  const org = {
    TTP_BEHEER: ttp,
    AANBIEDER_UPLOAD: aanbieder,
    AANBIEDER_INZAGE: aanbieder,
    GEMEENTE: gemeente,
    REGIO: regio,
  };
  return Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r, await scopeOf((await makeUser(r, org[r].id)).id)])),
  ) as Record<(typeof ROLES)[number], Scope>;
}

describe('services check their caller', () => {
  it('every service that calls checkCaller is attacked here', () => {
    const dir = path.join(process.cwd(), 'lib', 'services');
    const checked = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => {
        const source = readFileSync(path.join(dir, f), 'utf8');
        // each exported function whose body opens with checkCaller
        return source
          .split(/\nexport (?:async )?function /)
          .slice(1)
          .filter((fn) => {
            const body = fn.search(/\)(?::[^\n]*)? \{\n/);
            return body > 0 && fn.slice(body, body + 120).includes('checkCaller(');
          })
          .map((fn) => fn.slice(0, fn.indexOf('(')));
      });
    expect(checked.length).toBeGreaterThan(40);
    expect(checked.filter((name) => !(name in CALLS))).toEqual([]);
  });

  it('refuses every role without the permission, before anything happens', async () => {
    const byRole = await scopes();
    let refused = 0;
    for (const [name, [permission, call]] of Object.entries(CALLS)) {
      for (const role of ROLES) {
        if ((PERMISSIONS[permission] as readonly string[]).includes(role)) continue;
        await expect(
          Promise.resolve().then(() => call(byRole[role])),
          `${name} als ${role}`,
        ).rejects.toMatchObject({
          status: 403,
        });
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(140);
  });

  it('refuses a scope of the wrong kind even with a role that holds the permission', async () => {
    const { GEMEENTE } = await scopes();
    // a municipal scope dressed up with an admin's role: the kind still decides
    const forged = { ...GEMEENTE, user: { ...GEMEENTE.user, role: 'TTP_BEHEER' as const } };
    await expect(listAccounts(any(forged))).rejects.toMatchObject({ status: 403 });
    await expect(Promise.resolve().then(() => deliverUpload(any(forged), any({})))).rejects.toMatchObject({
      status: 403,
    });
  });
});
