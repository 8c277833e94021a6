import {
  type Contribution,
  type CounterRef,
  diffContributions,
  EMPTY_CONTRIBUTION,
} from '../ingest/contribution.js';
import type { ArticleCommit } from '../ports.js';

/**
 * An hour's entity counts live in parts: items `ENT#<day>` / `<hour>` (part 0), `<hour>#1`, … An
 * item keeps, in GROWTH_ATTRIBUTE, an upper bound of the bytes ever added to it (every positive
 * amount counts its attribute name and a number, whether or not the attribute was there before),
 * and an update that adds to an item takes the condition that this bound is still under
 * ENTITY_PART_BYTES. So no item grows past ENTITY_PART_BYTES + one update, whatever the number of
 * articles or names in an hour: a refused update sends its articles to the next part. Without
 * this, one busy hour (400 articles naming ~46 people each) filled its single item to DynamoDB's
 * 400 KB limit and every later article of that hour failed whole, topic counts included.
 *
 * Why 32 000: DynamoDB bills a transactional update 2 units per started KB of the item (before or
 * after, the larger), so a part's updates cost at most ~2 × (32 + one update's KB) units, against
 * up to 800 for a full 400 KB item; the bound over-counts names an item already holds, and a
 * smaller cap would split ordinary hours into more parts that /entities then reads (a day is
 * 24 × parts items, the names repeated in each).
 */
export const ENTITY_PART_BYTES = 32_000;
export const GROWTH_ATTRIBUTE = 'grown';

/** What one attribute adds to an item at most: its name (UTF-8) and a number (≤ 21 bytes). */
export const attributeGrowth = (name: string) => Buffer.byteLength(name, 'utf8') + 21;

/** What one update adds to an entity item at most: every positive amount's attribute. */
export const updateGrowth = (add: Readonly<Record<string, number | bigint>>) =>
  Object.entries(add).reduce((n, [attr, amount]) => n + (amount > 0 ? attributeGrowth(attr) : 0), 0);

type EntityRef = Extract<CounterRef, { kind: 'entities' }>;

/** The hour an entity counter belongs to, whatever its part. */
export const entityHourId = (c: EntityRef) => `${c.day}T${c.hour}`;

export function entityRefOf(contribution: Contribution | undefined): EntityRef | undefined {
  for (const d of contribution?.counters ?? []) if (d.counter.kind === 'entities') return d.counter;
  return undefined;
}

/** The commit with its article's entities in `part` of their hour: the record and the change. */
export function withEntityPart(commit: ArticleCommit, part: number): ArticleCommit {
  const ref = entityRefOf(commit.next.contribution);
  if (!ref || (ref.part ?? 0) === part) return commit;
  const { part: _old, ...hour } = ref;
  const counter: EntityRef = part ? { ...hour, part } : hour;
  const contribution: Contribution = {
    ...commit.next.contribution,
    counters: commit.next.contribution.counters.map((d) =>
      d.counter.kind === 'entities' ? { ...d, counter } : d,
    ),
  };
  return {
    ...commit,
    next: { ...commit.next, contribution },
    change: diffContributions(commit.previous?.contribution ?? EMPTY_CONTRIBUTION, contribution),
  };
}

/** Whether the commit adds anything to an entity item (only then may a full part refuse it). */
export const addsEntities = (commit: ArticleCommit) =>
  commit.change.counters.some(
    (d) => d.counter.kind === 'entities' && Object.values(d.add).some((v) => v > 0),
  );

/**
 * Where a commit's entities go, given the lowest part of each hour not known to be full (`open`):
 * an article that stays in the hour of its previous record stays in that record's part when it
 * adds nothing there (its entities unchanged: no update at all), else the open part.
 */
export function placeEntities(commit: ArticleCommit, open: ReadonlyMap<string, number>): ArticleCommit {
  const ref = entityRefOf(commit.next.contribution);
  if (!ref) return commit;
  const lowest = open.get(entityHourId(ref)) ?? 0;
  const before = entityRefOf(commit.previous?.contribution);
  const stay =
    before && entityHourId(before) === entityHourId(ref)
      ? (before.part ?? 0)
      : Math.max(lowest, ref.part ?? 0);
  const placed = withEntityPart(commit, stay);
  return stay < lowest && addsEntities(placed) ? withEntityPart(commit, lowest) : placed;
}
