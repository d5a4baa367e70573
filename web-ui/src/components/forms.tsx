import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Form, Space, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { ApiError, fieldMessage, type FieldError } from '../lib/api/client';
import { useApp } from '../lib/session';
import { ProblemMessage } from './Problem';

/**
 * The one way a form talks to the server: `run` sends the change; when the server refuses it, each
 * field error lands under its field (in the UI's language, from the error's code), and whatever has
 * no field on the form (a conflict, a refusal, a field the form does not show) shows above the
 * buttons. After a conflict (409) the page's data is read again. `aliases` names the form field
 * for a server field of another name (`at` → `localTime`).
 */
export function useServerForm<T extends object>(aliases: Record<string, string> = {}) {
  const [form] = Form.useForm<T>();
  const client = useQueryClient();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [elsewhere, setElsewhere] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const clear = () => {
    setFailure(null);
    setElsewhere([]);
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length > 0)
        .map((f) => ({ name: f.name as never, errors: [] })),
    );
  };

  /** Sends the change; true when the server took it. Errors other than the server's are thrown. */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    clear();
    setBusy(true);
    try {
      await action();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const onForm = new Set(Object.keys(form.getFieldsValue(true) as object));
      const placed: { name: never; errors: string[] }[] = [];
      const rest: FieldError[] = [];
      for (const error of e.problem.errors) {
        const path = fieldPath(aliases[error.field] ?? error.field);
        if (onForm.has(String(path[0]))) placed.push({ name: path as never, errors: [fieldMessage(error)] });
        else rest.push(error);
      }
      form.setFields(placed);
      // someone else changed it: what the page shows is read again, so the next try starts from it
      if (e.status === 409) void client.invalidateQueries();
      setFailure(e);
      setElsewhere(rest);
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** The refusal that belongs to no field of the form, or nothing. */
  const problem =
    failure && (elsewhere.length > 0 || failure.problem.errors.length === 0) ? (
      <ProblemMessage failure={failure} errors={elsewhere} />
    ) : null;

  return { form, run, busy, problem };
}

/**
 * A form that opens on demand in a drawer from the side: a title, the fields, the refusal that has
 * no field, and Save / Cancel. Enter in a field sends it; Escape closes it.
 */
export function FormDrawer<T extends object>({
  open,
  title,
  name,
  form,
  busy,
  problem,
  onClose,
  onFinish,
  initialValues,
  saveLabel,
  children,
}: {
  open: boolean;
  title: ReactNode;
  /** the form's id, its fields' ids (`name_field`) and its test id; the save button is `name-save` */
  name: string;
  form: FormInstance<T>;
  busy: boolean;
  problem: ReactNode;
  onClose: () => void;
  onFinish: (values: T) => void;
  initialValues?: Partial<T>;
  saveLabel?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useApp();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      destroyOnHidden
      size={typeof window === 'undefined' ? 560 : Math.min(560, window.innerWidth)}
      footer={
        <Space>
          <Button type="primary" htmlType="submit" form={name} loading={busy} data-testid={`${name}-save`}>
            {saveLabel ?? t('form.save')}
          </Button>
          <Button onClick={onClose} data-testid={`${name}-cancel`}>
            {t('form.cancel')}
          </Button>
        </Space>
      }
    >
      <Form<T>
        form={form}
        name={name}
        data-testid={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError
      >
        {children}
        {problem}
      </Form>
    </Drawer>
  );
}

/** A server field name as a form path: `dues[0].date` → `['dues', 0, 'date']`. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** A day picked in a date picker as the server's yyyy-mm-dd; undefined when none is picked. */
export function pickedDay(day: Dayjs | null | undefined): string | undefined {
  return day ? day.format('YYYY-MM-DD') : undefined;
}

/** Drops the fields left empty, so the server sees "not given" rather than an empty text. */
export function given<T extends object>(values: T): T {
  const body = { ...values } as Record<string, unknown>;
  for (const [k, v] of Object.entries(body)) if (v === '' || v === null || v === undefined) delete body[k];
  return body as T;
}
