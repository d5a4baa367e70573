export { default as Budget } from './components/Budget';
export { default as Plans } from './components/Plans';
export { Risks, Tasks } from './components/Work';
export { usePlans } from './api/queries';
