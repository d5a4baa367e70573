// The API client. The session is an HttpOnly cookie the page cannot read; state-changing calls
// echo the XSRF-TOKEN cookie in a header (double-submit CSRF protection).

export interface FieldError {
  field: string;
  message: string;
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
  fieldError(field: string): string | undefined {
    return this.problem.errors.find((e) => e.field === field)?.message;
  }
}

export interface Me {
  id: string;
  username: string;
  name?: string;
  roles: string[];
}

export interface CaseView {
  id: string;
  clientName: string;
  status: string;
  stage: string;
  openedAt: string;
  counselorName: string;
  hasPortalLogin: boolean;
  version: number;
}

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

export interface StageCountView {
  counselorName: string;
  stage: string;
  cases: number;
}

export interface OpenedCase {
  caseFile: CaseView;
  portalUsername?: string;
  temporaryPassword?: string;
}

export interface AuditView {
  action: string;
  actorName: string;
  at: string;
  details: Record<string, string>;
}

export interface AmountOn {
  date: string;
  amount: string;
}

export interface DebtView {
  id: string;
  lenderId: string;
  lenderName: string;
  lenderKind: string;
  product?: string;
  currency: string;
  principal: string;
  interest: string;
  penaltyInterest: string;
  fees: string;
  total: string;
  repaid: string;
  outstanding: string;
  status: string;
  daysPastDue: number;
  stage: string;
  dues: AmountOn[];
  repayments: AmountOn[];
  planId?: string;
  planStatus?: string;
  version: number;
}

export interface LenderView {
  id: string;
  name: string;
  kind: string;
}

export interface PeriodView {
  stage: string;
  startedOn: string;
  endedOn?: string;
  reason: string;
  automatic: boolean;
  changedBy?: string;
}

export interface MilestoneView {
  kind: string;
  on: string;
  endedOn?: string;
}

export interface RecordView {
  phone?: string;
  email?: string;
  idNumberMasked?: string;
  householdNotes?: string;
  status: string;
  statusReason?: string;
  counselorId: string;
  counselorName: string;
  version: number;
}

export interface ChecklistView {
  stage: string;
  items: { key: string; done: boolean; doneBy?: string; doneAt?: string }[];
}

export interface NewDebt {
  lenderId: string;
  product: string;
  currency: string;
  principal: string;
  interest: string;
  penaltyInterest: string;
  fees: string;
  dues: AmountOn[];
}

export interface ContactView {
  id: string;
  at: string;
  localTime: string;
  zone: string;
  lenderId?: string;
  lenderName?: string;
  debtId?: string;
  agency?: string;
  collectorName?: string;
  collectorNumber?: string;
  direction: string;
  channel: string;
  contacted: string;
  contactedNumber?: string;
  conversation: boolean;
  summary: string;
  outcome?: string;
  followUp?: string;
  corrects?: string;
  correctionReason?: string;
  correctedBy?: string;
  recordedByName: string;
  recordedAt: string;
}

export interface ContactRequest {
  localTime: string;
  zone: string;
  lenderId?: string;
  debtId?: string;
  agency?: string;
  collectorName?: string;
  collectorNumber?: string;
  direction: string;
  channel: string;
  contacted: string;
  contactedNumber?: string;
  conversation: boolean;
  summary: string;
  outcome?: string;
  followUp?: string;
  reason?: string;
}

export interface EvidenceView {
  id: string;
  contactId?: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  description?: string;
  source: string;
  uploadedByName: string;
  uploadedAt: string;
}

export interface FindingView {
  key: string;
  rule: string;
  kind: string;
  description: string;
  entryIds: string[];
  from: string;
  to: string;
  flagged: boolean;
}

export interface FlagView {
  id: string;
  kind: string;
  source: string;
  rule?: string;
  description: string;
  from?: string;
  to?: string;
  contactIds: string[];
  evidenceIds: string[];
  status: string;
  dismissReason?: string;
  raisedByName: string;
  raisedAt: string;
  version: number;
}

export interface BodyView {
  code: string;
  nameZh: string;
  nameEn: string;
  contact?: string;
  answerDays: number;
}

export interface ComplaintView {
  id: string;
  caseId: string;
  bodyCode: string;
  flagIds: string[];
  text: string;
  status: string;
  draftedByName: string;
  draftedAt: string;
  reviewNote?: string;
  reviewedByName?: string;
  reviewedAt?: string;
  filedOn?: string;
  reference?: string;
  answerDue?: string;
  answeredOn?: string;
  answer?: string;
  closedOn?: string;
  closingNote?: string;
  overdue: boolean;
  version: number;
  clientName?: string;
  counselorName?: string;
}

