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
    expect(names('Talks with the US stalled; the U.S. said so.', 'place')).toEqual(['United States']);
    expect(names('The US stalled.', 'organization')).toEqual([]);
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
  it('knows a body under either side of the Atlantic’s spelling of its name (blind46)', () => {
    for (const body of [
      'Monitors of the Organisation for Security and Co-operation in Europe left in 2022.',
      'Monitors of the Organization for Security and Cooperation in Europe left in 2022.',
    ]) {
      expect(names(body, 'organization'), body).toHaveLength(1);
      expect(names(body, 'place'), body).not.toContain('Europe');
    }
  });
});

describe('EntityExtractor: places the gazetteers do not know', () => {
  it('takes a name with a place word as a place, a lower-case one capitalised', () => {
    const got = names('The River South Esk flooded River Street and the Shevchenkivskyi district.', 'place');
    expect(got.sort()).toEqual(['River South Esk', 'River Street', 'Shevchenkivskyi District']);
  });
  it('takes any name after "the town of", "the ports of" and the names listed with it', () => {
    expect(names('The factory in the town of Wrexham will close.', 'place')).toEqual(['Wrexham']);
    expect(names('Ships left the ports of Sulina, Dobre and Zelene.', 'place').sort()).toEqual([
      'Dobre',
      'Sulina',
      'Zelene',
    ]);
  });
  it('takes "Sea of", "Gulf of" before a known place as one place', () => {
    expect(names('Ships crossed the Gulf of Finland.', 'place')).toEqual(['Gulf of Finland']);
  });
  it('takes a hyphenated name with a small word inside as a place', () => {
    expect(names('Festival goers arrived in Hay-on-Wye.', 'place')).toEqual(['Hay-on-Wye']);
    expect(names('Stoke-on-Trent City Council said it would help.', 'organization')).toEqual([
      'Stoke-on-Trent City Council',
    ]);
  });
  it('does not run a name on into a weekday or a number', () => {
    expect(names('She won on Centre Court on Tuesday.')).toEqual(['Centre Court']);
    expect(names('Deminers cleared 50,000 square kilometres.')).toEqual([]);
  });
  it('does not take a place that names a document', () => {
    expect(names('The Minsk agreements and the Budapest Memorandum failed.', 'place')).toEqual([]);
  });
});

describe('EntityExtractor: organisations the gazetteers do not know', () => {
  it('takes a known place before or after an organisation into its name, not as a place', () => {
    const body = 'The Kyiv City Council met. The Ministry of Economy of Ukraine agreed.';
    expect(names(body, 'organization').sort()).toEqual([
      'Kyiv City Council',
      'Ministry of Economy of Ukraine',
    ]);
    expect(names(body, 'place')).toEqual([]);
  });
  it('takes two names joined by "&" as an organisation', () => {
    expect(names('Harlow & Finch said it had tried for months.', 'organization')).toEqual(['Harlow & Finch']);
  });
});

describe('EntityExtractor: lines that are not the story', () => {
  it('takes no entity from a byline, an author note or a photo credit', () => {
    const body =
      'Analysis by Daniel Okafor\n\nTroops moved. (Photo: Eastbridge News)\n\nIryna Savchenko is an environmental journalist based in Odesa.';
    expect(names(body)).toEqual([]);
  });
});

describe('EntityExtractor: people the gazetteers do not know', () => {
  it('takes a name that speaks as a person: "said X Y", "X Y said", "X Y, who"', () => {
    expect(names('"It is over," said Halvard Quist. Ondrej Brask said so too.', 'person').sort()).toEqual([
      'Halvard Quist',
      'Ondrej Brask',
    ]);
    expect(names('Ondrej Brask, who runs a cafe, was there.', 'person')).toEqual(['Ondrej Brask']);
  });
  it('takes a name after a role word as a person, without the role', () => {
    expect(
      names('Chief executive Halvard Quist spoke. Local MP Ondrej Brask agreed.', 'person').sort(),
    ).toEqual(['Halvard Quist', 'Ondrej Brask']);
  });
  it('takes a known given name before a surname that is also a given name', () => {
    expect(names('The union backed Karen Lloyd at the meeting.', 'person')).toEqual(['Karen Lloyd']);
  });
  it('knows Ukrainian transliterations and common English given names beyond the gazetteers', () => {
    expect(names('The committee thanked Nadiia Levchenko at the meeting.', 'person')).toEqual([
      'Nadiia Levchenko',
    ]);
    expect(names('The club signed Ollie Grant at the meeting.', 'person')).toEqual(['Ollie Grant']);
    expect(names('Neighbours helped Jamal Price at the meeting.', 'person')).toEqual(['Jamal Price']);
  });
});

