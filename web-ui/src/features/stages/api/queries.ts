import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useChecklist = (caseId: string, stage: string) =>
  useQuery({ queryKey: [...keys.ofCase(caseId, 'checklist'), stage], queryFn: () => api.checklist(caseId) });

export const useStagePeriods = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'stages'), queryFn: () => api.stages(caseId) });