export interface ComplaintStep {
  version: number;
  text?: string;
  note?: string;
  on?: string;
  reference?: string;
  answer?: string;
}

export interface BudgetLineView {
  kind: string;
  label: string;
  amount: string;
  essential: boolean;
}

export interface BudgetView {
  version: number;
  currency: string;
  incomes: BudgetLineView[];
  expenses: BudgetLineView[];
  assets: BudgetLineView[];
  note?: string;
  income: string;
  essentialExpenses: string;
  otherExpenses: string;
  afterEssentials: string;
  disposable: string;
  assetsTotal: string;
  liquidSavings: string;
  fundTargetLow: string;
  fundTargetHigh: string;
  recordedByName: string;
  recordedAt: string;
}

export interface BudgetRequest {
  basedOn: number;
  currency: string;
  incomes: { kind: string; label: string; amount: string }[];
  expenses: { kind: string; label: string; amount: string; essential: boolean }[];
  assets: { kind: string; label: string; amount: string }[];
  note: string;
}

export interface InstalmentView {
  number: number;
  dueOn: string;
  amount: string;
  paid: string;
  unpaid: string;
  state: string;
  paidInFullOn?: string;
  early: boolean;
  missedOn?: string;
}

export interface PlanView {
  id: string;
  caseId: string;
  kind: string;
  status: string;
  currency: string;
  debts: { debtId: string; label: string; outstanding: string; share: string }[];
  waivers: { kind: string; amount: string }[];
  balanceBefore: string;
  waived: string;
  agreedTotal: string;
  paid: string;
  remaining: string;
  terms: string;
  instalments: InstalmentView[];
  payments: { id: string; paidOn: string; amount: string; note?: string; recordedByName: string; recordedAt: string }[];
  next?: InstalmentView;
  missed: number;
  agreedOn?: string;
  agreementFileId?: string;
  statusReason?: string;
  statusOn?: string;
  createdByName: string;
  createdAt: string;
  version: number;
}

export interface AffordabilityView {
  hasBudget: boolean;
  budgetVersion?: number;
  disposable?: string;
  currency?: string;
  exceeds: boolean;
  months: { month: string; amount: string; over: boolean }[];
}

export interface ProposalRequest {
  kind: string;
  debtIds: string[];
  waivers: { kind: string; amount: string }[];
  agreedTotal: string;
  instalments: number;
  firstDue: string;
  terms: string;
}

export interface ShareView {
  debtId: string;
  label: string;
  outstanding: string;
  share: string;
}

export interface TaskView {
  id: string;
  caseId: string;
  clientName: string;
  counselorName: string;
  kind: string;
  planId?: string;
  instalment?: number;
  dueOn?: string;
  amount?: string;
  currency?: string;
  createdAt: string;
}

export interface RiskView {
  caseId: string;
  clientName: string;
  counselorName: string;
  planId: string;
  debts: string;
  status: string;
  missedUnpaid: number;
  oldestMissedDue?: string;
  unpaid: string;
  remaining: string;
  currency: string;
  statusOn?: string;
  statusReason?: string;
}

