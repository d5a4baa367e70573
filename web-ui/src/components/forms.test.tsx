// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render as renderInto, screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { useState, type ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api/client';
import { prepareDom } from '../testing/dom';
import { startI18n } from '../lib/i18n';
import { FormDrawer, given, useServerForm } from './forms';

beforeAll(() => {
  startI18n('en');
  prepareDom();
});
afterEach(cleanup);

const render = (ui: ReactElement) => renderInto(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);

type Fields = { localTime: string; reason: string };

function Correction({ send, onClose }: { send: (v: Fields) => Promise<void>; onClose: () => void }) {
  const { form, run, busy, problem } = useServerForm<Fields>({ at: 'localTime' });
  const [open, setOpen] = useState(true);
  return (
    <FormDrawer<Fields>
      open={open}
      name="correction"
      title="Correct"
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      initialValues={{ localTime: '2026-11-30T23:15', reason: '' }}
      onFinish={async (values) => {
        if (await run(() => send(values))) {
          setOpen(false);
          onClose();
        }
      }}
    >
      <Form.Item name="localTime" label="Time">
        <Input />
      </Form.Item>
      <Form.Item name="reason" label="Reason">
        <Input />
      </Form.Item>
    </FormDrawer>
  );
}

const refusal = (errors: ApiError['problem']['errors'], status = 400) =>
  new ApiError({ status, title: 'Bad Request', detail: 'refused', errors });

describe('a form in a drawer', () => {
  it('puts each server field error under its field, under an alias too, and the rest above the buttons', async () => {
    const onClose = vi.fn();
    const send = vi.fn(async () => {
      throw refusal([
        { field: 'reason', message: 'required', code: 'input.required', params: {} },
        { field: 'at', message: 'in the future' },
        { field: 'lenderId', message: 'no such lender' },
      ]);
    });
    render(<Correction send={send} onClose={onClose} />);
    fireEvent.click(await screen.findByTestId('correction-save'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    // said from its code, not the server's English "required"
    expect(await screen.findByText('this is required')).toBeTruthy();
    // the server's "at" is the form's time field
    const time = screen.getByLabelText('Time').closest('.ant-form-item');
    expect(time?.textContent).toContain('in the future');
    // a field the form does not show is said above the buttons, with its name
    expect(screen.getByTestId('form-error').textContent).toContain('lenderId: no such lender');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends what was typed, closes once the server takes it, and clears old errors on the next try', async () => {
    const onClose = vi.fn();
    let calls = 0;
    const send = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw refusal([{ field: 'reason', message: 'required' }]);
    });
    render(<Correction send={send} onClose={onClose} />);
    fireEvent.click(await screen.findByTestId('correction-save'));
    expect(await screen.findByText('required')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'the sister was called too' } });
    fireEvent.click(screen.getByTestId('correction-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenLastCalledWith({ localTime: '2026-11-30T23:15', reason: 'the sister was called too' });
    expect(screen.queryByText('required')).toBeNull();
  });

  it('says a conflict as one, not as the server’s English', async () => {
    const send = vi.fn(async () => {
      throw new ApiError({
        status: 409,
        title: 'Conflict',
        detail: 'the case was changed',
        errors: [{ field: 'version', message: 'someone else changed this in the meantime; reload and try again', code: 'refusal.stale-version' }],
      });
    });
    render(<Correction send={send} onClose={() => {}} />);
    fireEvent.click(await screen.findByTestId('correction-save'));
    const said = await screen.findByTestId('form-error');
    expect(said.textContent).not.toContain('the case was changed');
    expect(said.textContent).not.toContain('someone else');
    expect(said.textContent).not.toContain('version');
    expect(said.textContent?.length).toBeGreaterThan(0);
  });

  it('asks an admin whose sign-in left no rights to act with to sign in again, in their language', async () => {
    const send = vi.fn(async () => {
      throw refusal(
        [{ field: 'signIn', message: 'sign in again to change staff accounts with your own rights', code: 'refusal.sign-in-again', params: {} }],
        403,
      );
    });
    render(<Correction send={send} onClose={() => {}} />);
    fireEvent.click(await screen.findByTestId('correction-save'));
    const said = await screen.findByTestId('form-error');
    expect(said.textContent).toContain('Changing staff accounts needs your own sign-in');
    expect(said.textContent).not.toContain('You may not do this');
    const again = screen.getByTestId('sign-in-again');
    expect(again.getAttribute('href')).toBe('/oauth/login/keycloak');
    expect(again.textContent).toBe('Sign in again');
  });

  it('leaves out the fields left empty', () => {
    expect(given({ a: '', b: 'x', c: null, d: false, e: 0 })).toEqual({ b: 'x', d: false, e: 0 });
  });
});
