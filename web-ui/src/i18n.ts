// UI texts in Simplified Chinese and English. Every key exists in both (a test checks).
export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];

const zhCN = {
  'app.name': '清途 Clearpath',
  'app.tagline': '为公益债务咨询师打造的个案管理',
  'lang.label': '语言',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.loginFailed': '登录没有成功，请重试。',
  'auth.signedInAs': '当前用户',
  'role.counselor': '咨询师',
  'role.supervisor': '督导',
  'role.client': '来访者',
  'cases.mine': '我的个案',
  'cases.all': '全部个案',
  'cases.empty': '还没有个案。为第一位来访者新建一个吧。',
  'cases.emptyAll': '目前没有任何个案。',
  'cases.client': '来访者',
  'cases.status': '状态',
  'cases.openedAt': '建档时间',
  'cases.counselor': '咨询师',
  'cases.portal': '来访者账号',
  'cases.open': '打开',
  'case.new': '新建个案',
  'case.clientName': '来访者姓名',
  'case.portalUsername': '来访者登录名（可选）',
  'case.portalEmail': '来访者邮箱（可选）',
  'case.portalHint': '填写登录名后，系统会为来访者创建账号，并显示一次性临时密码。',
  'case.create': '建档',
  'case.creating': '正在建档…',
  'case.created': '个案已建立。',
  'case.tempPassword': '请把这个一次性临时密码交给来访者（只显示这一次，首次登录时须修改）：',
  'case.notFound': '找不到这个个案，或者您无权查看。',
  'case.back': '返回个案列表',
  'case.audit': '变更记录',
  'case.auditEmpty': '暂无记录。',
  'case.yes': '有',
  'case.no': '无',
  'my.title': '我的个案',
  'my.none': '您的账号还没有关联个案。请联系您的咨询师。',
  'my.counselor': '负责咨询师',
  'my.next': '接下来会怎样',
  'my.nextText': '您的咨询师会与您一起核实每一笔欠款，并与贷款方沟通。有任何催收联系，请记下时间和内容。',
  'status.OPEN': '进行中',
  'status.IN_NEGOTIATION': '协商中',
  'status.PLAN_ACTIVE': '还款计划执行中',
  'status.RESOLVED': '已解决',
  'status.CLOSED': '已结案',
  'audit.case.opened': '建立个案',
  'error.generic': '出了点问题，请稍后再试。',
  'error.forbidden': '您没有权限执行此操作。',
  'loading': '加载中…',
} as const;

export type Key = keyof typeof zhCN;

const en: Record<Key, string> = {
  'app.name': 'Clearpath',
  'app.tagline': 'Case management for nonprofit debt counselors',
  'lang.label': 'Language',
  'auth.login': 'Log in',
  'auth.logout': 'Log out',
  'auth.loginFailed': 'The login did not succeed. Please try again.',
  'auth.signedInAs': 'Signed in as',
  'role.counselor': 'Counselor',
  'role.supervisor': 'Supervisor',
  'role.client': 'Client',
  'cases.mine': 'My cases',
  'cases.all': 'All cases',
  'cases.empty': 'No cases yet. Open one for your first client.',
  'cases.emptyAll': 'There are no cases yet.',
  'cases.client': 'Client',
  'cases.status': 'Status',
  'cases.openedAt': 'Opened',
  'cases.counselor': 'Counselor',
  'cases.portal': 'Client login',
  'cases.open': 'Open',
  'case.new': 'New case',
  'case.clientName': "Client's name",
  'case.portalUsername': 'Client login username (optional)',
  'case.portalEmail': "Client's email (optional)",
  'case.portalHint':
    'With a username, Clearpath creates a login for the client and shows a one-time temporary password.',
  'case.create': 'Open case',
  'case.creating': 'Opening…',
  'case.created': 'The case is open.',
  'case.tempPassword':
    'Give this one-time temporary password to the client (shown only now; it must be changed at first login):',
  'case.notFound': 'This case does not exist or you may not see it.',
  'case.back': 'Back to the cases',
  'case.audit': 'Changes',
  'case.auditEmpty': 'Nothing recorded yet.',
  'case.yes': 'Yes',
  'case.no': 'No',
  'my.title': 'My case',
  'my.none': 'Your login is not linked to a case yet. Please contact your counselor.',
  'my.counselor': 'Your counselor',
  'my.next': 'What happens next',
  'my.nextText':
    'Your counselor will check every debt with you and talk to the lenders. Whenever a collector contacts you, note the time and what was said.',
  'status.OPEN': 'Open',
  'status.IN_NEGOTIATION': 'In negotiation',
  'status.PLAN_ACTIVE': 'Plan active',
  'status.RESOLVED': 'Resolved',
  'status.CLOSED': 'Closed',
  'audit.case.opened': 'Case opened',
  'error.generic': 'Something went wrong. Please try again later.',
  'error.forbidden': 'You may not do this.',
  loading: 'Loading…',
};

export const dictionaries: Record<Lang, Record<Key, string>> = { 'zh-CN': zhCN, en };

export function translate(lang: Lang, key: string): string {
  const dict = dictionaries[lang] as Record<string, string>;
  return dict[key] ?? (dictionaries.en as Record<string, string>)[key] ?? key;
}

/** The language to start with: the saved choice, else the browser's, else Chinese. */
export function initialLang(saved: string | null, browser: readonly string[]): Lang {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** An instant (UTC from the API) shown in the user's own time zone and language. */
export function formatInstant(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}
