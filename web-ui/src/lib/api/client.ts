// The one API client. Paths, parameters and bodies are typed from the app's own OpenAPI document
// (schema.d.ts is generated from it in the build), so a changed endpoint breaks the TypeScript
// compile. The session is an HttpOnly cookie the page cannot read; state-changing calls echo the
// XSRF-TOKEN cookie in a header (double-submit CSRF protection). Every failed response becomes an
// ApiError holding the problem: there is one error path and no request whose failure is dropped.
import i18next from 'i18next';
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

type Schemas = components['schemas'];

export interface FieldError {
  field: string;
  /** in English, for API clients */
  message: string;
  /** the same as a code with parameters (input.required …), when the server has one */
  code?: string | null;
  params?: Record<string, string> | null;
}

/** Says a field error in the UI's language when its code is known; the English otherwise. */
export function fieldMessage(error: FieldError): string {
  if (!error.code) return error.message;
  // a state that has its own sentence (a case on legal hold) says it; other states the common one
  const state = error.code === 'refusal.wrong-state' ? error.params?.state : undefined;
  if (state && i18next.exists(`problem.refusal.state.${state}`)) return i18next.t(`problem.refusal.state.${state}` as never) as string;
  const key = `problem.${error.code}`;
  return i18next.exists(key) ? (i18next.t(key as never, { ...(error.params ?? {}) }) as string) : error.message;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  /** The error of one field, in the UI's language where the server gave a code. */
  fieldError(field: string): string | undefined {
    const error = this.problem.errors.find((e) => e.field === field);
    return error && fieldMessage(error);
  }
  get status(): number {
    return this.problem.status;
  }
}

export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Turns any error response into a Problem, whether or not the body is problem+json. */
export async function toProblem(response: Response): Promise<Problem> {
  let body: Partial<Problem> = {};
  try {
    body = (await response.json()) as Partial<Problem>;
  } catch {
    // not JSON: keep the status alone
  }
  return {
    status: response.status,
    title: body.title ?? response.statusText,
    detail: body.detail,
    errors: Array.isArray(body.errors) ? body.errors : [],
  };
}

const csrf: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    if (request.method !== 'GET') {
      const token = readCookie(document.cookie, 'XSRF-TOKEN');
      if (token) request.headers.set('X-XSRF-TOKEN', token);
    }
    return request;
  },
};

const changeListeners = new Set<() => void>();

/**
 * Calls the listener after every successful change (any method but GET), wherever in the UI it
 * was made: the app refetches what it shows, since one change can move several things (a
 * repayment moves the stage, a contact the findings, a payment the tasks).
 */
export function onEveryChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function changed() {
  for (const listener of changeListeners) listener();
}

const sessionEndedListeners = new Set<() => void>();

/**
 * Calls the listener when a request is refused for want of a session (401) — it expired, or the
 * account was disabled or changed in Keycloak — so the app can show the login again.
 */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** Whether an answer says the session ended: a 401 to anything but the "who am I" question. */
export function endsSession(url: string, status: number): boolean {
  return status === 401 && !new URL(url).pathname.endsWith('/api/me');
}

const failures: Middleware = {
  async onResponse({ request, response }) {
    if (endsSession(request.url, response.status)) {
      for (const listener of sessionEndedListeners) listener();
    }
    if (!response.ok) throw new ApiError(await toProblem(response.clone()));
    if (request.method !== 'GET') changed();
    return response;
  },
};

export const client = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
});
client.use(csrf, failures);

/** The body of a successful answer (failures have already thrown ApiError). */
async function body<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

async function nothing(call: Promise<unknown>): Promise<void> {
  await call;
}

/** Query parameters from an object; empty values are left out. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** Sends a file's raw bytes; the server decides its type from the content. */
async function uploadFile(path: string, file: Blob): Promise<EvidenceView> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/octet-stream',
  };
  const token = readCookie(document.cookie, 'XSRF-TOKEN');
  if (token) headers['X-XSRF-TOKEN'] = token;
  const response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  if (!response.ok) throw new ApiError(await toProblem(response));
  const stored = (await response.json()) as EvidenceView;
  changed();
  return stored;
}

