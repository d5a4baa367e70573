import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useReviews = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'reviews'), queryFn: () => api.reviews(caseId) });
