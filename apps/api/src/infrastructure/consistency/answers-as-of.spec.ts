import { AnswersAsOf } from './answers-as-of';

describe('AnswersAsOf', () => {
  it('given an answer read as of position 7, when a caller asks as of 7 or before, then it is given that answer', () => {
    const answers = new AnswersAsOf<string>();
    answers.set('user-1', 7, 'admin');

    expect(answers.get('user-1', 7)).toBe('admin');
    expect(answers.get('user-1', 3)).toBe('admin');
  });

  it('given an answer read as of position 7, when a caller asks as of 8, then it must read the views again', () => {
    const answers = new AnswersAsOf<string>();
    answers.set('user-1', 7, 'admin');

    expect(answers.get('user-1', 8)).toBeUndefined();
    expect(answers.get('user-2', 1)).toBeUndefined();
  });
});
