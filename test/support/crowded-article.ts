import cueData from '#shared/analysis/data/name-cues.json' with { type: 'json' };

const SYLLABLES = [
  'ko',
  'va',
  'len',
  'mar',
  'ti',
  'shen',
  'dor',
  'ba',
  'ru',
  'lio',
  'pet',
  'sa',
  'nek',
  'vo',
  'gri',
  'tan',
];

/** A made-up surname for a number: distinct numbers give distinct names (`Kovalenko`-like). */
export function surnameOf(n: number): string {
  let s = '';
  let k = n + SYLLABLES.length ** 2;
  while (k > 0) {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  }
  return `${s[0]?.toUpperCase()}${s.slice(1)}enko`;
}

/**
 * A news article naming `people` people no other article of the same `index` names (a given name
 * the analyser knows and a made-up surname, with a speech verb), and Kherson `kherson` times: the
 * kind of article a breaking-news hour brings, dozens of named witnesses and officials each.
 */
export function crowdedArticle(index: number, people: number, kherson = 1): string {
  const given = cueData.firstNames;
  const sentences = Array.from({ length: people }, (_, j) => {
    const name = `${given[(index * 7 + j) % given.length]} ${surnameOf(index * 1000 + j)}`;
    return `${name} said the night in the city had been long.`;
  });
  const mentions = Array.from({ length: kherson }, () => 'Officials in Kherson reported more shelling.');
  return [...mentions, ...sentences].join(' ');
}
