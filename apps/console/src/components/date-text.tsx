import dayjs from 'dayjs';

/** A moment as the console writes it everywhere: local time, to the minute unless told otherwise. */
export const DateText = ({ value, format = 'YYYY-MM-DD HH:mm' }: { value: string; format?: string }) => (
  <span>{dayjs(value).format(format)}</span>
);
