import { ErrorComponent } from '@refinedev/antd';
import { Result } from 'antd';

/** What a page shows to whom it is not for; loaded only then (antd's Result carries its illustrations). */
export const Forbidden = () => <Result status="403" title="Administrators only" />;

/** Refine's page for an unknown address. */
export const NotFound = ErrorComponent;
