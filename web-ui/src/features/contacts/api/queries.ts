import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useContacts = (caseId: string, enabled = true) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'contacts'), queryFn: () => api.contacts(caseId), enabled });
