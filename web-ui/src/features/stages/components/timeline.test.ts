import { describe, expect, it } from 'vitest';
import { segments } from './timeline';

describe('stage timeline', () => {
  it('lays the periods side by side up to today, proportional to their length', () => {
    const result = segments(
      [
        { stage: 'CURRENT', startedOn: '2026-10-01', endedOn: '2026-10-02' },
        { stage: 'EARLY', startedOn: '2026-10-02', endedOn: '2026-10-09' },
        { stage: 'MID', startedOn: '2026-10-09' },
      ],
      '2026-10-10',
    );
    expect(result.map((s) => s.stage)).toEqual(['CURRENT', 'EARLY', 'MID']);
    // 10 days in all (1 Oct .. 10 Oct inclusive)
    expect(result[0].start).toBe(0);
    expect(result[0].width).toBeCloseTo(0.1);
    expect(result[1].start).toBeCloseTo(0.1);
    expect(result[1].width).toBeCloseTo(0.7);
    expect(result[2].start + result[2].width).toBeCloseTo(1);
    expect(result[2].to).toBe('2026-10-10');
  });

  it('keeps a stage that began and ended on one day, with no width, and copes with none', () => {
    expect(segments([], '2026-10-10')).toEqual([]);
    const result = segments(
      [
        { stage: 'CURRENT', startedOn: '2026-10-10', endedOn: '2026-10-10' },
        { stage: 'LATE', startedOn: '2026-10-10' },
      ],
      '2026-10-10',
    );
    expect(result.map((s) => s.stage)).toEqual(['CURRENT', 'LATE']);
    expect(result[0].width).toBe(0);
    expect(result[1].width).toBe(1);
  });
});
