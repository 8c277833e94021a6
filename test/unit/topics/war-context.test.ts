import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics, withoutJudges } from '#shared/topics/load.js';

/**
 * Session 9's counting rules (issue 19, item 7): which talks and truces are the war's, per the
 * counting rules' "only where the sentence, or the one before it, is about the Russia–Ukraine war"
 * and "wage, contract, trade or other wars' talks do not count".
 */
const analyser = new Analyser(defaultTopics());
const count = (body: string, topic: 'kherson' | 'negotiations' = 'negotiations') =>
  analyser.analyse({ body }).topics[topic]?.mentions ?? 0;
const rules = new Analyser(withoutJudges(defaultTopics()));

describe('a truce needs an article about the war, not one that names it in passing', () => {
  it('does not count a figurative truce in a story that names the war once', () => {
    const bodies = [
      'The club lost two sponsors after Russia’s invasion of Ukraine. The season started badly. ' +
        'Fans boycotted home games all autumn. In December they declared a truce and returned to the stands. ' +
        'The team won its last six games.',
      'Болельщики весь сезон бойкотировали матчи. Спонсор ушёл из-за войны в Украине. Команда проиграла пять игр. ' +
        'Осенью болельщики объявили перемирие и вернулись на трибуны.',
    ];
    for (const body of bodies) expect(count(body), body).toBe(0);
  });
  it('still counts a ceasefire without a context term of its own in a report about the war', () => {
    const body =
      'Russian drones struck Kherson overnight. Ukraine’s air force said it shot down 20 of them. ' +
      'Cafés and schools have reopened in the centre. Hardly anyone here believes in a ceasefire.';
    expect(count(body)).toBe(1);
  });
});

describe('a price war or a trade war is another war', () => {
  it.each([
    'Prices rose after the invasion of Ukraine. Kyiv exports less. Retailers agreed a truce in the price war that hurt them.',
    'Les prix ont augmenté depuis la guerre en Ukraine. Kyiv exporte moins. Le marché a profité d’une trêve dans la guerre des prix.',
    'Los precios subieron tras la invasión de Ucrania. Kiev exporta menos. El sector pide una tregua en plena guerra de precios.',
  ])('does not count a truce in a price war, even where "war" is a context word: %s', (body) => {
    expect(count(body)).toBe(0);
  });
});

describe('talks about trade or accession are other talks, whatever else the sentence names', () => {
  it('does not count talks whose object, right after them, is trade or accession', () => {
    const war = 'Russia shelled Kherson again. Kyiv asked for air defence. ';
    const bodies = [
      'The sides continue negotiations on expanding trade in national currencies.',
      'Москва и Дели продолжают переговоры о расширении торговли в национальных валютах.',
      'Brüssel verweist darauf, dass die Verhandlungen über den EU-Beitritt der Ukraine begonnen haben.',
    ];
    for (const body of bodies) expect(count(war + body), body).toBe(0);
    // "negotiations on a ceasefire" is one phrase, as "ceasefire negotiations" is (counting rules).
    expect(count(`${war}Kyiv said negotiations on a ceasefire could start in spring.`)).toBe(1);
  });
});

describe('kherson: any surname built on the place name, after a given name', () => {
  const surname = 'Ukrainian winger Dmytro Khersoniuk scored twice. Khersoniuk, 24, came to England in 2022.';
  const demonym =
    'Les Khersonais parlent d’un safari humain. La photographe Olena Khersonova documente les attaques à Kherson.';
  it('does not count Khersoniuk or Khersonova after a given name, nor the same surname again', () => {
    expect(count(surname, 'kherson')).toBe(0);
    expect(count(demonym, 'kherson')).toBe(2);
  });
});

describe('a truce between parties named before it, with no war near, is another truce', () => {
  const war = 'Russian drones hit Kherson again. Kyiv asked for air defence. The old man lost his house. ';
  it('does not count it when neither its sentence nor the one before names the war', () => {
    const bodies = [
      'His neighbour keeps a cat and a dog. Between them, she smiles, there has long been a truce.',
      'У сусідки живуть кіт і собака. Між ними, усміхається жінка, давно перемир’я.',
      'Die Töchter gehen aufs Gymnasium. Zwischen den beiden herrscht ein stabiler Waffenstillstand.',
    ];
    for (const body of bodies) expect(count(war + body), body).toBe(0);
  });
  it('counts it when the war is named there', () => {
    expect(count(`${war}Between Russia and Ukraine there is no truce in sight.`)).toBe(1);
    expect(count(`${war}Moscow and Kyiv traded blame. Between them, a truce looks far off.`)).toBe(1);
  });
});

