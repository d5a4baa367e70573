import { Pagination } from 'antd';

/** The pages of a list the server pages, counted from 0; hidden while there is only one. */
export function Pager({
  page,
  pageSize,
  total,
  onChange,
  testId,
  small = false,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  testId: string;
  small?: boolean;
}) {
  return (
    <Pagination
      size={small ? 'small' : undefined}
      data-testid={testId}
      current={page + 1}
      pageSize={pageSize}
      total={total}
      hideOnSinglePage
      showSizeChanger={false}
      onChange={(next) => onChange(next - 1)}
    />
  );
}
