import { useQuery } from '@tanstack/react-query';
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

export const useTasks = () => useQuery({ queryKey: ['tasks'], queryFn: api.tasks });

export const useRisks = () => useQuery({ queryKey: ['risks'], queryFn: api.risks });
