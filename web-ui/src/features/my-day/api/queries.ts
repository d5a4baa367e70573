import { useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api/client';

export const useMyDay = (quietDays: number) =>
  useQuery({
    queryKey: ['my-day', quietDays],
    queryFn: async () => (await client.GET('/api/my-day', { params: { query: { quietDays: String(quietDays) } } })).data!,
  });