describe('in an article about the war, the sentence before carries context (the counting rules’ window)', () => {
  const war = 'Russia holds part of the Kherson region. Ukraine wants it back. ';
  it('counts talks right after a sentence about the war', () => {
    expect(
      count(
        `${war}Fighting goes on. Mr Zelensky talks of victory and Mr Putin talks of his goals. Until one of them changes his vocabulary, the negotiating table will stay empty.`,
      ),
    ).toBe(1);
    expect(
      count(
        `${war}Його вивезли з Херсона до окупованого Криму. Повернути його вдалося після тривалих перемовин.`,
      ),
    ).toBe(1);
  });
  it('not after a sentence about another war, nor a call office', () => {
    expect(
      count(
        `${war}The harvest was poor. Rain came late. Prices fell. Buyers were few. Shops closed early. Schools reopened. The armistice signed at Panmunjom ended the fighting after two years of talks in which the front line barely moved. Those talks stalled for months.`,
      ),
    ).toBe(0);
    expect(
      count(
        `${war}Херсонська військова адміністрація закликає виїжджати. Він працював на переговорному пункті біля вокзалу.`,
      ),
    ).toBe(0);
  });
});

// Counting rules: a person's surname built on the place name is not a mention (blind20 z-007), and
// a truce in an article with no war in it does not count ("only where … about the war").
describe('a Russian surname built on the place name, in Latin script', () => {
  const body =
    'Ilya Khersonov, 16, won the Northern Open chess title on Sunday. Khersonov beat the top seed in 41 moves. ' +
    '"I stopped thinking about the result," said Khersonov. The two had called a ceasefire in their online feud.';
  it('is no mention of Kherson, with or without the given name', () => {
    expect(count(body, 'kherson')).toBe(0);
    expect(count('Olena Khersonova and Khersonova’s coach left early.', 'kherson')).toBe(0);
  });
  it('gives no war context to a truce in the same article', () => {
    expect(count(body)).toBe(0);
  });
  it.each([
    // Two letters past the stem (-ow, -ek, -in, -юк, -ин), in any case, after a given name or repeated.
    ['Geschäftsführer Bogdan Chersonow sprach. Zwischen Betriebsrat und Chersonow kam es zum Streit.', 0],
    [
      'Шахматист Артём Херсонин стал победителем. «Не верил», — признался Херсонин. ' +
        'Федерация уже предложила Херсонину место в сборной. Следующий турнир Херсонина — в мае.',
      0,
    ],
    ['Командир Віталій Херсонюк доповів. Херсонюка поранено.', 0],
    ['Selon le père Vassyl Khersonenko, la paroisse aide. Torwart Pawel Chersonek hielt alles.', 0],
    [
      'Le chirurgien Andriï Khersonuk opère. The seamer Alex Khersonik bowled. Мати Тарас Херсонич шукає сина.',
      0,
    ],
    // A Cyrillic surname-shaped word capitalised mid-sentence is a person; the demonym in lower
    // case and the region's -щина are the place.
    ['Клуб продлил контракт с Херсонцевым. Тысячи херсонцев вернулись.', 1],
    ['На Херсонщині та в Херсонщину повертається світло.', 2],
    // In Latin script after any capitalised word mid-sentence (a given name the lists lack), and
    // -yan, -ia; not a Cyrillic adjective after a country, nor the German demonym in -erin.
    ['Le pilier géorgien Levan Khersonia est blessé. Selon Hervé Khersonnier, tout va bien.', 0],
    ['The nurse Viktoria Khersonyan said so. Young Khersonites cheered in Kherson.', 2],
    ['Москва требует признать вхождение в состав России Херсонской и Запорожской областей.', 1],
    ['Damals erfuhr die Chersonerin vom Tod ihrer Mutter.', 1],
    // A utility's name built on the place after a German noun is the place, not a surname.
    ['Sie arbeitet beim Wasserversorger Chersonvodokanal. Der Netzbetreiber Khersonoblenergo half.', 2],
    // The place's own name after a given name is a surname; not before a place noun (a village).
    ['Finance director Daniel Kherson said sales fell. In Kherson, shelling continued.', 1],
    ['У селі Станіслав Херсонського району, у Херсоні та на Херсонщині знову обстріли.', 3],
    ['Selon la collègue, Oksana Khersonyk, la pharmacie était ouverte.', 0],
    // The cases of the place are not surnames: Херсона, Херсону, Херсоном.
    ['Війська зайшли до Херсона. Над Херсоном прапор. Слава Херсону.', 3],
    // More given names (Spanish diminutives, Russian and Ukrainian names the lists lacked); a street
    // named after the place is a use of it; a byline's "in Kherson region" is boilerplate.
    ['"Sin la fábrica, esto es un pueblo fantasma", resumía su dueño, Paco Jersonio.', 0],
    ['Архив собирала бывшая директор кинотеатра Нина Херсонская.', 0],
    ['Інша аналітикиня, Марта Херсонська з Київської школи економіки, не згодна.', 0],
    ['A shell hit a bakery on Khersonska Street in Mykolaiv.', 1],
    ['By Callum Ferris in Kherson region\n\nWheat is growing again near Vysokopillia, north of Kherson.', 1],
  ] as const)('surnames of other shapes: %s counts %i', (body, n) => {
    expect(count(body, 'kherson')).toBe(n);
  });
  it('leaves the place in its inflections alone', () => {
    expect(count('Troops entered Kherson. Khersonians celebrated in Kherson’s main square.', 'kherson')).toBe(
      3,
    );
  });
});

