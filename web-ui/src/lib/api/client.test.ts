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
