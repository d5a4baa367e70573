import { describe, expect, it } from 'vitest';
import { ApiError, readCookie, toProblem } from './client';

describe('api client', () => {
  it('reads the CSRF cookie among others', () => {
    expect(readCookie('a=1; XSRF-TOKEN=abc%3D; b=2', 'XSRF-TOKEN')).toBe('abc=');
    expect(readCookie('a=1', 'XSRF-TOKEN')).toBeUndefined();
  });

  it('turns a problem+json response into field errors', async () => {
    const response = new Response(
      JSON.stringify({
        title: 'Bad Request',
        status: 400,
        detail: 'clientName: required',
        errors: [{ field: 'clientName', message: 'required' }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const error = new ApiError(await toProblem(response));
    expect(error.problem.status).toBe(400);
    expect(error.fieldError('clientName')).toBe('required');
    expect(error.fieldError('other')).toBeUndefined();
  });

  it('copes with an error response that is not JSON', async () => {
    const problem = await toProblem(new Response('oops', { status: 502, statusText: 'Bad Gateway' }));
    expect(problem).toEqual({ status: 502, title: 'Bad Gateway', detail: undefined, errors: [] });
  });
});

describe('field errors', () => {
  it('are said in the UI language when the server gives a code, in English otherwise', async () => {
    const { startI18n } = await import('../i18n');
    const { fieldMessage } = await import('./client');
    const i18n = startI18n('zh-CN');
    await i18n.changeLanguage('zh-CN');
    const coded = { field: 'quietDays', message: 'a whole number from 1 to 365', code: 'input.whole-number', params: { min: '1', max: '365' } };
    expect(fieldMessage(coded)).toBe('请填写 1 到 365 之间的整数');
    expect(fieldMessage({ field: 'file', message: 'screenshot.jpg is not a picture' })).toBe('screenshot.jpg is not a picture');
    expect(fieldMessage({ ...coded, code: 'input.brand-new' })).toBe('a whole number from 1 to 365');
    const held = { field: 'status', message: 'the case is on legal hold (it is ON_LEGAL_HOLD)', code: 'refusal.wrong-state', params: { state: 'ON_LEGAL_HOLD' } };
    expect(fieldMessage(held)).toBe('本案处于法律保全中，解除保全前不能删除。');
    expect(fieldMessage({ ...held, params: { state: 'WITHDRAWN' } })).toContain('WITHDRAWN');
    await i18n.changeLanguage('en');
    expect(fieldMessage(coded)).toBe('a whole number from 1 to 365');
  });
});

describe('a session that ended', () => {
  it('is a 401 to any request but /api/me (which asks whether there is one at all)', async () => {
    const { endsSession } = await import('./client');
    expect(endsSession('http://localhost/api/cases?page=0', 401)).toBe(true);
    expect(endsSession('http://localhost/api/staff', 401)).toBe(true);
    expect(endsSession('http://localhost/api/me', 401)).toBe(false);
    expect(endsSession('http://localhost/api/cases', 403)).toBe(false);
  });
});