describe("EntityExtractor: a country's ministries and government", () => {
  it('names a ministry or government written in lower case after the country or its adjective', () => {
    const body =
      "Ukraine's interior ministry said so. The Ukrainian government agreed. Germany's foreign ministry did not.";
    expect(names(body, 'organization').sort()).toEqual([
      'German Foreign Ministry',
      'Ministry of Internal Affairs of Ukraine',
      'Ukrainian Government',
    ]);
    expect(names(body, 'place').sort()).toEqual(['Germany', 'Ukraine']);
  });
  it('names "<Country>\'s Ministry of X" as "Ministry of X of <Country>"', () => {
    expect(names("Ukraine's Ministry of Economy said so.", 'organization')).toEqual([
      'Ministry of Economy of Ukraine',
    ]);
  });
  it("does not count the country of a known body written with its possessive (Ukraine's navy)", () => {
    expect(names("Ukraine's navy said so.", 'place')).toEqual([]);
    expect(names("Ukraine's navy said so. Ukraine has asked for more boats.", 'place')).toEqual(['Ukraine']);
  });
});

describe('EntityExtractor: the cities of the world', () => {
  it('takes a large city standing alone in a sentence as a place', () => {
    expect(names('Traders in Chicago said wheat dipped; the trial ran in Bristol.', 'place').sort()).toEqual([
      'Bristol',
      'Chicago',
    ]);
  });
  it('does not take one beside another capitalised word or opening a sentence', () => {
    expect(names('Sheffield Wednesday won, and Bristol City lost.', 'place')).toEqual([]);
    expect(names('Chicago traders were calm.', 'place')).toEqual([]);
  });
});

describe('EntityExtractor: guards', () => {
  it('does not take an organisation that speaks for a person', () => {
    expect(names('Network Rail said the offer was fair.', 'person')).toEqual([]);
  });
  it('does not make a place of an adjective of nationality and a place word', () => {
    expect(names('They sailed to the Indonesian island of Bali.', 'place')).not.toContain(
      'Indonesian Island',
    );
  });
});

describe('EntityExtractor: bodies inside bodies', () => {
  it('splits "the X Museum of the University of Y" into the museum and the university', () => {
    const body = 'The gold was on loan to the Allard Pierson Museum of the University of Amsterdam.';
    expect(names(body, 'organization').sort()).toEqual(['Allard Pierson Museum', 'University of Amsterdam']);
  });
  it('does not take "the X Y said" for a person', () => {
    expect(names('The Allard Pierson said it would return the gold.', 'person')).toEqual([]);
  });
  it('takes "the Ukrainian government", not "no Ukrainian government"', () => {
    expect(names('No Ukrainian government could accept that.', 'organization')).toEqual([]);
    expect(names('The Ukrainian government agreed.', 'organization')).toEqual(['Ukrainian Government']);
  });
});

describe('EntityExtractor: one-word companies and qualified bodies', () => {
  it('takes a one-word name with a company ending as an organisation', () => {
    expect(names('Analysts at Commerzbank said so, and Rosatom agreed.', 'organization').sort()).toEqual([
      'Commerzbank',
      'Rosatom',
    ]);
  });
  it('does not count the UN in "the UN World Food Programme"', () => {
    expect(names('The UN World Food Programme said shipments continued.', 'organization')).toEqual([
      'World Food Programme',
    ]);
  });
});

describe('EntityExtractor: more cues', () => {
  it('takes a name after a role and a comma as a person ("the referee, Slavko Vincic")', () => {
    expect(names('Mourinho blamed the referee, Slavko Vincic, for the loss.', 'person')).toEqual([
      'Slavko Vincic',
    ]);
  });
  it('takes buildings and grounds as places (Annunciation Cathedral, Brechin City Hall)', () => {
    expect(names('People sheltered in the Annunciation Cathedral.', 'place')).toEqual([
      'Annunciation Cathedral',
    ]);
  });
});

