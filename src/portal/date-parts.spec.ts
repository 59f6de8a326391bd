import { combineDateParts, datePartsOf } from './date-parts';

describe('combineDateParts', () => {
  it('combines day, month and year into YYYY-MM-DD', () => {
    expect(combineDateParts({ day: '2', month: '11', year: '2026' })).toEqual({ date: '2026-11-02' });
    expect(combineDateParts({ day: ' 09 ', month: '01', year: '2026' })).toEqual({ date: '2026-01-09' });
  });

  it('reports an empty date separately, so the caller decides whether it is required', () => {
    expect(combineDateParts({ day: '', month: ' ', year: '' })).toEqual({ empty: true });
  });

  it('says which part is missing', () => {
    expect(combineDateParts({ day: '2', month: '', year: '2026' })).toEqual({
      error: 'Vul ook de maand in.',
    });
    expect(combineDateParts({ day: '', month: '', year: '2026' })).toEqual({
      error: 'Vul ook de dag en de maand in.',
    });
  });

  it('refuses letters, short years and dates that do not exist', () => {
    expect(combineDateParts({ day: 'twee', month: '11', year: '2026' })).toMatchObject({
      error: expect.stringContaining('cijfers'),
    });
    expect(combineDateParts({ day: '2', month: '11', year: '26' })).toMatchObject({
      error: expect.stringContaining('4 cijfers'),
    });
    for (const [day, month] of [
      ['31', '4'],
      ['29', '2'],
      ['1', '13'],
      ['0', '1'],
      ['123', '1'],
    ]) {
      expect(combineDateParts({ day, month, year: '2026' })).toMatchObject({
        error: expect.stringContaining('bestaat niet'),
      });
    }
  });
});

describe('datePartsOf', () => {
  it('splits a valid date and ignores anything else', () => {
    expect(datePartsOf('2026-01-09')).toEqual({ day: '9', month: '1', year: '2026' });
    expect(datePartsOf('gisteren')).toEqual({ day: '', month: '', year: '' });
    expect(datePartsOf(undefined)).toEqual({ day: '', month: '', year: '' });
  });
});
