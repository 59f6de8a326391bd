import type { Share } from './report';
import { formatCount, formatPercent } from './report-format';

/**
 * Geometry of the report's server-rendered SVG charts (templates/staff/pages/reports.hbs draws them). Only
 * coordinates and texts: colours and fonts come from classes in staff.css, never from style attributes (CSP).
 * Each chart carries a title that states every number, for the svg's accessible name; the page shows the same
 * numbers in a table.
 */

/** viewBox width; the svg scales to its container. */
export const CHART_WIDTH = 640;
const ROW_HEIGHT = 52;
const LABEL_BASELINE = 18;
const BAR_TOP = 26;
const BAR_HEIGHT = 20;
/** Room right of the longest bar for its value. */
const VALUE_ROOM = 72;
/** The informal share compared with what the national pilots report (domain-nl §5). */
export const NATIONAL_INFORMAL_SHARE = 0.6;

export interface ChartBar {
  label: string;
  valueText: string;
  labelY: number;
  barY: number;
  barWidth: number;
  barHeight: number;
  valueX: number;
  valueY: number;
}

export interface BarChart {
  id: string;
  title: string;
  width: number;
  height: number;
  bars: ChartBar[];
}

export interface ShareChart {
  id: string;
  title: string;
  width: number;
  height: number;
  text: string;
  textY: number;
  barY: number;
  barHeight: number;
  trackWidth: number;
  fillWidth: number;
  /** A dashed line at the national pilots' share, with its label. */
  reference: { x: number; y1: number; y2: number; labelY: number; label: string };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Horizontal bars, each with its label above it and its value after it; the longest bar fills the width. */
export function barChart(id: string, heading: string, items: { label: string; value: number }[]): BarChart {
  const max = Math.max(0, ...items.map((i) => i.value));
  const room = CHART_WIDTH - VALUE_ROOM;
  const bars = items.map((item, index): ChartBar => {
    const top = index * ROW_HEIGHT;
    // A value above zero always shows as a bar, however small beside the largest.
    const barWidth = max > 0 && item.value > 0 ? Math.max(2, round((item.value / max) * room)) : 0;
    return {
      label: item.label,
      valueText: formatCount(item.value),
      labelY: top + LABEL_BASELINE,
      barY: top + BAR_TOP,
      barWidth,
      barHeight: BAR_HEIGHT,
      valueX: round(barWidth + 8),
      valueY: top + BAR_TOP + 15,
    };
  });
  const stated = items.map((i) => `${i.label} ${formatCount(i.value)}`).join(', ');
  return {
    id,
    title: `${heading}: ${items.length ? stated : 'geen'}.`,
    width: CHART_WIDTH,
    height: Math.max(ROW_HEIGHT, items.length * ROW_HEIGHT) + 4,
    bars,
  };
}

/** One bar for a share of a whole: "62,5% (5 van 8)", with the national pilots' 60% marked for comparison. */
export function shareChart(id: string, heading: string, of: Share): ShareChart {
  const fraction = of.share ?? 0;
  const stated =
    of.share === null
      ? 'geen bezwaren'
      : `${formatPercent(of.share)} (${formatCount(of.count)} van ${formatCount(of.of)})`;
  const referenceX = round(NATIONAL_INFORMAL_SHARE * CHART_WIDTH);
  const national = formatPercent(NATIONAL_INFORMAL_SHARE);
  return {
    id,
    title: `${heading}: ${stated}. Ter vergelijking: in landelijke pilots ongeveer ${national}.`,
    width: CHART_WIDTH,
    height: 86,
    text: stated,
    textY: 18,
    barY: 26,
    barHeight: 28,
    // Half a pixel in, so the track's outline is drawn whole.
    trackWidth: CHART_WIDTH - 1,
    fillWidth: round(Math.min(1, Math.max(0, fraction)) * (CHART_WIDTH - 1)),
    reference: {
      x: referenceX,
      y1: 22,
      y2: 58,
      labelY: 76,
      label: `landelijke pilots ongeveer ${national}`,
    },
  };
}
