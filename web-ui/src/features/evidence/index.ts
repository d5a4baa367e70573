export { default as Evidence, fileSize } from './components/Evidence';
export { useEvidence } from './api/queries';
