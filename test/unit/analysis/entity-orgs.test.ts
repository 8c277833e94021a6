import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics } from '#shared/topics/load.js';

/** The organisation rules added for issue 19 (organisations' recall): one test per rule. */
const analyser = new Analyser(defaultTopics());
const orgs = (body: string) =>
  analyser
    .analyse({ body, language: 'en' })
    .entities.filter((e) => e.type === 'organization')
    .map((e) => e.name);
/** The text names at least these organisations. */
const expectOrgs = (body: string, names: readonly string[]) =>
  expect(orgs(body)).toEqual(expect.arrayContaining([...names]));

describe('EntityExtractor: organisations', () => {
  it('names a body whose head word is followed by a link, whatever its first and last words', () => {
    const got = orgs(
      'said Karen Lindqvist of the Nordic Institute for Defence Studies. A researcher at the Kyiv-based ' +
        'Centre for Security Studies agreed, as did Irene Matsuda of the Max Planck Institute for Evolutionary Anthropology.',
    );
    expect(got).toEqual(
      expect.arrayContaining([
        'Nordic Institute for Defence Studies',
        'Centre for Security Studies',
        'Max Planck Institute for Evolutionary Anthropology',
      ]),
    );
  });
  it("keeps a unit's number in its name", () => {
    expect(orgs('Two soldiers of the 110th Mechanised Brigade said the road was cut.')).toContain(
      '110th Mechanised Brigade',
    );
  });
  it("names a city's military administration and a region's council written in lower case", () => {
    const got = orgs(
      'The Kherson city military administration declared a day of mourning. An adviser to the head of the Kherson regional council spoke.',
    );
    expect(got).toEqual(
      expect.arrayContaining(['Kherson City Military Administration', 'Kherson Regional Council']),
    );
  });
  it("names a country's federation written in lower case, as its ministries", () => {
    expect(orgs("Ukraine's athletics federation called the jump a gift.")).toContain(
      'Ukrainian Athletics Federation',
    );
  });
  it('types a company by its industry word, and a news wire by "Wire"', () => {
    const got = orgs(
      'Severnside Paper will close its mill. Tata Steel plans to shut its furnaces. Meridian Wire could not verify the claim.',
    );
    expect(got).toEqual(expect.arrayContaining(['Severnside Paper', 'Tata Steel', 'Meridian Wire']));
  });
  it('does not take an event (Championships, Cup, Games) for an organisation', () => {
    expect(orgs('She won gold at the European Aquatics Championships and heads to the Paris Games.')).toEqual(
      [],
    );
  });
  it('knows well-known bodies without a cue word: unions, rail and farm organisations', () => {
    const got = orgs(
      'The union Unite said it would seek talks. Network Rail advised people not to travel. Farmers’ association Coldiretti counted the damage.',
    );
    expect(got).toEqual(expect.arrayContaining(['Unite', 'Network Rail', 'Coldiretti']));
  });
  it('names a wire credited in a dateline alone on its line once, where the text names it', () => {
    const body =
      'KHERSON, Ukraine, Oct 19 (Northline Wire)\n\nMarines crossed the river. Northline Wire could not verify the claim.';
    const wire = analyser
      .analyse({ body, language: 'en' })
      .entities.filter((e) => e.name === 'Northline Wire');
    expect(wire).toEqual([{ name: 'Northline Wire', type: 'organization', mentions: 1 }]);
  });
  it('reads "the UK" as the United Kingdom, not an organisation', () => {
    const got = analyser.analyse({
      body: 'It is the largest steelworks in the UK.',
      language: 'en',
    }).entities;
    expect(got).toEqual([{ name: 'United Kingdom', type: 'place', mentions: 1 }]);
  });
});

// Counting rules: "organisations by canonical English name" — the full name the bodies give
// themselves, which the annotated sets use, with the short forms as aliases.
describe('EntityExtractor: canonical names of recurring organisations', () => {
  it('names Congress, the Red Cross and the railway by their full canonical names', () => {
    expectOrgs(
      'A $61 billion aid package for Ukraine is stuck in Congress. The Red Cross brought blankets. ' +
        'The state railway, Ukrzaliznytsia, said the line to Kherson was repaired.',
      ['United States Congress', 'International Committee of the Red Cross', 'Ukrzaliznytsia'],
    );
  });
});

describe('EntityExtractor: an organisation a common noun introduces', () => {
  it('names the body right after a noun such as charity, firm, regulator, journal or operators', () => {
    expectOrgs(
      'The concert was organised by the charity Lights for Mariupol. Administrators from the accountancy ' +
        'firm Dorne Marlow were appointed. It settled with the regulator Watrex. The results appeared in the ' +
        'journal Cellula. Mobile operators Telvana and Orbis Ukraine restored coverage.',
      ['Lights for Mariupol', 'Dorne Marlow', 'Watrex', 'Cellula', 'Telvana', 'Orbis Ukraine'],
    );
  });
  it('names the body an apposition after it introduces', () => {
    expectOrgs(
      'It was in talks with Henko Rotem, the South Korean manufacturer. A grant came from Bright Kettles, a Kherson-based charity.',
      ['Henko Rotem', 'Bright Kettles'],
    );
  });
});

