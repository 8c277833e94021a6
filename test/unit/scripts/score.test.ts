import { describe, expect, it } from 'vitest';
import { score } from '../../../scripts/eval/score.js';

describe('the scorer port', () => {
  it('scores a perfect prediction 1 and an empty one 0', () => {
    const gold = {
      a: {
        topics: { kherson: 2, negotiations: 0 },
        sentiment: { label: 'negative' },
        entities: { people: ['Volodymyr Zelensky'], places: ['Kyiv'], organizations: [] },
        aliases: { Kyiv: ['Kiev'] },
      },
    };
    const perfect = score(gold, {
      a: {
        topics: { kherson: { mentions: 2 } },
        sentiment: { label: 'negative' },
        entities: [
          { name: 'Volodymyr Zelensky', type: 'person' },
          { name: 'Kiev', type: 'place' },
        ],
      },
    });
    expect(perfect.topics.kherson?.f1).toBe(1);
    expect(perfect.mentionExact).toBe(1);
    expect(perfect.entities.places.f1).toBe(1);
    expect(perfect.sentimentAccuracy).toBe(1);
    const empty = score(gold, {});
    expect(empty.found).toBe(0);
    expect(empty.topics.kherson?.f1).toBe(0);
    expect(empty.entities.people.f1).toBe(0);
  });
});
