import { useCan, useNavigation } from '@refinedev/core';
import { Link } from 'react-router';
import { EditOutlined, EyeOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';

type Action = 'create' | 'show' | 'edit';

const ICONS: Record<Action, React.ReactNode> = {
  create: <PlusSquareOutlined />,
  show: <EyeOutlined />,
  edit: <EditOutlined />,
};
const LABELS: Record<Action, string> = { create: 'Create', show: 'Show', edit: 'Edit' };

/**
 * A button to a resource's page (a link, so it opens in a new tab too), hidden from whom the access control
 * refuses: what `@refinedev/antd`'s Create/Show/Edit buttons do, kept out of the first page's code.
 */
export const NavButton = ({
  resource,
  action,
  id,
  hideText = false,
  children,
  ...button
}: ButtonProps & { resource: string; action: Action; id?: string; hideText?: boolean }) => {
  const { createUrl, editUrl, showUrl } = useNavigation();
  const { data: access } = useCan({ resource, action, params: { id } });
  if (access?.can === false) return null;
  const to =
    action === 'create'
      ? createUrl(resource)
      : action === 'show'
        ? showUrl(resource, id ?? '')
        : editUrl(resource, id ?? '');
  return (
    <Link to={to}>
      <Button icon={ICONS[action]} {...button}>
        {hideText ? undefined : (children ?? LABELS[action])}
      </Button>
    </Link>
  );
};