describe('EntityExtractor: "and" inside an organisation’s name', () => {
  it('joins two capitalised words by "and" when the run after it ends with an organisation head', () => {
    expectOrgs(
      'The Highland Fire and Rescue Service said crews had rescued dozens. She sang at the Lviv Opera and Ballet Theatre.',
      ['Highland Fire and Rescue Service', 'Lviv Opera and Ballet Theatre'],
    );
  });
});

describe('EntityExtractor: an acronym that opens a body’s name, and a mission’s seat', () => {
  it('keeps "UN" in the name of a body it opens, and the country a mission serves', () => {
    const got = orgs('The UN Human Rights Monitoring Mission in Ukraine said it would verify the toll.');
    expect(got).toEqual(['UN Human Rights Monitoring Mission in Ukraine']);
  });
  it('still names the UN alone before a person or in French', () => {
    expect(orgs('UN Secretary-General Antonio Guterres said aid would come.')).toEqual(['United Nations']);
  });
});

describe('EntityExtractor: a government named by its country’s initials', () => {
  it('names "the UK government" UK Government', () => {
    expect(orgs('The plant is backed by a grant from the UK government.')).toEqual(['UK Government']);
  });
});

describe('EntityExtractor: recurring organisations of the war’s news, and endowments and forums', () => {
  it('knows the mobile operators, aid kitchens, the army by its adjective and the Dnepr group', () => {
    expectOrgs(
      'Kyivstar and Vodafone Ukraine restored coverage. Volunteers of World Central Kitchen served tea after the ' +
        'Ukrainian army retook the area. Russia said its Dnepr group of forces held the bank.',
      [
        'Kyivstar',
        'Vodafone Ukraine',
        'World Central Kitchen',
        'Armed Forces of Ukraine',
        'Dnepr Group of Forces',
      ],
    );
  });
  it('takes an endowment or a forum as an organisation head', () => {
    expectOrgs(
      'Analysts at the Carnegie Endowment for International Peace disagree, and so does the Baltic Security Forum.',
      ['Carnegie Endowment for International Peace', 'Baltic Security Forum'],
    );
  });
});

describe('EntityExtractor: a name before its common noun', () => {
  it('names "the Forward union", not "the French company"', () => {
    const got = orgs('Alun Davies of the Forward union said so. The French company disagreed.');
    expect(got).toEqual(['Forward']);
  });
});

// Canonical English names (the counting rules): Ukraine's ministries by their official names, as
// the press writes them in full ("Ministry of Health of Ukraine"), however the text words them;
// the Prosecutor General's body in the text's own word order.
describe("EntityExtractor: Ukraine's ministries and prosecutor by their official names", () => {
  it.each([
    ["Ukraine's infrastructure ministry said so.", 'Ministry of Infrastructure of Ukraine'],
    ['The Ukrainian Foreign Ministry said so.', 'Ministry of Foreign Affairs of Ukraine'],
    ["Ukraine's defence ministry said so.", 'Ministry of Defence of Ukraine'],
    ["Ukraine's Prosecutor General's Office opened a case.", "Prosecutor General's Office of Ukraine"],
    ['The Office of the Prosecutor General opened a case.', 'Office of the Prosecutor General of Ukraine'],
    ["Russia's defence ministry said so.", 'Russian Defence Ministry'],
    // a ministry's "of" names its area, though "energy" also ends company names
    ['The Ministry of Energy of Ukraine said so.', 'Ministry of Energy of Ukraine'],
    [
      'The UN Food and Agriculture Organization warned.',
      'Food and Agriculture Organization of the United Nations',
    ],
  ])('%s → %s', (body, name) => {
    expect(orgs(body)).toEqual([name]);
  });
});

// Organisations the gazetteer does not know, by where they stand: the body someone works at or
// that runs something, a cue noun after the name past an adjective, a cue noun before it after a
// comma, an industry's or a sports club's last word.
describe('EntityExtractor: a body by its role in the sentence, and industry and club names', () => {
  it.each([
    ['Ihor Petrenko, a fellow at Brantwood House, said so.', 'Brantwood House'],
    ['The route is operated by Kestrel Coaches from Leeds.', 'Kestrel Coaches'],
    ['Volunteers from the Svitanok humanitarian mission came.', 'Svitanok'],
    ['Talks with the contractor, Dniprobud, ended on Monday.', 'Dniprobud'],
    ['The kilns at Ashgrove Pottery went cold.', 'Ashgrove Pottery'],
    ['On Saturday the Hull Falcons beat Leeds 4-2.', 'Hull Falcons'],
  ])('%s → %s', (body, name) => {
    expectOrgs(body, [name]);
  });
  it('takes no nationality for a body that runs something', () => {
    expect(orgs('The plant has been run by Russian-appointed managers since 2022.')).toEqual([]);
  });
});
