import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from './api/client';
import type { CodedKey, Key, Lang } from './i18n';

export interface AppState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  me: Me | null;
}

export const AppContext = createContext<AppState>({ lang: 'zh-CN', setLang: () => {}, me: null });

export type Translate = (key: Key | CodedKey, params?: Record<string, string | number>) => string;

/** The signed-in user, the language and its texts. */
export function useApp() {
  const state = useContext(AppContext);
  const { t: text } = useTranslation();
  const t: Translate = (key, params) => (params ? text(key as Key, params) : text(key as Key)) as string;
  return { ...state, t };
}

export function isStaff(me: Me | null): boolean {
  return !!me && (me.roles.includes('counselor') || me.roles.includes('supervisor'));
}