// Counting rules: "wage, contract, trade or other wars' talks do not count", even where the
// sentence before is about the war: what the talks are about decides (blind20 z-012, z-029), and
// "talks" is the noun of negotiating, so conversations with residents are not the war's (z-015).
describe('talks about a customs union or minerals, or with ordinary people', () => {
  const war = 'Russia launched 40 drones at Kyiv overnight. The EU agreed new sanctions against Moscow. ';
  it.each([
    'Ankara et Bruxelles ont annoncé la reprise de leurs négociations sur la modernisation de l’union douanière.',
    'Сторони також домовилися якнайшвидше завершити переговори щодо угоди про розробку критичних мінеральних ресурсів.',
    'Both sides will resume talks on a deal to develop critical minerals.',
    'Berlin und Ankara nehmen Verhandlungen über die Modernisierung der Zollunion wieder auf.',
    'In Gesprächen mit Anwohnern in einem Dorf bei Saporischschja hatte Selenskyj zuvor versprochen, die Luftabwehr zu verstärken.',
    'Zelensky held talks with local residents in a village near the front.',
    'Під час розмови з мешканцями він пообіцяв відновити переговори з мешканцями громади.',
  ])('are other talks: %s', (sentence) => {
    expect(count(`${war}${sentence}`)).toBe(0);
  });
  it('still counts talks on the war, talks whose subject names the war first, talks with Moscow', () => {
    expect(count(`${war}Both sides will resume talks on a ceasefire.`)).toBe(1);
    // The rule: the subject named first is the war's. The judge retrained in session 14 (with
    // paragraph sets k and l) vetoes this short constructed text; held out it counts better (see
    // docs/topics.md), so the rule is asserted on the rules alone.
    expect(
      rules.analyse({ body: `${war}Talks on Russia’s withdrawal and on minerals resume.` }).topics
        .negotiations?.mentions,
    ).toBe(1);
    expect(count(`${war}Zelensky rules out talks with Moscow while troops stay.`)).toBe(1);
  });
});

// Counting rules: the translations of the terms, not other words spelt alike: Spanish
// "el negociado" is an office (blind20 z-019); "han negociado" is the verb.
describe('the Spanish noun negociado', () => {
  const war = 'Rusia bombardeó Jersón otra vez. ';
  it('is an office, not a negotiation', () => {
    expect(count(`${war}El jefe del negociado de protección civil recibió la ayuda.`)).toBe(0);
  });
  it('the participle still counts', () => {
    expect(count(`${war}Kiev y Moscú han negociado un canje de prisioneros.`)).toBe(1);
  });
});

