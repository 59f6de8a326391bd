import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import * as deadlines from './index';

describe('deadlines public API', () => {
  it('exports the functions and values other modules use', () => {
    const expected = [
      'parseLocalDate',
      'localDate',
      'addDays',
      'addWeeks',
      'dayOfWeek',
      'compareLocalDates',
      'amsterdamDateOf',
      'AtwCalendar',
      'defaultAtwCalendar',
      'ATW_DECREE_DAYS',
      'objectionTermEnds',
      'decisionTermEnds',
      'decisionTermEndsWithExtension',
      'shiftTermEndForPauses',
      'repairTermEnds',
      'appealTermEnds',
      'taxDecisionTermEnds',
      'isTimelyElectronic',
      'isTimelyByPost',
      'penaltyExposure',
      'earliestPenaltyDay',
      'computeDeadlines',
    ];
    for (const name of expected) expect(deadlines).toHaveProperty(name);
  });

  it('works through the index end to end', () => {
    expect(deadlines.computeDeadlines(deadlines.localDate('2026-11-13'))).toEqual({
      objectionTermEnds: '2026-12-28',
      decisionTermEnds: '2027-02-08',
      decisionTermEndsWithExtension: '2027-03-22',
    });
  });

  it('keeps its domain logic pure: imports only its own files', () => {
    // The HTTP edge (controller, service, module) lives beside the pure files and may import Nest.
    const edge = /\.(spec|controller|service|module)\.ts$/;
    const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !edge.test(f));
    for (const file of sources) {
      const text = readFileSync(join(__dirname, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const source of imports) expect(`${file}: ${source}`).toMatch(/: \.\/[a-z-]+$/);
    }
  });
});
