// Cofnod na ddaeth y storfa o hyd iddo neu a newidiodd yn y cyfamser: the same keys as en/errors-store.ts.
import type { errorsStoreEn } from '../en/errors-store.js';

export const errorsStoreCy: Readonly<Record<keyof typeof errorsStoreEn, string>> = {
  'errors.store.child-not-found': "ni ddaethpwyd o hyd i'r plentyn {ref}",
  'errors.store.child-changed': 'newidiwyd {ref} gan {name} yn y cyfamser; ni chadwyd dim: agorwch ef eto',
  'errors.store.staff-not-found': "ni ddaethpwyd o hyd i'r aelod staff {id}",
};
