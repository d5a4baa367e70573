import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('quotes every cell, doubles quotes and defuses formulas', () => {
    expect(csvCell('招联 "金融"')).toBe('"招联 ""金融"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(null)).toBe('');
  });

  it('starts with a byte order mark and ends rows with CRLF', () => {
    expect(toCsv(['周', '案件'], [['2026-11-02', 3]])).toBe('\uFEFF"周","案件"\r\n"2026-11-02","3"\r\n');
  });
});
