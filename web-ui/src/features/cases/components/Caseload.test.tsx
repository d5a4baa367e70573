// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startI18n } from '../../../lib/i18n';
import { prepareDom } from '../../../testing/dom';
import { SearchBox } from './Caseload';

beforeAll(() => {
  startI18n('en');
  prepareDom();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the caseload search box', () => {
  it('hands the text over once typing pauses, and not the letters an input method is composing', () => {
    vi.useFakeTimers();
    const searched: string[] = [];
    render(<SearchBox onSearch={(text) => searched.push(text)} />);
    const box = screen.getByTestId('case-search');

    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: 'wang' } });
    act(() => void vi.advanceTimersByTime(1000));
    expect(searched).toEqual([]);

    fireEvent.compositionEnd(box, { target: { value: '王' } });
    fireEvent.change(box, { target: { value: '王' } });
    act(() => void vi.advanceTimersByTime(100));
    expect(searched).toEqual([]);
    act(() => void vi.advanceTimersByTime(100));
    expect(searched).toEqual(['王']);

    fireEvent.change(box, { target: { value: '王芳 ' } });
    act(() => void vi.advanceTimersByTime(1000));
    expect(searched).toEqual(['王', '王芳']);
  });
});
