// The clock is a boundary: tests and demos fix it (IRO_NOW); everything else asks it for "now".
export type Clock = () => Date;

export function createClock(fixedNow?: Date): Clock {
  if (fixedNow) {
    const t = fixedNow.getTime();
    return () => new Date(t);
  }
  return () => new Date();
}
