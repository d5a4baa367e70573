import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useWellbeing = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'wellbeing'), queryFn: () => api.wellbeing(caseId) });

export const useReferrals = () => useQuery({ queryKey: ['referrals'], queryFn: api.referrals, staleTime: Infinity });
