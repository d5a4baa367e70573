import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

/** The client's own cases (a client usually has one). */
export const useMyCases = () => useQuery({ queryKey: ['my-cases'], queryFn: () => api.casePage({ page: 0, size: 20 }) });

export const useIncidents = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'incidents'), queryFn: () => api.incidents(caseId) });
