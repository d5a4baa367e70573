export { default as MyDay } from './components/MyDay';
