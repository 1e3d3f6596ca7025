import { useSelect } from '@refinedev/antd';
import type { Environment } from '../types';

/**
 * Select props for an environment name. The list is read whole and the API has no name search, so
 * the Select searches the options it holds (useSelect's own search asks the API, with `contains`).
 */
export const useEnvironmentSelect = ({ enabled = true }: { enabled?: boolean } = {}) => {
  const { selectProps } = useSelect<Environment>({
    resource: 'environments',
    optionLabel: 'name',
    optionValue: 'name',
    pagination: { mode: 'off' },
    queryOptions: { enabled },
  });
  return { ...selectProps, onSearch: undefined, filterOption: true, optionFilterProp: 'label' };
};
