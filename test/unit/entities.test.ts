import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics } from '#shared/topics/load.js';

/** One test per entity rule (shared/analysis/entities.ts and its modules). */
const analyser = new Analyser(defaultTopics());
const names = (body: string, type?: string) =>
  analyser
    .analyse({ body, language: 'en' })
    .entities.filter((e) => !type || e.type === type)
    .map((e) => e.name);

describe('EntityExtractor: regions', () => {
  it('names a region "<X> Oblast", apart from its city', () => {
    const got = names('Shelling hit villages in the Kherson region overnight.', 'place');
    expect(got).toContain('Kherson Oblast');
    expect(got).not.toContain('Kherson');
    expect(names('Power returned to Kherson and to Chernihiv region.', 'place')).toEqual(
      expect.arrayContaining(['Kherson', 'Chernihiv Oblast']),
    );
  });
  it('reads each name listed before "regions" as its region', () => {
    const got = names(
      'Evacuees went to the Mykolaiv, Odesa, Kirovohrad and Khmelnytskyi regions, and to the Kherson and Zaporizhzhia regions.',
      'place',
    );
    expect(got.sort()).toEqual(
      [
        'Kherson Oblast',
        'Khmelnytskyi Oblast',
        'Kirovohrad Oblast',
        'Mykolaiv Oblast',
        'Odesa Oblast',
        'Zaporizhzhia Oblast',
      ].sort(),
    );
  });
});

describe('EntityExtractor: datelines and credits', () => {
  it('takes neither the wire nor the place of a removed dateline', () => {
    const got = names('KYIV, Nov 17 (Northline Wire) - Troops crossed the river near Kherson.');
    expect(got).not.toContain('Northline Wire');
    expect(got).not.toContain('Kyiv');
  });
  it('takes a credited wire that the text names', () => {
    const body =
      'KYIV, Nov 17 (Northline Wire) - Troops crossed the river. Northline Wire could not verify the claim.';
    expect(names(body, 'organization')).toContain('Northline Wire');
  });
});

describe('EntityExtractor: words in capitals', () => {
  it('does not take abbreviations of common nouns for organisations', () => {
    const got = names(
      'Spending will reach 6% of GDP, the local MP said of coins from 300 BC.',
      'organization',
    );
    expect(got).toEqual([]);
  });
  it('reads US and U.S. as the United States', () => {
    expect(names('A US aid bill stalled; U.S. officials said so.', 'place')).toEqual(['United States']);
    expect(names('A US aid bill stalled.', 'organization')).toEqual([]);
  });
});

describe('EntityExtractor: the gazetteer', () => {
  it('matches an alias written with a capital only where the text writes it so', () => {
    expect(names('Shelling hit towns on the west bank of the river.', 'place')).toEqual([]);
    expect(names('Settlers in the West Bank protested.', 'place')).toEqual(['West Bank']);
  });
  it('reads the bare Dnipro as the river, the city only as "Dnipro city" or "city of Dnipro"', () => {
    expect(names('Boats crossed the lower Dnipro at night.', 'place')).toEqual(['Dnipro River']);
    expect(names('A missile hit the city of Dnipro.', 'place')).toEqual(['Dnipro']);
  });
  it('knows the places and bodies of the war in the south', () => {
    expect(
      names('Marines held positions near Krynky and Oleshky after the Kakhovka dam fell.', 'place'),
    ).toEqual(expect.arrayContaining(['Krynky', 'Oleshky', 'Kakhovka Dam']));
    expect(
      names(
        'The UN General Assembly voted; Nato and the Zaporizhzhia nuclear power plant were named.',
        'organization',
      ),
    ).toEqual(
      expect.arrayContaining(['United Nations General Assembly', 'NATO', 'Zaporizhzhia Nuclear Power Plant']),
    );
  });
});
