export { default as Caseload } from './components/Caseload';
export { default as CaseRecord } from './components/CaseRecord';
export { useAudit, useCase, useRecord } from './api/queries';
export { AuditDetails } from './components/AuditDetails';
export { default as AccessLog } from './components/AccessLog';
export { default as Erasure } from './components/Erasure';
