import { useList } from '@refinedev/core';
import { CheckSquareOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import type { Approval } from '../../types';

/** The inbox's menu icon, with how many wait (the sider shows it to those who may open the inbox). */
export const ApprovalsIcon = () => {
  const { result } = useList<Approval>({ resource: 'approvals', pagination: { mode: 'off' } });
  // Marked as an icon, so the menu spaces its label as it does the others'.
  return (
    <span className="anticon">
      <Badge count={result.data.length} size="small" offset={[4, -2]}>
        <CheckSquareOutlined />
      </Badge>
    </span>
  );
};
