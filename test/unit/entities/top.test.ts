import { describe, expect, it } from 'vitest';
import { topEntities } from '#shared/entities/top.js';
import type { ArticleReader, EntityCount } from '#shared/ports.js';

/** Entity counts by day; every other port method is unused by topEntities. */
function readerOf(days: Record<string, EntityCount[]>) {
  const asked: string[] = [];
  const reader = {
    entityDay: async (day: string) => {
      asked.push(day);
      return days[day] ?? [];
    },
  } as unknown as ArticleReader;
  return { reader, asked };
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
const count = (type: string, name: string, articles: number, mentions: number): EntityCount => ({
  type,
  name,
  articles,
  mentions,
});

describe('topEntities', () => {
  const days = {
    '2022-11-10': [count('person', 'Volodymyr Zelensky', 2, 5), count('place', 'Kherson', 3, 9)],
    '2022-11-11': [count('person', 'Volodymyr Zelensky', 1, 4), count('organization', 'NATO', 1, 1)],
    '2022-11-12': [count('place', 'Kherson', 1, 1), count('person', 'Nobody', 0, 0)],
    '2022-11-13': [count('place', 'Kyiv', 9, 9)],
  };

  it('sums every day of the range, most mentioned first, and reads each day once', async () => {
    const { reader, asked } = readerOf(days);
    const top = await topEntities(reader, { from: day('2022-11-10'), to: day('2022-11-12') }, undefined);
    expect(top).toEqual([
      { name: 'Kherson', type: 'place', articles: 4, mentions: 10 },
      { name: 'Volodymyr Zelensky', type: 'person', articles: 3, mentions: 9 },
      { name: 'NATO', type: 'organization', articles: 1, mentions: 1 },
    ]);
    expect(asked).toEqual(['2022-11-10', '2022-11-11', '2022-11-12']);
  });

  it('keeps one type when asked', async () => {
    const { reader } = readerOf(days);
    const top = await topEntities(reader, { from: day('2022-11-10'), to: day('2022-11-13') }, 'place');
    expect(top.map((e) => e.name)).toEqual(['Kherson', 'Kyiv']);
  });

  it('breaks ties by articles, then by name', async () => {
    const { reader } = readerOf({
      '2022-11-10': [count('person', 'B', 1, 2), count('person', 'A', 1, 2), count('person', 'C', 2, 2)],
    });
    const top = await topEntities(reader, { from: day('2022-11-10'), to: day('2022-11-10') }, undefined);
    expect(top.map((e) => e.name)).toEqual(['C', 'A', 'B']);
  });

  it('tells two entities of one name and different types apart', async () => {
    const { reader } = readerOf({
      '2022-11-10': [count('place', 'Washington', 1, 3), count('person', 'Washington', 1, 1)],
    });
    const top = await topEntities(reader, { from: day('2022-11-10'), to: day('2022-11-10') }, undefined);
    expect(top.map((e) => `${e.type}:${e.mentions}`)).toEqual(['place:3', 'person:1']);
  });
});