describe('EntityExtractor: lists of places', () => {
  it('takes the names listed after a known place as places', () => {
    expect(names('Russian forces shelled Antonivka, Sadove and Tomyna Balka.', 'place').sort()).toEqual([
      'Antonivka',
      'Sadove',
      'Tomyna Balka',
    ]);
  });
  it('knows the major outlets and banks', () => {
    expect(
      names('The Sunday Times said the Bank of England and Goldman Sachs agreed.', 'organization').sort(),
    ).toEqual(['Bank of England', 'Goldman Sachs', 'Sunday Times']);
  });
});

describe('EntityExtractor: regional military administrations', () => {
  it('names "the X regional military administration" after its region', () => {
    const body = 'Ivan Fedorov, head of the Zaporizhzhia regional military administration, said so.';
    expect(names(body, 'organization')).toEqual(['Zaporizhzhia Regional Military Administration']);
  });
  it("names one without a place after the story's region", () => {
    const body =
      'Shelling hit Kharkiv again. Across the Kharkiv region, schools closed, said the head of the regional military administration.';
    expect(names(body, 'organization')).toEqual(['Kharkiv Regional Military Administration']);
  });
});

describe('EntityExtractor: surnames', () => {
  it('takes a two-word name whose second word recurs alone as a person', () => {
    const body =
      'Residents of the village were led by Bohuslava Kryvenko at dawn. Later, Kryvenko said the bread was gone.';
    expect(names(body, 'person')).toEqual(['Bohuslava Kryvenko']);
  });
  it('reads no German noun pair as a surname, nor a sentence-opening word and an adjective', () => {
    const german =
      'Die Züge der Deutschen Bahn fahren wieder, und die Bahn sagte, dass die Strecke frei sei.';
    expect(
      analyser.analyse({ body: german, language: 'de' }).entities.filter((e) => e.type === 'person'),
    ).toEqual([]);
    const body =
      'The troops and the tanks were gone. Retreating Russian units left, said the mayor. Russian guns fell silent.';
    expect(names(body, 'person')).toEqual([]);
  });
});

describe('EntityExtractor: holidays', () => {
  it('does not take a holiday for a surname ("Orthodox Christmas ... Christmas")', () => {
    const body =
      'Believers of the church were told to mark Christmas on the seventh. Around the town, Orthodox Christmas passed quietly.';
    expect(names(body, 'person')).toEqual([]);
  });
});

describe('EntityExtractor: a body known by its acronym', () => {
  const orgs = (body: string) =>
    analyser.analyse({ body, language: 'en' }).entities.filter((e) => e.type === 'organization');
  it('takes the name the text spells out, with the acronym as one more mention of it', () => {
    const got = orgs(
      'The International Atomic Energy Agency has had inspectors at the plant since 2022. The IAEA said on Monday that power was cut.',
    );
    expect(got.map((e) => [e.name, e.mentions])).toEqual([['International Atomic Energy Agency', 2]]);
  });
  it('keeps the acronym where the text never spells it out', () => {
    expect(orgs('The IAEA said on Monday that power at the plant was cut.').map((e) => e.name)).toEqual([
      'IAEA',
    ]);
  });
});

