/**
 * Immediate dominators of a flow graph with several start nodes (Cooper, Harvey & Kennedy,
 * "A Simple, Fast Dominance Algorithm"). A virtual root precedes every start, so node D dominates
 * node N when every path from any start to N passes through D. Cycles are fine. Nodes not
 * reachable from a start have no entry.
 */
export class Dominators {
  private readonly idom = new Map<string, string>();
  private static readonly ROOT = '\u0000root';

  constructor(starts: readonly string[], successors: ReadonlyMap<string, readonly string[]>) {
    const root = Dominators.ROOT;
    const next = (id: string): readonly string[] => (id === root ? starts : (successors.get(id) ?? []));

    // Reverse postorder by an iterative depth-first search.
    const postorder: string[] = [];
    const visited = new Set<string>([root]);
    const frames: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const targets = next(frame.id);
      if (frame.next < targets.length) {
        const target = targets[frame.next];
        frame.next += 1;
        if (!visited.has(target)) {
          visited.add(target);
          frames.push({ id: target, next: 0 });
        }
      } else {
        frames.pop();
        postorder.push(frame.id);
      }
    }
    const rank = new Map(postorder.map((id, position) => [id, position]));
    const reversePostorder = [...postorder].reverse();

    const predecessors = new Map<string, string[]>();
    for (const id of reversePostorder) {
      for (const target of next(id)) {
        const list = predecessors.get(target) ?? [];
        list.push(id);
        predecessors.set(target, list);
      }
    }

    const idom = new Map<string, string>([[root, root]]);
    const intersect = (a: string, b: string): string => {
      let left = a;
      let right = b;
      while (left !== right) {
        while (rank.get(left)! < rank.get(right)!) left = idom.get(left)!;
        while (rank.get(right)! < rank.get(left)!) right = idom.get(right)!;
      }
      return left;
    };
    let changed = true;
    while (changed) {
      changed = false;
      for (const id of reversePostorder) {
        if (id === root) continue;
        let candidate: string | undefined;
        for (const predecessor of predecessors.get(id) ?? []) {
          if (!idom.has(predecessor)) continue;
          candidate = candidate === undefined ? predecessor : intersect(predecessor, candidate);
        }
        if (candidate !== undefined && idom.get(id) !== candidate) {
          idom.set(id, candidate);
          changed = true;
        }
      }
    }
    for (const [id, dominator] of idom) if (id !== root) this.idom.set(id, dominator);
  }

  /** Whether `dominator` lies on every path from the starts to `id` (and differs from it). */
  strictlyDominates(dominator: string, id: string): boolean {
    let current = this.idom.get(id);
    while (current !== undefined && current !== Dominators.ROOT) {
      if (current === dominator) return true;
      current = this.idom.get(current);
    }
    return false;
  }

  /** Whether `id` can be reached from a start. */
  isReachable(id: string): boolean {
    return this.idom.has(id);
  }
}
