export { default as Staff } from './components/Staff';
