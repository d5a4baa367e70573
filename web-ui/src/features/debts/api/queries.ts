import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useDebts = (caseId: string, enabled = true) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'debts'), queryFn: () => api.debts(caseId), enabled });

export const useLenders = (enabled = true) => useQuery({ queryKey: ['lenders'], queryFn: api.lenders, enabled });

export const useMilestones = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'milestones'), queryFn: () => api.milestones(caseId) });
