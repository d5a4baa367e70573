export { default as Wellbeing } from './components/Wellbeing';
export { useWellbeing } from './api/queries';
