import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError, api, type Me } from './api';
import { AppContext, useApp } from './context';
import { LANGS, initialLang, type Lang } from './i18n';
import CasePage from './pages/CasePage';
import Caseload from './pages/Caseload';
import MyCase from './pages/MyCase';
import ReviewQueue from './pages/ReviewQueue';

type Session = { state: 'loading' } | { state: 'anonymous' } | { state: 'in'; me: Me };

export default function App() {
  const [lang, setLangState] = useState<Lang>(() =>
    initialLang(localStorage.getItem('clearpath.lang'), navigator.languages ?? []),
  );
  const [session, setSession] = useState<Session>({ state: 'loading' });

  const setLang = (next: Lang) => {
    localStorage.setItem('clearpath.lang', next);
    setLangState(next);
  };

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    api
      .me()
      .then((me) => setSession({ state: 'in', me }))
      .catch((e) => {
        if (e instanceof ApiError && e.problem.status === 401) setSession({ state: 'anonymous' });
        else setSession({ state: 'anonymous' });
      });
  }, []);

  const me = session.state === 'in' ? session.me : null;
  return (
    <AppContext.Provider value={{ lang, setLang, me }}>
      <Header />
      <main>
        {session.state === 'loading' ? <Loading /> : me ? <SignedIn me={me} /> : <Landing />}
      </main>
    </AppContext.Provider>
  );
}

function Loading() {
  const { t } = useApp();
  return <p className="muted">{t('loading')}</p>;
}

function Header() {
  const { t, lang, setLang, me } = useApp();
  return (
    <header className="topbar">
      <a className="brand" href="/">
        {t('app.name')}
      </a>
      <div className="topbar-right">
        <label className="lang">
          <span className="sr-only">{t('lang.label')}</span>
          <select
            data-testid="lang-switch"
            aria-label={t('lang.label')}
            value={lang}
            onChange={(e) => setLang(e.target.value as Lang)}
          >
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l === 'zh-CN' ? '中文' : 'English'}
              </option>
            ))}
          </select>
        </label>
        {me && (
          <>
            {(me.roles.includes('counselor') || me.roles.includes('supervisor')) && (
              <>
                <a href="/" data-testid="nav-cases">
                  {t('nav.cases')}
                </a>
                <a href="/complaints" data-testid="nav-complaints">
                  {t('queue.link')}
                </a>
              </>
            )}
            <span className="who" data-testid="who">
              {t('auth.signedInAs')} <strong>{me.name ?? me.username}</strong> ·{' '}
              {me.roles.map((r) => t(`role.${r}`)).join(', ')}
            </span>
            <a className="button secondary" href="/auth/logout" data-testid="logout">
              {t('auth.logout')}
            </a>
          </>
        )}
      </div>
    </header>
  );
}

function Landing() {
  const { t } = useApp();
  const failed = useLocation().pathname === '/login-failed';
  return (
    <section className="landing">
      <h1>{t('app.name')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      {failed && <p className="error">{t('auth.loginFailed')}</p>}
      <a className="button" href="/oauth/login/keycloak" data-testid="login">
        {t('auth.login')}
      </a>
    </section>
  );
}

function SignedIn({ me }: { me: Me }) {
  const staff = me.roles.includes('counselor') || me.roles.includes('supervisor');
  const home = staff ? <Caseload /> : me.roles.includes('client') ? <Navigate to="/my-case" replace /> : <NoRole />;
  return (
    <Routes>
      <Route path="/" element={home} />
      <Route path="/cases" element={home} />
      <Route path="/cases/:id" element={<CasePage />} />
      <Route path="/my-case" element={<MyCase />} />
      <Route path="/complaints" element={staff ? <ReviewQueue /> : <Navigate to="/" replace />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

function NoRole() {
  const { t } = useApp();
  return <p className="error">{t('error.forbidden')}</p>;
}