describe('EntityExtractor: organisation names as written', () => {
  const orgs = (body: string) => names(body, 'organization');
  it('keeps a plural possessive inside a name', () => {
    expect(orgs("The British Airline Pilots' Association (Balpa) said members were told.")).toContain(
      "British Airline Pilots' Association",
    );
    expect(orgs("Fans formed the Westbury Town Supporters' Trust last year.")).toEqual([
      "Westbury Town Supporters' Trust",
    ]);
  });
  it('reads a ministry named by a list, but not a list of places after a ministry', () => {
    expect(orgs('Targets were set by the Ministry of Housing, Communities and Local Government.')).toEqual([
      'Ministry of Housing, Communities and Local Government',
    ]);
    expect(orgs('The Department for Environment, Food and Rural Affairs said new rules would come.')).toEqual(
      ['Department for Environment, Food and Rural Affairs'],
    );
    expect(names('The Ministry of Defence, Kyiv and Moscow all said no.')).toEqual(
      expect.arrayContaining(['Ministry of Defence', 'Kyiv', 'Moscow']),
    );
  });
  it("reads a list closed by a body's head word, and a utility company that speaks", () => {
    expect(orgs('The Advisory, Conciliation and Arbitration Service said talks failed.')).toEqual([
      'Advisory, Conciliation and Arbitration Service',
    ]);
    expect(orgs('United Utilities said the reservoir was low.')).toEqual(['United Utilities']);
    expect(orgs('Acme Advisory, Smith and Jones said nothing.')).toEqual(['Acme Advisory']);
  });
  it("keeps a possessive inside a body's name, and an ordinal unit's name as written", () => {
    expect(orgs("The Kherson Regional Prosecutor's Office opened a case.")).toEqual([
      "Kherson Regional Prosecutor's Office",
    ]);
    expect(orgs("The United Nations Children's Fund said so.")).toEqual(["United Nations Children's Fund"]);
    expect(orgs('Analysts at the Center for Strategic and International Studies said so.')).toEqual([
      'Center for Strategic and International Studies',
    ]);
  });
  it('splits two bodies joined by "and the"', () => {
    expect(
      orgs(
        'The loans were agreed with the National Museum of the History of Ukraine and the Odesa Archaeological Museum.',
      ).sort(),
    ).toEqual(['National Museum of the History of Ukraine', 'Odesa Archaeological Museum']);
  });
  it('splits two whole bodies joined by "and", and keeps one body whose name holds "and"', () => {
    expect(
      orgs(
        'After months of talks between the legion, the Harwick Market Association and Harwick Town Council, a compromise was approved.',
      ).sort(),
    ).toEqual(['Harwick Market Association', 'Harwick Town Council']);
    expect(
      orgs(
        'The exchange links Wear Valley University and Kherson State Agrarian and Economic University.',
      ).sort(),
    ).toEqual(['Kherson State Agrarian and Economic University', 'Wear Valley University']);
    expect(orgs('Crews from the Scottish Fire and Rescue Service attended.')).toEqual([
      'Scottish Fire and Rescue Service',
    ]);
  });
  it('does not take a conjunction opening a sentence into a name ("Because Andrii …")', () => {
    expect(
      names(
        'Music director Helen Ashby said so. "Not as a gesture," she said. "Because Andrii is one of us."',
        'person',
      ),
    ).toEqual(['Helen Ashby']);
  });
  it('names UN agencies, Ukrainian ministries and British parties by their full names', () => {
    expect(orgs('The UN Development Programme and UN OCHA said the grants would help.').sort()).toEqual([
      'UN Office for the Coordination of Humanitarian Affairs',
      'United Nations Development Programme',
    ]);
    expect(orgs('The Ministry of Agrarian Policy and Food said the harvest fell.')).toEqual([
      'Ministry of Agrarian Policy and Food of Ukraine',
    ]);
    expect(orgs('The Liberal Democrats and the Labour Party voted against.').sort()).toEqual([
      'Labour Party',
      'Liberal Democrats',
    ]);
  });
  it("drops a councillor's title from the name (Cllr Dawn Pearce)", () => {
    expect(
      names('Cabinet member for planning Cllr Dawn Pearce said the decision was fair.', 'person'),
    ).toEqual(['Dawn Pearce']);
  });
  it('takes a given name and a place head that speaks as a person (Fiona Lake), a street as a place', () => {
    expect(names('"We will appeal," said the group\'s chairman, Fiona Lake.', 'person')).toEqual([
      'Fiona Lake',
    ]);
    expect(names('They walked along Charlotte Street to the station.', 'place')).toEqual([
      'Charlotte Street',
    ]);
  });
  it('names a hyphenated town whole where the gazetteer knows only its first part', () => {
    expect(names('He lives in Stockton-on-Tees and works in Leeds.', 'place').sort()).toEqual([
      'Leeds',
      'Stockton-on-Tees',
    ]);
    expect(orgs('A spokesman for Stockton-on-Tees Borough Council said the site should be kept.')).toEqual([
      'Stockton-on-Tees Borough Council',
    ]);
  });
  it('names a regional state administration by its own name, not the military one that replaced it', () => {
    expect(orgs('A Ukrainian flag flies again over the Kherson Regional State Administration.')).toEqual([
      'Kherson Regional State Administration',
    ]);
    expect(orgs('The Kherson regional military administration said two people were hurt.')).toEqual([
      'Kherson Regional Military Administration',
    ]);
  });
  it("keeps a ministry's whole area after a country's adjective", () => {
    expect(orgs('The Turkish Ministry of Culture and Tourism said the museum would reopen.')).toEqual([
      'Turkish Ministry of Culture and Tourism',
    ]);
  });
  it('takes the longer name a text gives a body the gazetteer knows', () => {
    expect(
      orgs('The General Staff of the Armed Forces of Ukraine said on Tuesday that troops moved.'),
    ).toEqual(['General Staff of the Armed Forces of Ukraine']);
  });
});

