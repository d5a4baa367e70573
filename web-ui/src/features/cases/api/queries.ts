import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type CaseQuery } from '../../../lib/api/client';
import { keys } from '../../../lib/query';

export const useCase = (caseId: string) => useQuery({ queryKey: keys.case(caseId), queryFn: () => api.case(caseId) });

export const useRecord = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'record'), queryFn: () => api.record(caseId) });

export const useAudit = (caseId: string, enabled: boolean) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'audit'), queryFn: () => api.audit(caseId), enabled });

/** One page of the case's access log; the current page stays on screen while the next loads. */
export const useAccessLog = (caseId: string, page: number, size: number, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.ofCase(caseId, 'access'), page, size],
    queryFn: () => api.accessLog(caseId, page, size),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useCounselors = (enabled: boolean) =>
  useQuery({ queryKey: ['counselors'], queryFn: api.counselors, enabled });

/** One page of cases; while the next page loads, the current one stays on screen. */
export const useCasePage = (query: CaseQuery) =>
  useQuery({ queryKey: ['cases', query], queryFn: () => api.casePage(query), placeholderData: keepPreviousData });

export const useCaseCounts = (enabled: boolean) =>
  useQuery({ queryKey: ['case-counts'], queryFn: api.caseCounts, enabled });

export const useEntered = (stage: string, from: string, to: string) =>
  useQuery({ queryKey: ['entered', stage, from, to], queryFn: () => api.entered(stage, from, to) });

export const useOpenErasure = (caseId: string) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'erasure'), queryFn: () => api.openErasure(caseId) });

export const useLegalHold = (caseId: string, enabled: boolean) =>
  useQuery({ queryKey: keys.ofCase(caseId, 'legal-hold'), queryFn: () => api.legalHold(caseId), enabled });
