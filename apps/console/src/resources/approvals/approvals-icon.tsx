import { useList } from '@refinedev/core';
import { CheckSquareOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import type { Approval } from '../../types';

/** The inbox's menu icon, with how many wait (the sider shows it to those who may open the inbox). */
export const ApprovalsIcon = () => {
  const { result } = useList<Approval>({ resource: 'approvals', pagination: { mode: 'off' } });
  return (
    <Badge count={result.data.length} size="small" offset={[4, -2]}>
      <CheckSquareOutlined />
    </Badge>
  );
};
