import { createContext, useContext } from 'react';
import type { Me } from './api';
import { translate, type Key, type Lang } from './i18n';

export interface AppState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  me: Me | null;
}

export const AppContext = createContext<AppState>({ lang: 'zh-CN', setLang: () => {}, me: null });

export function useApp() {
  const state = useContext(AppContext);
  const t = (key: Key | string) => translate(state.lang, key);
  return { ...state, t };
}