// Counting rules: a term counts as the war's talks, not in another sense of the word: German
// "verhandelt" beside a court is a hearing (blind20 z-016), "talks" at a museum are lectures
// (blind20 z-008), a plea negotiated in court is no peace talk.
describe('a term in another sense', () => {
  it('a court hearing is not a negotiation', () => {
    expect(
      count(
        'Der Krieg zerstörte den Damm. Vor dem Internationalen Strafgerichtshof in Den Haag liegt eine Anzeige der Ukraine wegen Ökozids; verhandelt wird darüber frühestens im kommenden Jahr.',
      ),
    ).toBe(0);
    expect(
      count('Russia shelled Kherson. The soldier negotiated a plea deal before the court in Kyiv.'),
    ).toBe(0);
  });
  it('talks at a museum are lectures', () => {
    expect(
      count(
        'Most pieces were never shown outside Ukraine. They were moved from Kyiv and Odesa. The museum has organised a series of evening talks by Ukrainian and Scottish archaeologists.',
      ),
    ).toBe(0);
  });
  it('the same words still count where no other sense is named', () => {
    expect(count('Der Krieg geht weiter. Moskau und Kiew haben in Istanbul verhandelt.')).toBe(1);
    expect(count('Russia shelled Kherson. Kyiv and Moscow held talks in Istanbul.')).toBe(1);
  });
});

describe("kherson: a given name spelled like the place (the topic's givenNames)", () => {
  it('is a person before a capitalised word, and that spelling after it; the place keeps its accent', () => {
    expect(count('El enfermero venezolano Jerson Gutiérrez murió. Jerson tenía 30 años.', 'kherson')).toBe(0);
    expect(
      count(
        'Vive en Jersón (Ucrania) desde 2020. La administración militar de Jersón calcula daños.',
        'kherson',
      ),
    ).toBe(2);
  });
});

describe('a topic set stored before givenNames existed', () => {
  it('is read as it was written, without the field, and counts as before', () => {
    const stored = defaultTopics();
    for (const t of stored.topics) delete (t as { givenNames?: string[] }).givenNames;
    const old = new Analyser(stored);
    expect(
      old.analyse({ body: 'Troops entered Kherson. Jerson Moura scored in Kherson.' }).topics.kherson
        ?.mentions,
    ).toBe(3);
  });
});

/** Sentences after one about the war, each with the negotiations mentions it holds (session 11's rules). */
const afterWar = (war: string, rows: readonly (readonly [string, number])[]) =>
  it.each(rows)('%s → %i', (sentence, mentions) => expect(count(`${war}${sentence}`)).toBe(mentions));

// Counting rules: "only where the sentence, or the one before it, is about the war" and "wage,
// contract, trade or other wars' talks do not count": talks that say themselves what they are
// about, in a sentence that names nothing of the war, are other talks even right after a sentence
// about the war; the window carries a bare "the talks", and talks on the war's own subjects; a
// partner clause that names a subject of the war keeps the talks.
describe('talks with a subject of their own right after a sentence about the war', () => {
  afterWar('Russian drones struck Odesa overnight, and Kyiv said two civilians were killed. ', [
    ['Separately, the two airlines resumed negotiations on a codeshare agreement.', 0],
    ['À Bruxelles, les négociations sur la réforme du marché de l’électricité reprennent.', 0],
    ['In Berlin dauern die Gespräche über die Reform der Grundsteuer an.', 0],
    ['Las negociaciones sobre el nuevo estadio municipal se retomarán en enero.', 0],
    ['У місті тривають переговори щодо нового розкладу автобусів.', 0],
    ['The council said it had negotiated in private over the new parking charges.', 0],
    ['Talks on the next prisoner exchange resumed in Abu Dhabi.', 1],
    ['Negotiations on it could take months.', 1],
    ['The truce expired on Thursday.', 1],
    ['Переговори щодо обміну полоненими тривають.', 1],
    ['Les pourparlers sur les garanties de sécurité reprendront.', 1],
    ['Diplomats said the talks would resume.', 1],
    ['Лише повна мирна угода з відведенням військ щось змінить.', 1],
  ]);
});

