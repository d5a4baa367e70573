import { useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api/client';

export const useDashboard = (days: number) =>
  useQuery({
    queryKey: ['dashboard', days],
    queryFn: async () => (await client.GET('/api/dashboard', { params: { query: { days: String(days) } } })).data!,
  });
