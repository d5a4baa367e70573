import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useComplaintQueue = () => useQuery({ queryKey: ['complaint-queue'], queryFn: api.complaintQueue });

export const useBodies = () => useQuery({ queryKey: ['complaint-bodies'], queryFn: api.bodies, staleTime: Infinity });

export const useFindings = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'findings'), queryFn: () => api.findings(caseId) });

export const useFlags = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'flags'), queryFn: () => api.flags(caseId) });

export const useComplaints = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'complaints'), queryFn: () => api.complaints(caseId) });