describe('EntityExtractor: a person after a role in one run of capitals', () => {
  it('starts the person at the given name, the role before it dropped', () => {
    expect(names('Secretary of State Marco Rubio said the talks went well.')).toEqual(['Marco Rubio']);
    expect(names('National Security Adviser Mike Waltz said the plan was ready.')).toEqual(['Mike Waltz']);
    expect(names('Conductor Iryna Khersonchuk said the choir would tour.', 'person')).toEqual([
      'Iryna Khersonchuk',
    ]);
  });
  it('leaves a body whose name holds a given name alone', () => {
    expect(names('The 35th Separate Marine Brigade said it held the line.', 'organization')).toEqual([
      '35th Separate Marine Brigade',
    ]);
    expect(names('The Anna Lindh Foundation said so.', 'organization')).toEqual(['Anna Lindh Foundation']);
  });
});

describe('EntityExtractor: a known name that opens a longer one', () => {
  it('reads a known body before a body head as one body, and keeps it alone before a person', () => {
    expect(names('The United Nations Development Programme said the plant was repaired.')).toEqual([
      'United Nations Development Programme',
    ]);
    expect(names('UN Secretary-General Antonio Guterres said so.').sort()).toEqual([
      'Antonio Guterres',
      'United Nations',
    ]);
  });
  it('reads a city that is also a given name, before a surname, as a person', () => {
    expect(names('Sofia Lindqvist, who leads the mission, said the work was slow.')).toEqual([
      'Sofia Lindqvist',
    ]);
    expect(names('Flights from Sofia resumed on Monday.', 'place')).toEqual(['Sofia']);
    expect(names('Finance director Daniel Kherson said sales fell.')).toEqual(['Daniel Kherson']);
  });
});

describe('EntityExtractor: the end of a text', () => {
  it('ends a name run at the last word, wherever the text stops', () => {
    // A hyphenated connector or a possessive as the very last words (blind54 bh-012 crashed here).
    for (const body of [
      'Cet article vous a plu ? Partagez-le',
      'Partagez-le.',
      "Aid reached Mykolaiv's",
      'Kyiv-',
    ])
      expect(() => analyser.analyse({ body, language: 'fr' })).not.toThrow();
    expect(names('Lisez-le. Olena Kovalenko est partie à Odesa-la', 'person')).toEqual(['Olena Kovalenko']);
  });
});

describe("EntityExtractor: Ukraine's General Staff and presidential office, and clubs", () => {
  it('names "the General Staff" and "Ukraine\'s General Staff" officially; another country\'s keeps its own', () => {
    expect(names('The General Staff said the bridgehead held.', 'organization')).toEqual([
      'General Staff of the Armed Forces of Ukraine',
    ]);
    expect(names("Ukraine's General Staff reported 40 clashes.", 'organization')).toEqual([
      'General Staff of the Armed Forces of Ukraine',
    ]);
    expect(names("Russia's General Staff said its units held.", 'organization')).toEqual([
      'Russian General Staff',
    ]);
  });
  it("reads the presidential office in lower case as Ukraine's, unless another country owns it", () => {
    expect(
      names('Andriy Yermak, the head of the presidential office, led the delegation.', 'organization'),
    ).toEqual(['Office of the President of Ukraine']);
    expect(names("Videos released by the president's office showed the men.", 'organization')).toEqual([
      'Office of the President of Ukraine',
    ]);
    expect(names('The Russian presidential office said so.', 'organization')).toEqual([]);
    expect(names("Russia's presidential office said so.", 'organization')).toEqual([]);
  });
  it('takes "<Name> Town" and "<Name> United" as clubs, but not the Old Town', () => {
    expect(
      names('Harlow Town beat Carrow Town 2-1. Castlebridge United lost.', 'organization').sort(),
    ).toEqual(['Carrow Town', 'Castlebridge United', 'Harlow Town']);
    expect(names('They walked through the Old Town to the square.', 'organization')).toEqual([]);
  });
});

