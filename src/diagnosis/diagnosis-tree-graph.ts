import type { DiagnosisTree } from './diagnosis-tree.schema';

export interface Cycle {
  from: string;
  entry: number;
  to: string;
  ids: string[];
}

/** Questions and outcomes as nodes, `next[].goto` as edges (dangling ones left out; they are reported apart). */
export class TreeGraph {
  private readonly edges = new Map<string, { to: string; entry: number }[]>();
  private readonly reverse = new Map<string, Set<string>>();

  constructor(tree: DiagnosisTree, exists: (id: string) => boolean) {
    for (const q of tree.questions) {
      if (this.edges.has(q.id)) continue;
      const out = q.next.map((n, entry) => ({ to: n.goto, entry })).filter((e) => exists(e.to));
      this.edges.set(q.id, out);
      for (const { to } of out) this.reverse.set(to, (this.reverse.get(to) ?? new Set()).add(q.id));
    }
  }

  reachableFrom(start: string): Set<string> {
    const seen = new Set<string>();
    const queue = this.edges.has(start) ? [start] : [];
    while (queue.length) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const { to } of this.edges.get(id) ?? []) queue.push(to);
    }
    return seen;
  }

  /** Every edge that closes a loop, found by depth-first search from start. */
  cycles(start: string): Cycle[] {
    const found: Cycle[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (id: string) => {
      state.set(id, 'open');
      stack.push(id);
      for (const { to, entry } of this.edges.get(id) ?? []) {
        if (state.get(to) === 'open')
          found.push({ from: id, entry, to, ids: [...stack.slice(stack.indexOf(to)), to] });
        else if (!state.has(to)) visit(to);
      }
      stack.pop();
      state.set(id, 'done');
    };
    if (this.edges.has(start)) visit(start);
    return found;
  }

  /** For each reachable node, the questions asked on every path from start to it (dominators, by fixpoint). */
  mustPass(start: string, reachable: ReadonlySet<string>): Map<string, Set<string>> {
    const result = new Map<string, Set<string>>();
    if (!reachable.has(start)) return result;
    result.set(start, new Set());
    let changed = true;
    while (changed) {
      changed = false;
      for (const id of reachable) {
        if (id === start) continue;
        let meet: Set<string> | undefined;
        for (const from of this.reverse.get(id) ?? []) {
          const known = result.get(from);
          if (!reachable.has(from) || !known) continue;
          const through = new Set(known).add(from);
          meet = meet ? new Set([...meet].filter((x) => through.has(x))) : through;
        }
        const current = result.get(id);
        if (meet && (!current || current.size !== meet.size || [...current].some((x) => !meet.has(x)))) {
          result.set(id, meet);
          changed = true;
        }
      }
    }
    return result;
  }

  /** The reachable questions from which `id` can be reached: those that may have been answered on the way. */
  ancestors(id: string, reachable: ReadonlySet<string>): Set<string> {
    const seen = new Set<string>();
    const queue = [...(this.reverse.get(id) ?? [])];
    while (queue.length) {
      const from = queue.shift()!;
      if (seen.has(from) || !reachable.has(from)) continue;
      seen.add(from);
      queue.push(...(this.reverse.get(from) ?? []));
    }
    return seen;
  }
}
