export { default as Contacts } from './components/Contacts';
export { useContacts } from './api/queries';
