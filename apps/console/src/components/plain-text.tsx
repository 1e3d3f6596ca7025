import type { CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';

/**
 * Headings and secondary text in antd's look, without antd's Typography: it carries an editor, a copy
 * button and an ellipsis measurer that the frame and the first pages never use (issue 17's first-page budget).
 */
export const Heading = ({ level, children }: { level: 4 | 5; children: ReactNode }) => {
  const { token } = theme.useToken();
  const Tag = level === 4 ? 'h4' : 'h5';
  return (
    <Tag
      style={{
        margin: 0,
        color: token.colorTextHeading,
        fontWeight: token.fontWeightStrong,
        fontSize: level === 4 ? token.fontSizeHeading4 : token.fontSizeHeading5,
        lineHeight: level === 4 ? token.lineHeightHeading4 : token.lineHeightHeading5,
        whiteSpace: 'nowrap',
      }}
    >
      {children}
    </Tag>
  );
};

/** Text that says less than what is around it: a hint, a date, an empty state. */
export const Secondary = ({
  children,
  block = false,
  title,
  style,
}: {
  children: ReactNode;
  block?: boolean;
  title?: string;
  style?: CSSProperties;
}) => {
  const { token } = theme.useToken();
  const Tag = block ? 'p' : 'span';
  return (
    <Tag title={title} style={{ color: token.colorTextSecondary, margin: block ? '0 0 1em' : 0, ...style }}>
      {children}
    </Tag>
  );
};
