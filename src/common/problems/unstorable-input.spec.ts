import { QueryFailedError } from 'typeorm';
import { isUnstorableInput } from './unstorable-input';

const pgError = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isUnstorableInput', () => {
  it('recognises NUL in text, \\u0000 or half a surrogate pair in JSON, also inside a TypeORM error', () => {
    const nul = pgError('invalid byte sequence for encoding "UTF8": 0x00', '22021');
    expect(isUnstorableInput(nul)).toBe(true);
    expect(isUnstorableInput(new QueryFailedError('SELECT $1', ['\u0000'], nul))).toBe(true);
    expect(isUnstorableInput(pgError('unsupported Unicode escape sequence', '22P05'))).toBe(true);
    expect(isUnstorableInput(pgError('invalid input syntax for type json', '22P02'))).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isUnstorableInput(pgError('duplicate key', '23505'))).toBe(false);
    expect(isUnstorableInput(new QueryFailedError('SELECT', [], pgError('syntax error', '42601')))).toBe(
      false,
    );
    expect(isUnstorableInput(new Error('\u0000'))).toBe(false);
    expect(isUnstorableInput(undefined)).toBe(false);
  });
});
