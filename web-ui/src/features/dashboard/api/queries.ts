import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';

export const useDashboard = (days: number) =>
  useQuery({ queryKey: ['dashboard', days], queryFn: () => api.dashboard(days) });