export interface FeedView {
  active: boolean;
  createdAt?: string;
  url?: string;
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

async function callNoContent(method: string, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  return (await response.json()) as T;
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
  return (await response.json()) as EvidenceView;
}

const enc = encodeURIComponent;

/** Query parameters from an object; empty values are left out. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(document.cookie, 'XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(await toProblem(response));
  return response;
}

export const api = {
  budgets: (caseId: string) => call<BudgetView[]>('GET', `/api/cases/${enc(caseId)}/budget`),
  saveBudget: (caseId: string, b: BudgetRequest) => call<BudgetView>('POST', `/api/cases/${enc(caseId)}/budget`, b),
  plans: (caseId: string) => call<PlanView[]>('GET', `/api/cases/${enc(caseId)}/plans`),
  propose: (caseId: string, p: ProposalRequest) =>
    call<{ plan: PlanView; affordability: AffordabilityView }>('POST', `/api/cases/${enc(caseId)}/plans`, p),
  affordability: (caseId: string) => call<AffordabilityView>('GET', `/api/cases/${enc(caseId)}/plans/affordability`),
  split: (caseId: string, amount: string, currency: string) =>
    call<ShareView[]>('GET', `/api/cases/${enc(caseId)}/plans/split?amount=${enc(amount)}&currency=${enc(currency)}`),
  agreePlan: (planId: string, agreedOn: string, agreementFileId: string, version: number) =>
    call<PlanView>('POST', `/api/plans/${enc(planId)}/agreement`, { agreedOn, agreementFileId, version }),
  payPlan: (planId: string, paidOn: string, amount: string, note: string, version: number) =>
    call<PlanView>('POST', `/api/plans/${enc(planId)}/payments`, { paidOn, amount, note, version }),
  withdrawPlan: (planId: string, reason: string, version: number) =>
    call<PlanView>('POST', `/api/plans/${enc(planId)}/withdrawal`, { reason, version }),
  breakPlan: (planId: string, reason: string, version: number) =>
    call<PlanView>('POST', `/api/plans/${enc(planId)}/break`, { reason, version }),
  plansCsvUrl: (caseId: string) => `/api/cases/${enc(caseId)}/plans/export.csv`,
  paymentsCsvUrl: (caseId: string) => `/api/cases/${enc(caseId)}/plans/payments.csv`,
  tasks: () => call<TaskView[]>('GET', '/api/tasks'),
  taskDone: (taskId: string) => callNoContent('POST', `/api/tasks/${enc(taskId)}/done`),
  risks: () => call<RiskView[]>('GET', '/api/plans/risks'),
  feed: (caseId: string) => call<FeedView>('GET', `/api/cases/${enc(caseId)}/calendar`),
  createFeed: (caseId: string) => call<FeedView>('POST', `/api/cases/${enc(caseId)}/calendar`),
  revokeFeed: (caseId: string) => callNoContent('DELETE', `/api/cases/${enc(caseId)}/calendar`),
  me: () => call<Me>('GET', '/api/me'),
  cases: (q?: string) =>
    call<CaseView[]>('GET', q ? `/api/cases?q=${encodeURIComponent(q)}` : '/api/cases'),
  /** One page of the caseload; the server counts how many match in all. */
  casePage: async (query: CaseQuery): Promise<CasePage> => {
    const response = await send('GET', `/api/cases?${queryString(query)}`);
    const cases = (await response.json()) as CaseView[];
    return { cases, total: Number(response.headers.get('X-Total-Count') ?? cases.length) };
  },
  /** The whole filtered caseload as CSV (the server streams it page by page). */
  caseloadCsvUrl: (query: Omit<CaseQuery, 'page' | 'size'>) => `/api/cases/export.csv?${queryString(query)}`,
  caseCounts: () => call<StageCountView[]>('GET', '/api/cases/counts'),
  record: (caseId: string) => call<RecordView>('GET', `/api/cases/${encodeURIComponent(caseId)}/record`),
  saveRecord: (
    caseId: string,
    r: { phone: string; email: string; idNumber: string | null; householdNotes: string; version: number },
  ) => call<RecordView>('PUT', `/api/cases/${encodeURIComponent(caseId)}/record`, r),
  revealId: (caseId: string) =>
    call<{ idNumber: string }>('POST', `/api/cases/${encodeURIComponent(caseId)}/id-number/reveal`),
  setStatus: (caseId: string, status: string, reason: string, version: number) =>
    call<RecordView>('PUT', `/api/cases/${encodeURIComponent(caseId)}/status`, { status, reason, version }),
  counselors: () => call<{ id: string; username: string }[]>('GET', '/api/counselors'),
  reassign: (caseId: string, counselorId: string, version: number) =>
    call<RecordView>('PUT', `/api/cases/${encodeURIComponent(caseId)}/counselor`, { counselorId, version }),
  case: (id: string) => call<CaseView>('GET', `/api/cases/${encodeURIComponent(id)}`),
  audit: (id: string) => call<AuditView[]>('GET', `/api/cases/${encodeURIComponent(id)}/audit`),
  lenders: () => call<LenderView[]>('GET', '/api/lenders'),
  addLender: (name: string, kind: string) => call<LenderView>('POST', '/api/lenders', { name, kind }),
  debts: (caseId: string) => call<DebtView[]>('GET', `/api/cases/${encodeURIComponent(caseId)}/debts`),
  addDebt: (caseId: string, debt: NewDebt) =>
    call<DebtView>('POST', `/api/cases/${encodeURIComponent(caseId)}/debts`, debt),
  repay: (debtId: string, paidOn: string, amount: string, version: number) =>
    call<DebtView>('POST', `/api/debts/${encodeURIComponent(debtId)}/repayments`, { paidOn, amount, version }),
  correctDebt: (
    debtId: string,
    d: { product: string; principal: string; interest: string; penaltyInterest: string; fees: string; version: number },
  ) => call<DebtView>('PUT', `/api/debts/${encodeURIComponent(debtId)}`, d),
  setDebtStatus: (debtId: string, status: string, version: number) =>
    call<DebtView>('PUT', `/api/debts/${encodeURIComponent(debtId)}/status`, { status, version }),
  milestones: (caseId: string) =>
    call<MilestoneView[]>('GET', `/api/cases/${encodeURIComponent(caseId)}/legal-milestones`),
  addMilestone: (caseId: string, m: MilestoneView) =>
    call<MilestoneView>('POST', `/api/cases/${encodeURIComponent(caseId)}/legal-milestones`, m),
  checklist: (caseId: string) =>
    call<ChecklistView>('GET', `/api/cases/${encodeURIComponent(caseId)}/checklist`),
  setDone: (caseId: string, stage: string, item: string, done: boolean) =>
    callNoContent('PUT', `/api/cases/${encodeURIComponent(caseId)}/checklist/${stage}/${item}`, { done }),
  setStage: (caseId: string, stage: string, reason: string) =>
    callNoContent('PUT', `/api/cases/${encodeURIComponent(caseId)}/stage`, { stage, reason }),
  entered: (stage: string, from: string, to: string) =>
    call<{ id: string; clientName: string; counselorName: string; stage: string }[]>(
      'GET',
      `/api/stages/entered?stage=${stage}&from=${from}&to=${to}`,
    ),
  stages: (caseId: string) => call<PeriodView[]>('GET', `/api/cases/${encodeURIComponent(caseId)}/stages`),
  openCase: (clientName: string, portalUsername: string, portalEmail: string) =>
    call<OpenedCase>('POST', '/api/cases', {
      clientName,
      portalLogin: portalUsername ? { username: portalUsername, email: portalEmail || null } : null,
    }),
  contacts: (caseId: string) => call<ContactView[]>('GET', `/api/cases/${enc(caseId)}/contacts`),
  logContact: (caseId: string, c: ContactRequest) =>
    call<ContactView>('POST', `/api/cases/${enc(caseId)}/contacts`, c),
  correctContact: (caseId: string, entryId: string, c: ContactRequest) =>
    call<ContactView>('POST', `/api/cases/${enc(caseId)}/contacts/${enc(entryId)}/corrections`, c),
  evidence: (caseId: string) => call<EvidenceView[]>('GET', `/api/cases/${enc(caseId)}/evidence`),
  upload: (caseId: string, file: File, contactId?: string, description?: string) =>
    uploadFile(
      `/api/cases/${enc(caseId)}/evidence?name=${enc(file.name)}` +
        (contactId ? `&contactId=${enc(contactId)}` : '') +
        (description ? `&description=${enc(description)}` : ''),
      file,
    ),
  evidenceUrl: (fileId: string) => `/api/evidence/${enc(fileId)}/content`,
  findings: (caseId: string) => call<FindingView[]>('GET', `/api/cases/${enc(caseId)}/findings`),
  flags: (caseId: string) => call<FlagView[]>('GET', `/api/cases/${enc(caseId)}/flags`),
  flagFinding: (caseId: string, findingKey: string) =>
    call<FlagView>('POST', `/api/cases/${enc(caseId)}/flags`, { findingKey }),
  raiseFlag: (
    caseId: string,
    f: { kind: string; description: string; from: string; to?: string; contactIds: string[]; evidenceIds: string[] },
  ) => call<FlagView>('POST', `/api/cases/${enc(caseId)}/flags`, f),
  dismissFlag: (flagId: string, reason: string, version: number) =>
    call<FlagView>('POST', `/api/flags/${enc(flagId)}/dismissal`, { reason, version }),
  incidents: (caseId: string) => call<FlagView[]>('GET', `/api/cases/${enc(caseId)}/incidents`),
  reportIncident: (
    caseId: string,
    r: { kind: string; description: string; happenedOn: string; evidenceIds: string[] },
  ) => call<FlagView>('POST', `/api/cases/${enc(caseId)}/incidents`, r),
  bodies: () => call<BodyView[]>('GET', '/api/complaint-bodies'),
  complaintQueue: () => call<ComplaintView[]>('GET', '/api/complaints'),
  complaints: (caseId: string) => call<ComplaintView[]>('GET', `/api/cases/${enc(caseId)}/complaints`),
  draftComplaint: (caseId: string, bodyCode: string, flagIds: string[], language: string) =>
    call<ComplaintView>('POST', `/api/cases/${enc(caseId)}/complaints`, { bodyCode, flagIds, language }),
  complaintStep: (complaintId: string, step: 'text' | 'review' | 'return' | 'filing' | 'answer' | 'closing', s: ComplaintStep) =>
    call<ComplaintView>(step === 'text' ? 'PUT' : 'POST', `/api/complaints/${enc(complaintId)}/${step}`, s),
  bundleUrl: (complaintId: string, kind: 'pdf' | 'zip') => `/api/complaints/${enc(complaintId)}/bundle.${kind}`,
};
