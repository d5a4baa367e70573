export { default as Reviews } from './components/Reviews';
