export { default as Harassment, FLAG_KINDS } from './components/Harassment';
export { default as ReviewQueue } from './components/ReviewQueue';
export { useBodies, useComplaints, useFindings, useFlags } from './api/queries';
