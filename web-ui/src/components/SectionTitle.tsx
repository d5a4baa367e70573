import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A section's heading with the buttons that open its forms beside it. */
export function SectionTitle({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="section-title">
      <Typography.Title level={2} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children && <Space wrap>{children}</Space>}
    </div>
  );
}
