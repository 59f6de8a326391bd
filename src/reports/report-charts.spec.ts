import { barChart, CHART_WIDTH, shareChart } from './report-charts';

describe('barChart', () => {
  const chart = barChart('c', 'Besloten per uitkomst', [
    { label: 'gegrond', value: 4 },
    { label: 'ongegrond', value: 1 },
    { label: 'niet-ontvankelijk', value: 0 },
  ]);

  it('states every number in its title', () => {
    expect(chart.title).toBe('Besloten per uitkomst: gegrond 4, ongegrond 1, niet-ontvankelijk 0.');
  });

  it('scales bars to the largest, keeps zero at zero and places each row below the previous', () => {
    const [four, one, zero] = chart.bars;
    expect(four.barWidth).toBeGreaterThan(0);
    expect(four.barWidth).toBeLessThan(CHART_WIDTH);
    expect(one.barWidth).toBeCloseTo(four.barWidth / 4, 0);
    expect(zero.barWidth).toBe(0);
    expect(one.barY).toBeGreaterThan(four.barY + four.barHeight);
    expect(zero.valueX).toBeGreaterThan(0);
    expect(four.valueText).toBe('4');
    expect(chart.height).toBeGreaterThan(zero.barY + zero.barHeight);
  });

  it('shows a small value as a visible bar and handles all zeros and no items', () => {
    const small = barChart('s', 'x', [
      { label: 'veel', value: 1000 },
      { label: 'weinig', value: 1 },
    ]);
    expect(small.bars[1].barWidth).toBeGreaterThanOrEqual(2);
    expect(barChart('z', 'x', [{ label: 'a', value: 0 }]).bars[0].barWidth).toBe(0);
    const none = barChart('n', 'Ingediend per regeling', []);
    expect(none.bars).toEqual([]);
    expect(none.title).toBe('Ingediend per regeling: geen.');
    expect(none.height).toBeGreaterThan(0);
  });
});

describe('shareChart', () => {
  it('fills the share of the track and says it in words and numbers', () => {
    const chart = shareChart('i', 'Informeel afgehandeld', { count: 5, of: 8, share: 0.625 });
    expect(chart.text).toBe('62,5% (5 van 8)');
    expect(chart.title).toBe(
      'Informeel afgehandeld: 62,5% (5 van 8). Ter vergelijking: in landelijke pilots ongeveer 60%.',
    );
    expect(chart.fillWidth).toBeCloseTo(0.625 * chart.trackWidth, 0);
    expect(chart.reference.x).toBeCloseTo(0.6 * CHART_WIDTH, 0);
  });

  it('is empty when nothing was filed', () => {
    const chart = shareChart('i', 'Informeel afgehandeld', { count: 0, of: 0, share: null });
    expect(chart.fillWidth).toBe(0);
    expect(chart.text).toBe('geen bezwaren');
  });
});