// Counting rules: the terms in their meaning of the war's talks, not as a name, a verb of getting
// through, a payment or a verb of speaking; and the war's talks with the United States are the war's.
describe('a term as a name, a way through, a payment or a verb; talks with the United States', () => {
  afterWar('Russian shelling hit Kherson again overnight. ', [
    ['A bakery called Truce reopened on the square.', 0],
    ['The convoy negotiated muddy roads to reach the villages.', 0],
    ['Les camions négocient chaque virage sous les drones.', 0],
    ['The settlement of unpaid bills from the occupation months begins in May.', 0],
    ['Kyiv said Russia fired 40 drones. Nobody talks about a truce any more.', 1],
  ]);
  afterWar('Russland griff Kiew erneut an. ', [['Die Verhandlungen mit den USA gingen weiter.', 1]]);
});

// Counting rules: "wage, contract, trade or other wars' talks do not count": what the talks are
// about decides even where a partner stands between ("talks with Moscow on gas payments"), and
// economic and administrative subjects (gas, transit, quotas, tariffs, loans, a stadium) are
// other talks; another conflict's peace process is another war's; a trial's day is no negotiation.
describe('the subject after a partner, and the subjects of other bargaining', () => {
  afterWar('Russian drones hit Kyiv and Kherson overnight. ', [
    ['Ankara also held talks with Moscow on gas payments in roubles.', 0],
    ['Las negociaciones entre Bruselas y Kiev sobre las cuotas de importación siguen.', 0],
    ['Переговори з Києвом щодо транзиту газу тривають.', 0],
    ['Переговоры с мэрией о новом стадионе продолжаются.', 0],
    ['Le gouvernement turc a salué le processus de paix avec le PKK.', 0],
    ['Der nächste Verhandlungstag ist für Oktober angesetzt.', 0],
    ['Talks with an American delegation lasted eight hours.', 1],
    ['Moskau signalisiert Gesprächsbereitschaft.', 1],
    ['Talks with Moscow on the exchange of prisoners resume.', 1],
    ['Aucune trêve n’a permis d’évacuer les civils.', 1],
  ]);
});

// Counting rules: a word a topic excludes is no sign of the war either (Chersonesus, whose name
// starts like Kherson's, in a story of ancient treaties); a subject of the war before the talks
// does not make their own subject the war's; business talks to buy something, a pay settlement, a
// "truce" that means respite are no talks of the war; talks "with those who" shelled are;
// prisoners of war and their exchange are the war's; talks "to the" boys' photographs are the verb;
// a village on the bank and currency payments with another country are no talks of the war.
describe('other evidence: excluded words, subjects before the talks, purposes, respites, prisoners', () => {
  afterWar('В музее Херсонеса показали надпись III века. ', [
    [
      'Посол Херсонеса добился мирного договора со скифским царём и вернул городу пленных. Переговоры шли много дней.',
      0,
    ],
  ]);
  afterWar('Родини з Херсона чекають новин. ', [
    ['Вони стежать за новинами про можливі перемовини щодо обміну полоненими.', 1],
  ]);
  afterWar('Russian drones hit Kherson overnight and Kyiv reported two dead. ', [
    ['The two children have an uneasy truce over the only tablet.', 0],
    ['The firm is separately in talks to buy a Polish courier company.', 0],
    ['A pay settlement agreed in May raised nurses’ wages.', 0],
    ['« Pas de trêve pour les boulangers », dit-elle.', 0],
    ['In the evening he sits on the bench and talks to the boys’ photographs.', 0],
    ['Antonivka, a settlement on the northern bank, has no water.', 0],
    ['Москва также вела переговоры с Индией о расчётах в национальных валютах.', 0],
    ['«Никаких переговоров с теми, кто минировал наши поля», — сказал он.', 1],
    ["Корейське перемир'я 1953 року досі не стало мирним договором.", 0],
    ['Am Internationalen Seegerichtshof wird unterdessen ein Fischereistreit verhandelt.', 0],
    ['The drivers’ union has been in talks with the city council over danger pay since May.', 0],
    ['Among the rescuers was a former police negotiator who now trains volunteers.', 0],
    ['Algunos solo aceptan irse tras largas negociaciones con sus hijos.', 0],
    ['Kyiv hopes the peace talks will pay off soon.', 1],
    ['Diplomats said the talks would wind down by Friday.', 1],
  ]);
});
