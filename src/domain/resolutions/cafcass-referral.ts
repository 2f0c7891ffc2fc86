// Cafcass referral: the nominated senior officer must have been notified first, always; referring
// before stage 5 has been reached is "cutting the process short" and needs the IRO's reason too.
// After the referral the IRO gathers the referral pack, item by item.
import { hasRole, LADDER_ROLES } from '../access.js';
import { AppError } from '../errors.js';
import type { Staff } from '../types.js';
import type { CaseOf, People } from './addressees.js';
import { AlreadyDone, assertCurrent, assertIro, describeStamp, requiredText, type TransitionInput } from './guards.js';
import { currentStage, REFERRAL_ITEMS, type Resolution, type Stamp } from './records.js';
import { LAST_STAGE } from './stages.js';

/** Nominated senior officer for Cafcass referral notices (one per service). */
export function nominatedSeniorOfficer(people: People): Staff | null {
  const found = [...people.values()]
    .filter((s) => s.nominatedSeniorOfficer && hasRole(s, ...LADDER_ROLES, 'team-manager'))
    .sort((a, b) => a.id.localeCompare(b.id));
  return found[0] ?? [...people.values()].find((s) => s.nominatedSeniorOfficer) ?? null;
}

export function notifySeniorOfficer(r: Resolution, o: TransitionInput & { people: People; note: string }): Resolution {
  assertCurrent(r, undefined, o.table);
  assertIro(o, 'notify the senior officer');
  if (r.seniorOfficerNotice) {
    throw new AlreadyDone(
      `the senior officer was already notified by ${describeStamp(r.seniorOfficerNotice)}; nothing was changed`,
      'officer-notified',
      r.seniorOfficerNotice,
    );
  }
  const officer = nominatedSeniorOfficer(o.people);
  if (!officer)
    throw new AppError(
      'invalid-input',
      'no nominated senior officer is marked in the staff directory; ask your administrator',
      {},
      { key: 'errors.resolution.no-senior-officer' },
    );
  const note = requiredText(
    o.note,
    'a note for the senior officer',
    2000,
    'Say why a Cafcass referral is being considered',
  );
  return { ...r, seniorOfficerNotice: { ...o.stamp, officerId: officer.id, note } };
}

/** Cafcass referral: only after the senior officer notice; before stage 5 (cutting short) with a reason. */
export function refer(r: Resolution, o: TransitionInput & { cutShortReason?: string | null }): Resolution {
  assertCurrent(r, undefined, o.table);
  assertIro(o, 'refer this resolution to Cafcass');
  if (!r.seniorOfficerNotice) {
    throw new AppError(
      'invalid-input',
      'notify the nominated senior officer before recording a Cafcass referral',
      {
        example: 'Press "Notify senior officer" first',
      },
      { key: 'errors.resolution.notify-senior-first' },
    );
  }
  const cutShort = referralCutsShort(r);
  const reason = (o.cutShortReason ?? '').trim();
  if (cutShort && !reason) {
    throw new AppError(
      'invalid-input',
      `the process has not reached stage ${LAST_STAGE}: say why it is being cut short`,
      {
        example: 'Give the reason for referring now',
      },
      { key: 'errors.resolution.cut-short-why', params: { stage: LAST_STAGE } },
    );
  }
  return {
    ...r,
    status: 'referred',
    referral: {
      ...o.stamp,
      cutShortReason: cutShort ? reason.slice(0, 2000) : null,
      items: REFERRAL_ITEMS.map((i) => ({ id: i.id, gathered: null })),
    },
  };
}

export function gatherReferralItem(
  r: Resolution,
  o: { actor: Staff; child: CaseOf; stamp: Stamp; item: string },
): Resolution {
  assertIro(o, 'update the referral pack');
  if (r.status !== 'referred' || !r.referral)
    throw new AppError(
      'invalid-input',
      'this resolution has not been referred to Cafcass',
      {},
      { key: 'errors.resolution.not-referred' },
    );
  const item = r.referral.items.find((i) => i.id === o.item);
  if (!item)
    throw new AppError(
      'invalid-input',
      'that is not an item of the referral pack',
      {},
      { key: 'errors.resolution.not-pack-item' },
    );
  if (item.gathered)
    throw new AlreadyDone(
      `already marked as gathered by ${describeStamp(item.gathered)}; nothing was changed`,
      'gathered',
      item.gathered,
    );
  return {
    ...r,
    referral: {
      ...r.referral,
      items: r.referral.items.map((i) => (i.id === o.item ? { ...i, gathered: o.stamp } : i)),
    },
  };
}

/** A Cafcass referral before the last stage cuts the process short, and the IRO must say why (docs/DOMAIN.md). */
export function referralCutsShort(r: Resolution): boolean {
  return currentStage(r).stage < LAST_STAGE;
}
