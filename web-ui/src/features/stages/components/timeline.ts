// Turns stage periods into segments of a horizontal timeline, from the first start until today.

export interface Period {
  stage: string;
  startedOn: string; // yyyy-mm-dd
  endedOn?: string | null;
}

export interface Segment {
  stage: string;
  from: string;
  to: string;
  start: number; // 0..1
  width: number; // 0..1; 0 for a stage that began and ended on one day (drawn thin)
}

const DAY = 86_400_000;

function days(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

export function segments(periods: Period[], today: string): Segment[] {
  if (periods.length === 0) return [];
  const first = days(periods[0].startedOn);
  // at least one day wide so that a case that started today still shows
  const last = Math.max(days(today), ...periods.map((p) => days(p.endedOn ?? today))) + 1;
  const span = Math.max(last - first, 1);
  return periods
    .map((p) => {
      const from = days(p.startedOn);
      const to = p.endedOn ? days(p.endedOn) : last;
      return {
        stage: p.stage,
        from: p.startedOn,
        to: p.endedOn ?? today,
        start: (from - first) / span,
        width: Math.max(to - from, 0) / span,
      };
    });
}

export const STAGE_COLORS: Record<string, string> = {
  // dark enough for white text (contrast at least 4.5:1)
  CURRENT: '#2e7d32',
  EARLY: '#806600',
  MID: '#b45309',
  LATE: '#b3261e',
  LEGAL: '#741b47',
  RESOLVED: '#1d5fa8',
};
