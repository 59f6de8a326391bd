import { localDate } from '../deadlines/local-date';
import { fillOutcomeText } from './outcome-text';

const facts = (daysLeft: number) => ({
  objectionTermEnds: localDate('2026-12-14'),
  daysLeft,
  late: daysLeft < 0,
});

describe('fillOutcomeText', () => {
  it('fills the deadline and the days left, with the right noun', () => {
    const text = 'Uiterlijk op {{objectionTermEnds}}. U heeft nog {{daysLeft}}.';
    expect(fillOutcomeText(text, facts(12))).toBe(
      'Uiterlijk op maandag 14 december 2026. U heeft nog 12 dagen.',
    );
    expect(fillOutcomeText(text, facts(1))).toBe('Uiterlijk op maandag 14 december 2026. U heeft nog 1 dag.');
    expect(fillOutcomeText(text, facts(0))).toMatch(/nog 0 dagen\.$/);
  });

  it('never shows a negative number of days', () => {
    expect(fillOutcomeText('{{daysLeft}}', facts(-5))).toBe('0 dagen');
  });

  it('accepts spaces inside the braces and fills every occurrence', () => {
    expect(fillOutcomeText('{{ daysLeft }} / {{daysLeft}}', facts(3))).toBe('3 dagen / 3 dagen');
  });

  it('leaves the text alone without facts, and unknown names always', () => {
    expect(fillOutcomeText('Tot {{objectionTermEnds}}', undefined)).toBe('Tot {{objectionTermEnds}}');
    expect(fillOutcomeText('{{onbekend}}', facts(3))).toBe('{{onbekend}}');
  });
});
