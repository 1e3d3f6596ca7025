import { administratorNotice, boxed } from './start-up-notice';

describe('start-up notice', () => {
  it('given lines of different lengths, when boxed, then every line of the box has the same width', () => {
    expect(boxed(['short', 'a longer line']).split('\n')).toEqual([
      '┌───────────────┐',
      '│ short         │',
      '│ a longer line │',
      '└───────────────┘',
    ]);
  });

  it('given a generated administrator, when announced, then the notice names the password and both ways to change it', () => {
    const notice = administratorNotice(
      { username: 'admin', password: 's3cret-generated' },
      'http://localhost:3000',
    );

    expect(notice).toContain('│     s3cret-generated ');
    expect(notice).toContain('user menu (top right) > Change password');
    expect(notice).toContain('POST /api/auth/password');
    expect(notice).toContain('http://localhost:3000');
  });
});
