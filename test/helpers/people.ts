import type { Sender } from './activities.js';

// Teams senders for the staff of test/fixtures/http/small-service.json (and the admin and head of
// service that several specs add to it): one definition for every bot-over-HTTP spec.
export const alex: Sender = { id: '29:alex', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
export const sian: Sender = {
  id: '29:sian',
  name: 'Sian Howells',
  aadObjectId: '00000000-0000-0000-0000-0000000000b1',
};
export const catrin: Sender = {
  id: '29:catrin',
  name: 'Catrin Morgan',
  aadObjectId: '00000000-0000-0000-0000-0000000000c1',
};
export const owen: Sender = {
  id: '29:owen',
  name: 'Owen Jenkins',
  aadObjectId: '00000000-0000-0000-0000-0000000000c2',
};
export const dafydd: Sender = {
  id: '29:dafydd',
  name: 'Dafydd Thomas',
  aadObjectId: '00000000-0000-0000-0000-0000000000d1',
};
export const ceri: Sender = { id: '29:ceri', name: 'Ceri Davies', aadObjectId: '00000000-0000-0000-0000-0000000000e1' };
export const admin: Sender = {
  id: '29:tomos',
  name: 'Tomos Bevan',
  aadObjectId: '00000000-0000-0000-0000-0000000000ad',
};
