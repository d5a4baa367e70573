import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const QUEUE_PAGE = 20;

export const useComplaintQueue = (page: number) =>
  useQuery({
    queryKey: ['complaint-queue', page],
    queryFn: () => api.complaintQueue(page, QUEUE_PAGE),
    placeholderData: keepPreviousData,
  });

export const useBodies = () => useQuery({ queryKey: ['complaint-bodies'], queryFn: api.bodies, staleTime: Infinity });

export const useFindings = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'findings'), queryFn: () => api.findings(caseId) });

export const useFlags = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'flags'), queryFn: () => api.flags(caseId) });

export const useComplaints = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'complaints'), queryFn: () => api.complaints(caseId) });
