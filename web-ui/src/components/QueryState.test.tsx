// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api/client';
import { startI18n } from '../lib/i18n';
import { QueryState } from './QueryState';

startI18n('en');
afterEach(cleanup);

function Cases({ load }: { load: () => Promise<string[]> }) {
  const query = useQuery({ queryKey: ['cases'], queryFn: load, retry: false });
  return <QueryState query={query}>{(cases) => <ul>{cases.map((c) => <li key={c}>{c}</li>)}</ul>}</QueryState>;
}

function show(load: () => Promise<string[]>) {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <Cases load={load} />
    </QueryClientProvider>,
  );
}

describe('QueryState', () => {
  it('shows a failure with a retry, never an empty list, and shows the data once it loads', async () => {
    let calls = 0;
    show(async () => {
      calls += 1;
      if (calls === 1) throw new ApiError({ status: 500, title: 'Internal Server Error', errors: [] });
      return ['王芳'];
    });
    expect(await screen.findByText('Something went wrong. Please try again later.')).toBeTruthy();
    expect(screen.queryByRole('listitem')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(calls).toBe(2);
  });

  it('says a forbidden or missing resource is not the user’s to see', async () => {
    show(async () => {
      throw new ApiError({ status: 403, title: 'Forbidden', errors: [] });
    });
    await waitFor(() => expect(screen.getByText('You may not do this.')).toBeTruthy());
  });
});
