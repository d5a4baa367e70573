import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';

export const DIRECTORY_PAGE = 20;
export type DirectoryKind = 'AGENCY' | 'NUMBER';

export const useDirectory = (kind: DirectoryKind, q: string, page: number, size = DIRECTORY_PAGE) =>
  useQuery({
    queryKey: ['directory', kind, q, page, size],
    queryFn: () => api.directory(kind, q, page, size),
    placeholderData: keepPreviousData,
  });

export const useReached = (entryId: string, page: number) =>
  useQuery({
    queryKey: ['directory-cases', entryId, page],
    queryFn: () => api.reached(entryId, page, DIRECTORY_PAGE),
    placeholderData: keepPreviousData,
  });

export const useMerges = (enabled: boolean) => useQuery({ queryKey: ['directory-merges'], queryFn: api.merges, enabled });

/** What the office knows of a collector's number, once it looks like a whole number. */
export const useKnownNumber = (number: string) => {
  const digits = number.replace(/[^0-9]/g, '');
  return useQuery({
    queryKey: ['directory-known', digits],
    queryFn: () => api.knownNumber(number),
    enabled: digits.length >= 5,
    staleTime: 60_000,
  });
};
