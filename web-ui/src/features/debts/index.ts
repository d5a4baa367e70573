export { default as Debts } from './components/Debts';
export { default as LegalSteps } from './components/LegalSteps';
export { useDebts, useLenders } from './api/queries';
