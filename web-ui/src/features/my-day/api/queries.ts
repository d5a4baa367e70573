import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';

export const useMyDay = (quietDays: number) =>
  useQuery({ queryKey: ['my-day', quietDays], queryFn: () => api.myDay(quietDays) });
