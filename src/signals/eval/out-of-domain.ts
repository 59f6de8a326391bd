import { analyzeText } from '../text-signals';

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && content[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface HeadlineReport {
  negative: number;
  other: number;
  /** Share of negative headlines the analyser calls angry or distressed. */
  flaggedNegative: number;
  /** Share of neutral or positive headlines the analyser calls angry or distressed. */
  flaggedOther: number;
}

/** ecosent gold headlines: value -1 is negative, 0 and 1 are not. */
export function headlineReport(csv: string): HeadlineReport {
  const [header, ...rows] = parseCsv(csv);
  const col = (name: string) => header.indexOf(name);
  const [h, v, g] = [col('headline'), col('value'), col('gold')];
  let negative = 0;
  let other = 0;
  let flaggedNegative = 0;
  let flaggedOther = 0;
  for (const row of rows) {
    if (row[g] !== 'TRUE') continue;
    const flagged = analyzeText(row[h]).sentiment.label !== 'neutral';
    if (row[v] === '-1') {
      negative++;
      if (flagged) flaggedNegative++;
    } else {
      other++;
      if (flagged) flaggedOther++;
    }
  }
  return {
    negative,
    other,
    flaggedNegative: negative ? flaggedNegative / negative : 0,
    flaggedOther: other ? flaggedOther / other : 0,
  };
}

export interface AngerReport {
  lines: number;
  goldAnger: number;
  predictedAngry: number;
  precision: number;
  recall: number;
}

/** XED Dutch projections: label 1 is anger; compared with our "angry". */
export function xedAngerReport(tsv: string): AngerReport {
  let lines = 0;
  let gold = 0;
  let predicted = 0;
  let tp = 0;
  for (const line of tsv.split(/\r?\n/)) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    lines++;
    const labels = line
      .slice(tab + 1)
      .split(',')
      .map((l) => l.trim());
    const isAnger = labels.includes('1');
    const isAngry = analyzeText(line.slice(0, tab)).sentiment.label === 'angry';
    if (isAnger) gold++;
    if (isAngry) predicted++;
    if (isAnger && isAngry) tp++;
  }
  return {
    lines,
    goldAnger: gold,
    predictedAngry: predicted,
    precision: predicted ? tp / predicted : 0,
    recall: gold ? tp / gold : 0,
  };
}
