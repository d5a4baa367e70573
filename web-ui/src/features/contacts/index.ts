export { default as Contacts, zones } from './components/Contacts';
export { useContacts } from './api/queries';
