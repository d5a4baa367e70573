/** Query keys: everything of one case sits under ['case', id]. */
export const keys = {
  case: (caseId: string) => ['case', caseId] as const,
  ofCase: (caseId: string, what: string) => ['case', caseId, what] as const,
};