describe("EntityExtractor: a country's initials as an adjective", () => {
  it('names no place for "a US proposal", "US-drafted", "US Secretary of State", "the U.S. envoy"', () => {
    for (const body of [
      'Ukraine accepted a US proposal for a ceasefire.',
      'The US-drafted plan was revised.',
      'US Secretary of State Marco Rubio spoke.',
      'US and Ukrainian officials met.',
      'The U.S. envoy arrived.',
    ])
      expect(
        names(body, 'place').filter((p) => p !== 'Ukraine'),
        body,
      ).toEqual([]);
  });
  it('names the country where the initials are a noun, and keeps "the UK government"', () => {
    for (const body of [
      'The US said it would help.',
      'Talks with the US on Friday ended.',
      'He flew to the U.S. on Monday.',
    ])
      expect(names(body, 'place'), body).toEqual(['United States']);
    expect(names('The UK government agreed.', 'organization')).toEqual(['UK Government']);
  });
});

describe('organisations with no head word at the end (issue 19, session 18)', () => {
  it('names a broker or reinsurer the text introduces, "X Re" and "X Brothers" firms', () => {
    expect(names('Marcus Hale, head of marine at broker Thorncastle Re, said.', 'organization')).toEqual([
      'Thorncastle Re',
    ]);
    expect(names('The fund was founded by former Salomon Brothers traders.', 'organization')).toEqual([
      'Salomon Brothers',
    ]);
  });
  it('knows command, think-tank, party and league names the press writes without a head word', () => {
    expect(
      names("Ukraine's Operational Command South said two assaults were repelled.", 'organization'),
    ).toEqual(['Operational Command South']);
    expect(names('Researchers at Chatham House disagree.', 'organization')).toEqual(['Chatham House']);
    expect(names("Zelensky's office said talks would resume.", 'organization')).toEqual([
      'Office of the President of Ukraine',
    ]);
    expect(
      names(
        'The Liberal Democrats won 9 seats, the Greens 5, and the Conservatives lost nine.',
        'organization',
      ).sort(),
    ).toEqual(['Conservative Party', 'Green Party', 'Liberal Democrats']);
    // "the Premier League" is not inside "the Northern Premier League"
    expect(names('Harbridge Town play in the Northern Premier League.', 'organization').sort()).toEqual([
      'Harbridge Town',
      'Northern Premier League',
    ]);
  });
  it('names the NSDC by its full name and the Oval Office as a place, as the annotated sets do', () => {
    expect(names('The NSDC met on Monday.', 'organization')).toEqual([
      'National Security and Defense Council of Ukraine',
    ]);
    expect(names('They met in the Oval Office.', 'organization')).toEqual([]);
    expect(names('They met in the Oval Office.', 'place')).toEqual(['Oval Office']);
  });
  it('names the State Department, the Pensions Regulator and the RDIF by the names most annotated sets give them', () => {
    expect(names('The US State Department said it would comment later.', 'organization')).toEqual([
      'United States Department of State',
    ]);
    expect(names('The firm reached a settlement with the Pensions Regulator.', 'organization')).toEqual([
      'The Pensions Regulator',
    ]);
  });
  it('does not read a river bank or the labour market as a body', () => {
    expect(names('On the right bank, Russian artillery struck Kherson.', 'organization')).toEqual([]);
    expect(names('Labour shortages hit farms in the south.', 'organization')).toEqual([]);
  });
});
