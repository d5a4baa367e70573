export { default as Directory } from './components/Directory';
export { useKnownNumber } from './api/queries';
