import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiError, onEveryChange, onSessionEnded } from '../lib/api/client';
import { initialLang, startI18n, type Lang } from '../lib/i18n';

/** Retries answers that may be passing (network, 5xx) twice; a 4xx is the answer. */
export function retryable(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 2;
}

export function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: retryable, staleTime: 10_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  // after any change, what the page shows is fetched again (see onEveryChange)
  onEveryChange(() => void client.invalidateQueries());
  // a session that ended (expired, or the account disabled): who is logged in is asked again,
  // which shows the login
  onSessionEnded(() => void client.resetQueries({ queryKey: ['me'] }));
  return client;
}

export function useLanguage() {
  const [lang, setLangState] = useState<Lang>(() =>
    initialLang(localStorage.getItem('clearpath.lang'), navigator.languages ?? []),
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  }, [lang]);
  const setLang = (next: Lang) => {
    localStorage.setItem('clearpath.lang', next);
    setLangState(next);
  };
  return { lang, setLang };
}

export function Providers({ lang, children, client }: { lang: Lang; children: ReactNode; client: QueryClient }) {
  const i18n = startI18n(lang);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <ConfigProvider
          locale={lang === 'zh-CN' ? zhCN : enUS}
          theme={{
            // every text at least 4.5:1 against its background (axe's color-contrast rule)
            token: {
              colorPrimary: '#1f6f5c',
              colorLink: '#0b57d0',
              colorTextDescription: 'rgba(0, 0, 0, 0.65)',
              colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
              colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
              colorError: '#b3261e',
              borderRadius: 6,
            },
          }}
        >
          <AntApp>{children}</AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
