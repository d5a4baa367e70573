import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useBudgets = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'budgets'), queryFn: () => api.budgets(caseId) });

export const usePlans = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'plans'), queryFn: () => api.plans(caseId) });

export const useAffordability = (caseId: string, enabled: boolean) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'affordability'), queryFn: () => api.affordability(caseId), enabled });

export const useFeed = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'feed'), queryFn: () => api.feed(caseId) });

/** The lists on the caseload page show this many rows a page. */
export const WORK_PAGE = 10;

export const useTasks = (page: number) =>
  useQuery({ queryKey: ['tasks', page], queryFn: () => api.tasks(page, WORK_PAGE), placeholderData: keepPreviousData });

export const useRisks = (page: number) =>
  useQuery({ queryKey: ['risks', page], queryFn: () => api.risks(page, WORK_PAGE), placeholderData: keepPreviousData });
