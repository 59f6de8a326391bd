import { BatchProgress } from '../jobs/job-queue.service';
import {
  batchJson,
  batchPageView,
  caseErrors,
  DecisionJobPayload,
  duplicateErrors,
  pageUrl,
  statusUrl,
} from './decision-batches.service';

const BATCH = '6f1c2a34-0d8e-4b7a-9c1e-2f3a4b5c6d7e';

function progress(
  items: {
    reference: string;
    position: number;
    state: 'queued' | 'running' | 'done' | 'failed';
    result?: unknown;
    error?: string;
  }[],
): BatchProgress<DecisionJobPayload> {
  const counts = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const item of items) counts[item.state]++;
  return {
    id: BATCH,
    kind: 'decision',
    createdBy: 'u1',
    createdAt: new Date('2026-11-29T13:05:00Z'),
    total: items.length,
    counts,
    finished: counts.queued + counts.running === 0,
    items: items.map((item, i) => ({
      jobId: `job-${i}`,
      payload: {
        reference: item.reference,
        position: item.position,
        outcome: 'unfounded',
      } as DecisionJobPayload,
      state: item.state,
      attempts: 1,
      result: item.result ?? null,
      error: item.error ?? null,
    })),
  };
}

describe('bulk decisions', () => {
  it('names every repeat of a reference after its first mention', () => {
    expect(duplicateErrors(['A', 'B', 'A', 'C', 'A'])).toEqual([
      { field: 'references[2]', message: 'A staat al eerder in de lijst.' },
      { field: 'references[4]', message: 'A staat al eerder in de lijst.' },
    ]);
    expect(duplicateErrors(['A', 'B'])).toEqual([]);
  });

  it('names unknown and closed cases by their place in the list', () => {
    const statuses = new Map([
      ['A', 'received' as const],
      ['B', 'decided' as const],
      ['D', 'formal_procedure' as const],
      ['E', 'withdrawn' as const],
    ]);
    expect(caseErrors(['A', 'B', 'C', 'D', 'E'], statuses)).toEqual([
      { field: 'references[1]', message: 'B is al afgehandeld (status Besloten).' },
      { field: 'references[2]', message: 'Er is geen bezwaar met kenmerk C.' },
      { field: 'references[4]', message: 'E is al afgehandeld (status Ingetrokken).' },
    ]);
  });

  it('builds the API and page addresses of a run', () => {
    expect(statusUrl('rivierstad', BATCH)).toBe(`/api/v1/tenants/rivierstad/decision-batches/${BATCH}`);
    expect(pageUrl('rivierstad', BATCH)).toBe(`/rivierstad/behandelaar/bulk/${BATCH}`);
  });

  it('reports each case in request order, with its letter once done and its reason once failed', () => {
    const json = batchJson(
      progress([
        { reference: 'C', position: 2, state: 'failed', error: 'Dit bezwaar is al afgehandeld.' },
        { reference: 'A', position: 0, state: 'done', result: { documentId: 'doc-a' } },
        { reference: 'B', position: 1, state: 'queued', error: 'a first attempt failed' },
      ]),
    );
    expect(json).toEqual({
      batchId: BATCH,
      total: 3,
      queued: 1,
      running: 0,
      done: 1,
      failed: 1,
      finished: false,
      startedAt: '2026-11-29T13:05:00.000Z',
      items: [
        { reference: 'A', state: 'done', documentId: 'doc-a' },
        // An attempt's error is shown only once the case has failed for good.
        { reference: 'B', state: 'queued' },
        { reference: 'C', state: 'failed', error: 'Dit bezwaar is al afgehandeld.' },
      ],
    });
  });

  it('shows a running run with a refresh and how far it is', () => {
    const view = batchPageView(
      'rivierstad',
      progress([
        { reference: 'A', position: 0, state: 'done', result: { documentId: 'd' } },
        { reference: 'B', position: 1, state: 'running' },
        { reference: 'C', position: 2, state: 'queued' },
      ]),
      'Jeroen Jansen',
    );
    expect(view).toMatchObject({
      title: 'Beslissingen in bulk – 33%',
      refreshSeconds: 2,
      total: 3,
      handled: 1,
      percent: 33,
      finished: false,
      status: 'Bezig: 1 van de 3 zaken verwerkt (33%).',
      outcome: 'ongegrond',
      startedBy: 'Jeroen Jansen',
      inboxHref: '/rivierstad/behandelaar',
      failed: [],
    });
    expect(view.startedAt).toContain('29 november 2026');
    expect(view.counts).toEqual([
      { label: 'Wachtend', count: 1 },
      { label: 'Bezig', count: 1 },
      { label: 'Besloten', count: 1 },
      { label: 'Niet gelukt', count: 0 },
    ]);
  });

  it('shows a finished run without refresh, with the failed cases in list order', () => {
    const view = batchPageView(
      'rivierstad',
      progress([
        { reference: 'Z-2', position: 2, state: 'failed', error: 'tweede' },
        { reference: 'Z-0', position: 0, state: 'done' },
        { reference: 'Z 1', position: 1, state: 'failed', error: 'eerste' },
      ]),
      undefined,
    );
    expect(view.refreshSeconds).toBeUndefined();
    expect(view.status).toBe('Klaar: 1 van de 3 zaken zijn besloten, 2 niet.');
    expect(view.title).toBe('Beslissingen in bulk – klaar');
    expect(view.startedBy).toBe('een medewerker');
    expect(view.failed).toEqual([
      { reference: 'Z 1', href: '/rivierstad/behandelaar/zaken/Z%201', error: 'eerste' },
      { reference: 'Z-2', href: '/rivierstad/behandelaar/zaken/Z-2', error: 'tweede' },
    ]);
    const allDone = batchPageView(
      'rivierstad',
      progress([{ reference: 'A', position: 0, state: 'done' }]),
      'X',
    );
    expect(allDone.status).toBe('Klaar: de zaak is besloten.');
    expect(allDone.percent).toBe(100);
  });
});
