import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Layout, Segmented, Space, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError, api, readCookie, type Me } from '../lib/api/client';
import { LANGS, type Lang } from '../lib/i18n';
import { AppContext, isStaff, useApp } from '../lib/session';
import { Providers, makeQueryClient, useLanguage } from './providers';

// pages other than the caseload load when first opened
const CasePage = lazy(() => import('./routes/CasePage'));
const ReviewQueue = lazy(() => import('../features/harassment').then((m) => ({ default: m.ReviewQueue })));
const Caseload = lazy(() => import('../features/cases').then((m) => ({ default: m.Caseload })));
const MyDay = lazy(() => import('../features/my-day').then((m) => ({ default: m.MyDay })));
const Dashboard = lazy(() => import('../features/dashboard').then((m) => ({ default: m.Dashboard })));
const Staff = lazy(() => import('../features/staff').then((m) => ({ default: m.Staff })));
const Directory = lazy(() => import('../features/directory').then((m) => ({ default: m.Directory })));
const MyCase = lazy(() => import('../features/portal').then((m) => ({ default: m.MyCase })));

export default function App() {
  const { lang, setLang } = useLanguage();
  const [client] = useState(makeQueryClient);
  return (
    <Providers lang={lang} client={client}>
      <Session lang={lang} setLang={setLang} />
    </Providers>
  );
}

function Session({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const me = useQuery({
    queryKey: ['me'],
    queryFn: api.me,
    staleTime: Infinity,
  });
  const anonymous = me.error instanceof ApiError && me.error.status === 401;
  const signedIn = me.data ?? null;
  return (
    <AppContext.Provider value={{ lang, setLang, me: signedIn }}>
      <Layout className="shell">
        <Header />
        <Layout.Content className="content">
          <main>
            {me.isPending ? (
              <Loading />
            ) : signedIn ? (
              <SignedIn me={signedIn} />
            ) : anonymous ? (
              <Landing />
            ) : (
              <Unavailable retry={() => void me.refetch()} />
            )}
          </main>
        </Layout.Content>
      </Layout>
    </AppContext.Provider>
  );
}

function Loading() {
  const { t } = useApp();
  return (
    <div className="muted" role="status">
      <Spin size="small" /> {t('loading')}
    </div>
  );
}

function Unavailable({ retry }: { retry: () => void }) {
  const { t } = useApp();
  return (
    <Alert
      type="warning"
      showIcon
      message={t('error.generic')}
      action={
        <Button type="primary" onClick={retry}>
          {t('retry')}
        </Button>
      }
    />
  );
}

function Header() {
  const { t, lang, setLang, me } = useApp();
  return (
    <Layout.Header className="topbar">
      <a className="brand" href="/">
        {t('app.name')}
      </a>
      <Space className="topbar-right" wrap size="middle">
        <Segmented<Lang>
          data-testid="lang-switch"
          aria-label={t('lang.label')}
          value={lang}
          onChange={setLang}
          options={LANGS.map((l) => ({ value: l, label: l === 'zh-CN' ? '中文' : 'English' }))}
        />
        {me && (
          <>
            {isStaff(me) && (
              <>
                <Link to="/" data-testid="nav-day">
                  {t('nav.day')}
                </Link>
                <Link to="/cases" data-testid="nav-cases">
                  {t('nav.cases')}
                </Link>
                {me.roles.includes('supervisor') && (
                  <Link to="/dashboard" data-testid="nav-dashboard">
                    {t('nav.dashboard')}
                  </Link>
                )}
                <Link to="/complaints" data-testid="nav-complaints">
                  {t('queue.link')}
                </Link>
                <Link to="/directory" data-testid="nav-directory">
                  {t('nav.directory')}
                </Link>
                {me.roles.includes('admin') && (
                  <Link to="/staff" data-testid="nav-staff">
                    {t('nav.staff')}
                  </Link>
                )}
              </>
            )}
            <span className="who" data-testid="who">
              {t('auth.signedInAs')} <strong>{me.name ?? me.username}</strong> ·{' '}
              {me.roles.map((r) => t(`role.${r}`)).join(', ')}
            </span>
            {/* a form POST carrying the CSRF token: a link elsewhere cannot log anyone out */}
            <form method="post" action="/auth/logout" className="logout-form">
              <input type="hidden" name="csrf" value={readCookie(document.cookie, 'XSRF-TOKEN') ?? ''} />
              <button type="submit" className="button secondary" data-testid="logout">
                {t('auth.logout')}
              </button>
            </form>
          </>
        )}
      </Space>
    </Layout.Header>
  );
}

function Landing() {
  const { t } = useApp();
  const failed = useLocation().pathname === '/login-failed';
  return (
    <section className="landing">
      <h1>{t('app.name')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      {failed && <Alert type="error" showIcon message={t('auth.loginFailed')} />}
      <a className="button" href="/oauth/login/keycloak" data-testid="login">
        {t('auth.login')}
      </a>
    </section>
  );
}

function SignedIn({ me }: { me: Me }) {
  const staff = isStaff(me);
  const supervisor = me.roles.includes('supervisor');
  const home = staff ? <MyDay /> : me.roles.includes('client') ? <Navigate to="/my-case" replace /> : <NoRole />;
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
      <Route path="/" element={home} />
      <Route path="/my-day" element={staff ? <MyDay /> : <Navigate to="/" replace />} />
      <Route path="/cases" element={staff ? <Caseload /> : <Navigate to="/" replace />} />
      <Route path="/cases/:id" element={<CasePage />} />
      <Route path="/my-case" element={<MyCase />} />
 <Route path="/dashboard" element={supervisor ? <Dashboard /> : <Navigate to="/" replace />} />
      <Route path="/complaints" element={staff ? <ReviewQueue /> : <Navigate to="/" replace />} />
      <Route path="/directory" element={staff ? <Directory /> : <Navigate to="/" replace />} />
      <Route path="/staff" element={me?.roles.includes('admin') ? <Staff /> : <Navigate to="/" replace />} />
      <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}

function NoRole() {
  const { t } = useApp();
  return <Alert type="error" showIcon message={t('error.forbidden')} />;
}
