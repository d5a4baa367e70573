export { default as Dashboard } from './components/Dashboard';
