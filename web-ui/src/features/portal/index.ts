export { default as MyCase } from './components/MyCase';
