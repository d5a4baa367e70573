import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useEvidence = (caseId: string, enabled = true) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'evidence'), queryFn: () => api.evidence(caseId), enabled });