export type Me = Schemas['SessionController.Me'];
export type CaseView = Schemas['CaseFileController.CaseView'];
export type OpenedCase = Schemas['CaseFileController.OpenedCase'];
export type StageCountView = Schemas['CaseFileController.StageCountView'];
export type AuditView = Schemas['CaseFileController.AuditView'];
export type AccessView = Schemas['AccessLogController.AccessView'];
export type RecordView = Schemas['CaseRecordController.RecordView'];
export type RecordRequest = Schemas['CaseRecordController.RecordRequest'];
export type Counselor = Schemas['CaseRecordController.Counselor'];
export type ChecklistView = Schemas['ChecklistController.Checklist'];
export type AmountOn = Schemas['DebtController.AmountOn'];
export type DebtView = Schemas['DebtController.DebtView'];
export type NewDebt = Schemas['DebtController.NewDebtRequest'];
export type DebtCorrection = Schemas['DebtController.CorrectionRequest'];
export type LenderView = Schemas['LenderController.LenderView'];
export type StaffMemberView = Schemas['StaffController.MemberView'];
export type InviteRequest = Schemas['StaffController.InviteRequest'];
export type TeamView = Schemas['TeamController.TeamView'];
export type TeamChange = Schemas['TeamController.TeamChange'];
export type ReviewStanding = Schemas['ReviewController.StandingView'];
export type ErasureRequestView = Schemas['ErasureController.RequestView'];
export type LegalHoldView = Schemas['ErasureController.HoldView'];
export type ReviewRequest = Schemas['ReviewController.ReviewRequest'];
export type WellbeingCheckView = Schemas['WellbeingController.CheckView'];
export type WellbeingRequest = Schemas['WellbeingController.CheckRequest'];
export type ReferralView = Schemas['WellbeingController.ReferralView'];
export type DirectoryEntryView = Schemas['DirectoryController.EntryView'];
export type ReachedView = Schemas['DirectoryController.ReachedView'];
export type KnownNumber = Schemas['DirectoryController.KnownView'];
export type MergeView = Schemas['DirectoryController.MergeView'];
export type PeriodView = Schemas['StageController.PeriodView'];
export type EnteredCase = Schemas['StageController.EnteredCase'];
export type MilestoneView = Schemas['LegalMilestoneController.MilestoneView'];
export type NewMilestone = Schemas['LegalMilestoneController.NewMilestone'];
export type ContactView = Schemas['ContactController.ContactView'];
export type ContactRequest = Schemas['ContactController.ContactRequest'];
export type EvidenceView = Schemas['EvidenceController.EvidenceView'];
export type FindingView = Schemas['FlagController.FindingView'];
export type FlagView = Schemas['FlagController.FlagView'];
export type FlagRequest = Schemas['FlagController.FlagRequest'];
export type IncidentRequest = Schemas['FlagController.IncidentRequest'];
export type BodyView = Schemas['ComplaintController.BodyView'];
export type ComplaintView = Schemas['ComplaintController.ComplaintView'];
export type ComplaintStep = Schemas['ComplaintController.Step'];
export type BudgetLineView = Schemas['BudgetController.LineView'];
export type BudgetView = Schemas['BudgetController.BudgetView'];
export type BudgetRequest = Schemas['BudgetController.BudgetRequest'];
export type InstalmentView = Schemas['PlanViews.InstalmentView'];
export type PlanView = Schemas['PlanViews.PlanView'];
export type AffordabilityView = Schemas['PlanViews.AffordabilityView'];
export type ProposalRequest = Schemas['PlanController.ProposalRequest'];
export type Proposed = Schemas['PlanController.Proposed'];
export type ShareView = Schemas['PlanController.ShareView'];
export type TaskView = Schemas['TaskController.TaskView'];
export type RiskView = Schemas['PlanController.RiskView'];
export type FeedView = Schemas['CalendarController.FeedView'];

