import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api/client';
import { useApp } from '../lib/session';

/** Loading, a failure with a way to retry, or the data: a failed request never shows as empty. */
export function QueryState<T>({
  query,
  children,
  quiet,
}: {
  query: UseQueryResult<T, Error>;
  children: (data: T) => ReactNode;
  /** show nothing while loading (small parts of a page) */
  quiet?: boolean;
}) {
  const { t } = useApp();
  if (query.isPending)
    return quiet ? null : (
      <div className="muted" role="status">
        <Spin size="small" /> {t('loading')}
      </div>
    );
  if (query.isError) {
    const error = query.error;
    const status = error instanceof ApiError ? error.status : 0;
    return (
      <Alert
        type="error"
        showIcon
        data-testid="load-error"
        message={status === 403 || status === 404 ? t('error.forbidden') : t('error.generic')}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('retry')}
          </Button>
        }
      />
    );
  }
  return <>{children(query.data)}</>;
}
