import { getJson } from './api.js';
import type { Recount, TopicList } from './types.js';

/** A recount as GET /topics shows it (GET /recounts/{id} tells more). */
type RecountProgress = NonNullable<TopicList['recount']>;

/**
 * While a recount runs (a topic was added or changed, or the analyser upgraded), the page says so
 * and how far it got, polling GET /recounts/{id}; the topics whose history is not complete yet
 * are marked where they are chosen. When it ends, `onDone` redraws the page with whole histories.
 */
export function showRecount(
  banner: HTMLElement,
  recount: TopicList['recount'],
  incomplete: readonly string[],
  onDone: () => void,
): void {
  if (!recount) {
    banner.hidden = true;
    return;
  }
  const say = (r: RecountProgress) => {
    const of = r.total > 0 ? ` of ${r.total.toLocaleString('en-GB')}` : '';
    banner.textContent =
      `Recounting the archive: ${r.processed.toLocaleString('en-GB')}${of} articles done. ` +
      (incomplete.length > 0
        ? `${incomplete.join(', ')}: history not complete yet (marked “recounting”).`
        : 'Counts may still move.');
    banner.hidden = false;
  };
  say(recount);
  const poll = async () => {
    try {
      const r = await getJson<Recount>(`recounts/${encodeURIComponent(recount.id)}`);
      if (r.status === 'running') {
        say(r);
        setTimeout(poll, 3000);
        return;
      }
      banner.textContent =
        r.status === 'done'
          ? 'Recount done: every article is counted under the current topics.'
          : `Recount ${r.status}.`;
      onDone();
    } catch {
      setTimeout(poll, 10_000);
    }
  };
  setTimeout(poll, 3000);
}