/** What the caseload asks the server for: filters, order and the page. */
export interface CaseQuery {
  q?: string;
  page: number;
  size: number;
  sort?: string;
  stage?: string;
  status?: string;
  counselor?: string;
  noContactDays?: number;
}

export interface CasePage {
  cases: CaseView[];
  total: number;
}

const id = (value: string) => ({ params: { path: { id: value } } });

/** One page of a list the server pages, with how many there are in all (its X-Total-Count). */
export interface Paged<T> {
  items: T[];
  total: number;
}

async function paged<T>(call: Promise<{ data?: T[]; response: Response }>): Promise<Paged<T>> {
  const { data, response } = await call;
  const items = data ?? [];
  return { items, total: Number(response.headers.get('X-Total-Count') ?? items.length) };
}

const pageQuery = (page: number, size: number) => ({ params: { query: { page: String(page), size: String(size) } } });
const enc = encodeURIComponent;
type ComplaintStepName = 'text' | 'review' | 'return' | 'filing' | 'answer' | 'closing';

export const api = {
  me: () => body(client.GET('/api/me')),
  /** One page of the caseload; the server counts how many match in all. */
  casePage: async (query: CaseQuery): Promise<CasePage> => {
    const { items, total } = await paged(
      client.GET('/api/cases', { params: { query: Object.fromEntries(new URLSearchParams(queryString(query))) } }),
    );
    return { cases: items, total };
  },
  /** The whole filtered caseload as CSV (the server streams it page by page). */
  caseloadCsvUrl: (query: Omit<CaseQuery, 'page' | 'size'>) => `/api/cases/export.csv?${queryString(query)}`,
  caseCounts: () => body(client.GET('/api/cases/counts')),
  case: (caseId: string) => body(client.GET('/api/cases/{id}', id(caseId))),
  openCase: (clientName: string, portalUsername: string, portalEmail: string) =>
    body(
      client.POST('/api/cases', {
        body: {
          clientName,
          portalLogin: portalUsername ? { username: portalUsername, email: portalEmail || null } : null,
        },
      }),
    ),
  audit: (caseId: string) => body(client.GET('/api/cases/{id}/audit', id(caseId))),
  /** Who read the case's sensitive data or was refused, newest first (supervisors). */
  accessLog: (caseId: string, page: number, size: number) =>
    paged(client.GET('/api/cases/{id}/access', { params: { path: { id: caseId }, query: { page: String(page), size: String(size) } } })),
  record: (caseId: string) => body(client.GET('/api/cases/{id}/record', id(caseId))),
  saveRecord: (caseId: string, r: RecordRequest) =>
    body(client.PUT('/api/cases/{id}/record', { ...id(caseId), body: r })),
  revealId: (caseId: string) => body(client.POST('/api/cases/{id}/id-number/reveal', id(caseId))),
  setStatus: (caseId: string, status: string, reason: string, version: number) =>
    body(client.PUT('/api/cases/{id}/status', { ...id(caseId), body: { status, reason, version } })),
  counselors: () => body(client.GET('/api/counselors')),
  reassign: (caseId: string, counselorId: string, version: number) =>
    body(client.PUT('/api/cases/{id}/counselor', { ...id(caseId), body: { counselorId, version } })),
  lenders: () => body(client.GET('/api/lenders')),
  staff: () => body(client.GET('/api/staff')),
  staffChanges: () => body(client.GET('/api/staff/changes')),
  teams: () => body(client.GET('/api/teams')),
  createTeam: (name: string) => body(client.POST('/api/teams', { body: { name } })),
  changeTeam: (teamId: string, change: TeamChange) => body(client.PUT('/api/teams/{id}', { params: { path: { id: teamId } }, body: change })),
  removeTeam: (teamId: string, version: number) =>
    nothing(client.DELETE('/api/teams/{id}', { params: { path: { id: teamId }, query: { version: String(version) } } })),
  invite: (person: InviteRequest) => body(client.POST('/api/staff', { body: person })),
  deactivate: (userId: string) => body(client.POST('/api/staff/{userId}/deactivation', { params: { path: { userId } } })),
  resetPassword: (userId: string) => body(client.POST('/api/staff/{userId}/password-reset', { params: { path: { userId } } })),
  resetSecondFactor: (userId: string) => nothing(client.POST('/api/staff/{userId}/second-factor-reset', { params: { path: { userId } } })),
  handOver: (userId: string, to: string) =>
    body(client.POST('/api/staff/{userId}/hand-over', { params: { path: { userId } }, body: { to } })),
  reviews: (caseId: string) => body(client.GET('/api/cases/{id}/reviews', id(caseId))),
  /** Ask for the case to be erased (its client, or its counselor). */
  requestErasure: (caseId: string) => body(client.POST('/api/cases/{id}/erasure-requests', id(caseId))),
  /** The case's open erasure request (null: none). */
  openErasure: async (caseId: string): Promise<ErasureRequestView | null> => {
    const { data, response } = await client.GET('/api/cases/{id}/erasure-requests/open', id(caseId));
    return response.status === 204 ? null : (data ?? null);
  },
  erasureRequests: () => body(client.GET('/api/erasure-requests')),
  approveErasure: (requestId: string, version: number) =>
    body(client.POST('/api/erasure-requests/{requestId}/approval', { params: { path: { requestId } }, body: { version } })),
  refuseErasure: (requestId: string, version: number, note: string) =>
    body(client.POST('/api/erasure-requests/{requestId}/refusal', { params: { path: { requestId } }, body: { version, note } })),
  /** The case's legal hold (null: none). */
  legalHold: async (caseId: string): Promise<LegalHoldView | null> => {
    const { data, response } = await client.GET('/api/cases/{id}/legal-hold', id(caseId));
    return response.status === 204 ? null : (data ?? null);
  },
  setLegalHold: (caseId: string, reason: string) => body(client.POST('/api/cases/{id}/legal-hold', { ...id(caseId), body: { reason } })),
  liftLegalHold: (caseId: string, reason: string) =>
    nothing(client.POST('/api/cases/{id}/legal-hold/lift', { ...id(caseId), body: { reason } })),
  review: (caseId: string, r: ReviewRequest) => body(client.POST('/api/cases/{id}/reviews', { ...id(caseId), body: r })),
  wellbeing: (caseId: string) => body(client.GET('/api/cases/{id}/wellbeing', id(caseId))),
  checkWellbeing: (caseId: string, answers: WellbeingRequest) =>
    body(client.POST('/api/cases/{id}/wellbeing', { ...id(caseId), body: answers })),
  referrals: () => body(client.GET('/api/wellbeing/referrals')),
  /** One page of the collector directory: agencies or numbers, most clients reached first. */
  directory: (kind: 'AGENCY' | 'NUMBER', q: string, page: number, size: number) =>
    paged(client.GET('/api/directory', { params: { query: { kind, q: q || undefined, page: String(page), size: String(size) } } })),
  reached: (entryId: string, page: number, size: number) =>
    paged(client.GET('/api/directory/{id}/cases', { params: { path: { id: entryId }, query: { page: String(page), size: String(size) } } })),
  /** What the office knows of a collector's number (null: nothing). */
  knownNumber: async (number: string): Promise<KnownNumber | null> => {
    const { data, response } = await client.GET('/api/directory/known', { params: { query: { number } } });
    return response.status === 204 ? null : (data ?? null);
  },
  mergeEntry: (fromId: string, into: string, version: number) =>
    body(client.POST('/api/directory/{id}/merge', { ...id(fromId), body: { into, version } })),
  merges: () => body(client.GET('/api/directory/merges')),
  addLender: (name: string, kind: string) => body(client.POST('/api/lenders', { body: { name, kind } })),
  debts: (caseId: string) => body(client.GET('/api/cases/{id}/debts', id(caseId))),
  addDebt: (caseId: string, debt: NewDebt) => body(client.POST('/api/cases/{id}/debts', { ...id(caseId), body: debt })),
  repay: (debtId: string, paidOn: string, amount: string, version: number) =>
    body(client.POST('/api/debts/{id}/repayments', { ...id(debtId), body: { paidOn, amount, version } })),
  correctDebt: (debtId: string, d: DebtCorrection) => body(client.PUT('/api/debts/{id}', { ...id(debtId), body: d })),
  setDebtStatus: (debtId: string, status: string, version: number) =>
    body(client.PUT('/api/debts/{id}/status', { ...id(debtId), body: { status, version } })),
  milestones: (caseId: string) => body(client.GET('/api/cases/{id}/legal-milestones', id(caseId))),
  addMilestone: (caseId: string, m: NewMilestone) =>
    body(client.POST('/api/cases/{id}/legal-milestones', { ...id(caseId), body: m })),
  checklist: (caseId: string) => body(client.GET('/api/cases/{id}/checklist', id(caseId))),
  setDone: (caseId: string, stage: string, item: string, done: boolean) =>
    nothing(
      client.PUT('/api/cases/{id}/checklist/{stage}/{item}', {
        params: { path: { id: caseId, stage, item } },
        body: { done },
      }),
    ),
  setStage: (caseId: string, stage: string, reason: string) =>
    nothing(client.PUT('/api/cases/{id}/stage', { ...id(caseId), body: { stage, reason } })),
  entered: (stage: string, from: string, to: string) =>
    body(client.GET('/api/stages/entered', { params: { query: { stage, from, to } } })),
  stages: (caseId: string) => body(client.GET('/api/cases/{id}/stages', id(caseId))),
  contacts: (caseId: string) => body(client.GET('/api/cases/{id}/contacts', id(caseId))),
  logContact: (caseId: string, c: ContactRequest) =>
    body(client.POST('/api/cases/{id}/contacts', { ...id(caseId), body: c })),
  correctContact: (caseId: string, entryId: string, c: ContactRequest) =>
    body(
      client.POST('/api/cases/{id}/contacts/{entryId}/corrections', {
        params: { path: { id: caseId, entryId } },
        body: c,
      }),
    ),
  evidence: (caseId: string) => body(client.GET('/api/cases/{id}/evidence', id(caseId))),
  upload: (caseId: string, file: File, contactId?: string, description?: string) =>
    uploadFile(
      `/api/cases/${enc(caseId)}/evidence?${queryString({ name: file.name, contactId, description })}`,
      file,
    ),
  evidenceUrl: (fileId: string) => `/api/evidence/${enc(fileId)}/content`,
  findings: (caseId: string) => body(client.GET('/api/cases/{id}/findings', id(caseId))),
  flags: (caseId: string) => body(client.GET('/api/cases/{id}/flags', id(caseId))),
  flagFinding: (caseId: string, findingKey: string) =>
    body(client.POST('/api/cases/{id}/flags', { ...id(caseId), body: { findingKey } })),
  raiseFlag: (caseId: string, f: FlagRequest) => body(client.POST('/api/cases/{id}/flags', { ...id(caseId), body: f })),
  dismissFlag: (flagId: string, reason: string, version: number) =>
    body(client.POST('/api/flags/{flagId}/dismissal', { params: { path: { flagId } }, body: { reason, version } })),
  incidents: (caseId: string) => body(client.GET('/api/cases/{id}/incidents', id(caseId))),
  reportIncident: (caseId: string, r: IncidentRequest) =>
    body(client.POST('/api/cases/{id}/incidents', { ...id(caseId), body: r })),
  bodies: () => body(client.GET('/api/complaint-bodies')),
  /** One page of the open complaints, drafts awaiting review first; the server counts them all. */
  complaintQueue: (page: number, size: number) => paged(client.GET('/api/complaints', pageQuery(page, size))),
  complaints: (caseId: string) => body(client.GET('/api/cases/{id}/complaints', id(caseId))),
  draftComplaint: (caseId: string, bodyCode: string, flagIds: string[], language: string) =>
    body(client.POST('/api/cases/{id}/complaints', { ...id(caseId), body: { bodyCode, flagIds, language } })),
  complaintStep: (complaintId: string, step: ComplaintStepName, s: ComplaintStep) => {
    const path = { params: { path: { complaintId } }, body: s };
    switch (step) {
      case 'text':
        return body(client.PUT('/api/complaints/{complaintId}/text', path));
      case 'review':
        return body(client.POST('/api/complaints/{complaintId}/review', path));
      case 'return':
        return body(client.POST('/api/complaints/{complaintId}/return', path));
      case 'filing':
        return body(client.POST('/api/complaints/{complaintId}/filing', path));
      case 'answer':
        return body(client.POST('/api/complaints/{complaintId}/answer', path));
      case 'closing':
        return body(client.POST('/api/complaints/{complaintId}/closing', path));
    }
  },
  bundleUrl: (complaintId: string, kind: 'pdf' | 'zip') => `/api/complaints/${enc(complaintId)}/bundle.${kind}`,
  budgets: (caseId: string) => body(client.GET('/api/cases/{id}/budget', id(caseId))),
  saveBudget: (caseId: string, b: BudgetRequest) =>
    body(client.POST('/api/cases/{id}/budget', { ...id(caseId), body: b })),
  plans: (caseId: string) => body(client.GET('/api/cases/{id}/plans', id(caseId))),
  propose: (caseId: string, p: ProposalRequest) =>
    body(client.POST('/api/cases/{id}/plans', { ...id(caseId), body: p })),
  affordability: (caseId: string) => body(client.GET('/api/cases/{id}/plans/affordability', id(caseId))),
  split: (caseId: string, amount: string, currency: string) =>
    body(client.GET('/api/cases/{id}/plans/split', { params: { path: { id: caseId }, query: { amount, currency } } })),
  agreePlan: (planId: string, agreedOn: string, agreementFileId: string, version: number) =>
    body(
      client.POST('/api/plans/{planId}/agreement', {
        params: { path: { planId } },
        body: { agreedOn, agreementFileId, version },
      }),
    ),
  payPlan: (planId: string, paidOn: string, amount: string, note: string, version: number) =>
    body(
      client.POST('/api/plans/{planId}/payments', { params: { path: { planId } }, body: { paidOn, amount, note, version } }),
    ),
  decidePlan: (planId: string, decision: 'APPROVE' | 'RETURN', note: string, version: number) =>
    body(client.POST('/api/plans/{planId}/approval', { params: { path: { planId } }, body: { decision, note, version } })),
  withdrawPlan: (planId: string, reason: string, version: number) =>
    body(client.POST('/api/plans/{planId}/withdrawal', { params: { path: { planId } }, body: { reason, version } })),
  breakPlan: (planId: string, reason: string, version: number) =>
    body(client.POST('/api/plans/{planId}/break', { params: { path: { planId } }, body: { reason, version } })),
  plansCsvUrl: (caseId: string) => `/api/cases/${enc(caseId)}/plans/export.csv`,
  /** Everything held about the client: data.json, summary.pdf in the language, files, SHA256SUMS. */
  exportUrl: (caseId: string, lang: string) => `/api/cases/${enc(caseId)}/export.zip?lang=${enc(lang)}`,
  paymentsCsvUrl: (caseId: string) => `/api/cases/${enc(caseId)}/plans/payments.csv`,
  /** One page of the open tasks, oldest first. */
  tasks: (page: number, size: number) => paged(client.GET('/api/tasks', pageQuery(page, size))),
  myDay: (quietDays: number) =>
    body(client.GET('/api/my-day', { params: { query: { quietDays: String(quietDays) } } })),
  dashboard: (days: number) => body(client.GET('/api/dashboard', { params: { query: { days: String(days) } } })),
  taskDone: (taskId: string) => nothing(client.POST('/api/tasks/{taskId}/done', { params: { path: { taskId } } })),
  /** One page of the supervisors' risk list. */
  risks: (page: number, size: number) => paged(client.GET('/api/plans/risks', pageQuery(page, size))),
  feed: (caseId: string) => body(client.GET('/api/cases/{id}/calendar', id(caseId))),
  createFeed: (caseId: string) => body(client.POST('/api/cases/{id}/calendar', id(caseId))),
  revokeFeed: (caseId: string) => nothing(client.DELETE('/api/cases/{id}/calendar', id(caseId))),
};
