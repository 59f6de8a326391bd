import { isValidBsn, normalizeBsn } from './bsn';

describe('isValidBsn (elfproef)', () => {
  it.each(['999993653', '999991772', '999992570', '111222333', '123456782'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['999993654', 'one digit off'],
    ['123456789', 'fails the 11-test'],
    ['000000000', 'all zeros'],
    ['99999365', 'eight digits'],
    ['9999936533', 'ten digits'],
    ['99999365a', 'a letter'],
    ['', 'empty'],
  ])('refuses %s (%s)', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
});

describe('normalizeBsn', () => {
  it('pads an eight-digit BSN with the implied leading zero', () => {
    // 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 − 1·d9 = 112 − d9: 112 = 11·10 + 2, so d9 = 2.
    expect(normalizeBsn('12345672')).toBe('012345672');
  });

  it('trims and refuses what is not a BSN', () => {
    expect(normalizeBsn(' 999993653 ')).toBe('999993653');
    expect(normalizeBsn('999993654')).toBeNull();
    expect(normalizeBsn('9999-93653')).toBeNull();
  });
});
