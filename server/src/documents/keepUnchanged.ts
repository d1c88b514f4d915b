// What an edit did not touch, found by comparing a document's pieces (body sections, pathway
// topics) with the previous version's: those equal from the front are where they were, those
// equal from the back have moved by the lines added or removed in between.

export interface Piece {
  text: string;
  startLine: number;
}

/**
 * Calls `keep(was, now, moved)` for each unchanged piece, first from the front (moved is 0),
 * then from the back; `keep` may refuse a piece (false), which stops the matching on that side.
 * Returns the range [front, end) of `now` that changed and must be read again.
 */
export function keepUnchanged<T extends Piece>(old: readonly T[], now: T[], keep: (was: T, now: T, moved: number) => boolean): { front: number; end: number } {
  let front = 0;
  while (front < now.length && front < old.length && old[front].startLine === now[front].startLine && old[front].text === now[front].text && keep(old[front], now[front], 0)) {
    front++;
  }
  let back = 0;
  while (back < now.length - front && back < old.length - front) {
    const was = old[old.length - 1 - back];
    const is = now[now.length - 1 - back];
    if (was.text !== is.text || !keep(was, is, is.startLine - was.startLine)) break;
    back++;
  }
  return { front, end: now.length - back };
}
