// A record the store could not find or that changed meanwhile (src/store/repositories, issue 13).
export const errorsStoreEn = {
  'errors.store.child-not-found': 'child {ref} not found',
  'errors.store.child-changed': '{ref} was changed by {name} meanwhile; nothing was saved: open it again',
  'errors.store.staff-not-found': 'staff {id} not found',
} as const;
