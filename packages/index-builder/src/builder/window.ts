// The maintenance window: `--window 01:00-05:00 Europe/Paris` (the zone defaults to UTC). No build starts outside it;
// a window whose end is before its start runs over midnight (22:00-04:00). Read against an injectable clock.

export interface MaintenanceWindow {
  /** Minutes after midnight, in `zone`. */
  startMinute: number;
  endMinute: number;
  /** An IANA time zone name (UTC, Europe/Paris). */
  zone: string;
  /** As the user wrote it, normalised: `01:00–05:00 UTC`. */
  text: string;
}

/** Parses `HH:MM-HH:MM[ ZONE]`; throws an Error saying what is wrong. */
export function parseWindow(input: string): MaintenanceWindow {
  const match = /^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})(?:\s+(\S+))?\s*$/.exec(input);
  if (!match) throw new Error(`"${input}" is not a window: write HH:MM-HH:MM with an optional time zone (e.g. 01:00-05:00 UTC)`);
  const [hours1, minutes1, hours2, minutes2] = [match[1], match[2], match[3], match[4]].map(Number) as [number, number, number, number];
  if (hours1 > 23 || hours2 > 24 || minutes1 > 59 || minutes2 > 59 || (hours2 === 24 && minutes2 !== 0)) {
    throw new Error(`"${input}" is not a window: hours go from 00 to 23 (24:00 as an end), minutes from 00 to 59`);
  }
  const zone = match[5] ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    throw new Error(`"${input}" is not a window: "${zone}" is not a time zone (write an IANA name such as UTC or Europe/Paris)`);
  }
  const startMinute = hours1 * 60 + minutes1;
  const endMinute = hours2 * 60 + minutes2;
  if (startMinute === endMinute) throw new Error(`"${input}" is not a window: it starts and ends at the same time`);
  const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return { startMinute, endMinute, zone, text: `${clock(startMinute)}–${clock(endMinute)} ${zone}` };
}

/** Minutes after midnight at `at`, on the wall clock of `zone`. */
function minuteOfDay(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

export function insideWindow(window: MaintenanceWindow, at: Date): boolean {
  const minute = minuteOfDay(at, window.zone);
  return window.startMinute < window.endMinute
    ? minute >= window.startMinute && minute < window.endMinute
    : minute >= window.startMinute || minute < window.endMinute;
}

/** Why a build may not start at `at` (the deferred reason), or undefined inside the window. */
export function outsideWindowReason(window: MaintenanceWindow | undefined, at: Date): string | undefined {
  if (!window || insideWindow(window, at)) return undefined;
  return `outside the maintenance window ${window.text} (it is ${clockIn(at, window.zone)} there); the next run inside it builds it`;
}

function clockIn(at: Date, zone: string): string {
  const minute = minuteOfDay(at, zone);
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
