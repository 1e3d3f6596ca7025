import type { ReactNode } from 'react';
import { Flex, Space } from 'antd';
import { Heading } from './plain-text';

/**
 * A page's title with its buttons, then its content: what `@refinedev/antd`'s `List` draws, without the
 * page header package and its locales, so the first page a user opens loads less.
 */
export const PageFrame = ({
  title,
  buttons,
  children,
}: {
  title: ReactNode;
  buttons?: ReactNode;
  children: ReactNode;
}) => (
  <div>
    <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 16 }}>
      <Heading level={4}>{title}</Heading>
      {buttons && <Space wrap>{buttons}</Space>}
    </Flex>
    {children}
  </div>
);
