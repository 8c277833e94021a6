import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { creditedWires, stripBoilerplate } from '#shared/analysis/boilerplate.js';
import { entityStem } from '#shared/analysis/entities.js';
import { detectLanguage } from '#shared/analysis/language.js';
import { normaliseText, splitSentences, tokenise } from '#shared/analysis/normalise.js';
import { labelOf, SentimentScorer } from '#shared/analysis/sentiment.js';
import { defaultTopics, withoutJudges } from '#shared/topics/load.js';

/** One test per trap the annotated sets exposed (test/fixtures/dev and test/fixtures/extra). */
const analyser = new Analyser(defaultTopics());
/** The counting rules without the talks judge (shared/topics/judge.ts). */
const rulesAlone = new Analyser(withoutJudges(defaultTopics()));
const count = (body: string, topic: 'kherson' | 'negotiations') =>
  analyser.analyse({ body }).topics[topic]?.mentions ?? 0;
const names = (body: string, type?: string) =>
  analyser
    .analyse({ body })
    .entities.filter((e) => !type || e.type === type)
    .map((e) => e.name);

describe('kherson', () => {
  it('counts Херсон and its inflections, Херсонщина and the adjective', () => {
    expect(
      count('У Херсоні світло. Жителі Херсонщини чекають. На херсонском направлении тихо.', 'kherson'),
    ).toBe(3);
  });
  it('counts the place in a compound name and a hyphenated compound', () => {
    expect(count('A Kherson watermelon. Die Cherson-Offensive war geplant.', 'kherson')).toBe(2);
  });
  it('does not count Chersonesus, the ancient site in Sevastopol', () => {
    expect(count('Touristen besuchten Chersonesos. Музей «Херсонес Таврический».', 'kherson')).toBe(0);
  });
  it('does not count a surname built on the place name, after a given name or a title, nor that surname again', () => {
    const body =
      'Andriy Khersonsky, an engineer, left Kherson. Khersonsky said he would return. Mr Khersonska agreed. ' +
      'Павел Херсонский рассказал о Херсонской области; Херсонский уехал. ' +
      'Майстер Віктор Херсонський каже, що з Андрієм Херсонським працювали на Херсонщині. Херсонська область чекає.';
    // Left: Kherson, Херсонской области, Херсонщині, Херсонська область.
    expect(count(body, 'kherson')).toBe(4);
    // Without a given name or title before it, the adjective counts: "Київська і Херсонська області".
    expect(count('Миколаївська, Херсонська та Запорізька області. Херсонский район.', 'kherson')).toBe(2);
    // A village named Stanislav is not a given name before the district's adjective.
    expect(count('Дрон атакував у селі Станіслав Херсонського району.', 'kherson')).toBe(1);
  });
  it('does not count Chersonissos, a resort on Crete', () => {
    expect(count('Auch im Urlaubsort Chersonissos standen Straßen unter Wasser.', 'kherson')).toBe(0);
  });
  it('does not count bylines with places after commas or in brackets, several authors each', () => {
    const bylines = [
      'Von Anna Keller, Kiew, und Jonas Weber, Odessa\n\nKiew/Cherson (Beispiel Agentur) – Die Truppen in Cherson halten.',
      "Par Antoine Lebrun, à Kherson, et Inès Garnier, à Kiev\n\nKherson – L'eau monte à Kherson.",
      'У Херсоні оголошено жалобу.\n\nАвтори: Олена Дмитренко (Херсон), Андрій Коваль (Київ)',
    ];
    for (const body of bylines) expect(count(body, 'kherson'), body).toBe(1);
  });
  it('does not count a byline that names places, one author each', () => {
    const body =
      'By Anna Reyes in Kherson and Tom Aldridge in Kyiv\n\nFloods hit Kherson.\n' +
      'Por Marta Ruiz, enviada especial a Jersón\nLa ciudad de Jersón resiste.';
    expect(count(body, 'kherson')).toBe(2);
    const french =
      'Par Claire Fontaine, envoyée spéciale\n\nKherson (Ukraine), 12 novembre – La ville de Kherson fête.';
    expect(count(french, 'kherson')).toBe(1);
    expect(
      count('Jersón (Ucrania), 12 dic (Diario Ejemplo).- Los bombardeos contra Jersón siguen.', 'kherson'),
    ).toBe(1);
  });
  it('does not count an author line with a place before the first paragraph', () => {
    expect(count('Олександр Гнатюк, Херсонська область\n\nЦього року на Херсонщині посуха.', 'kherson')).toBe(
      1,
    );
    expect(count('Херсонська область, Україна\n\nНа Херсонщині посуха.', 'kherson')).toBe(2);
    // two places joined by a dash
    expect(count('Богдана Крамаренко, Посад-Покровське — Херсон\n\nНа Херсонщині посуха.', 'kherson')).toBe(
      1,
    );
  });
  it('does not count a dateline alone on its line, or a place and a dash opening the first paragraph', () => {
    for (const opening of [
      'KHERSON, Ukraine, Oct 19 (Northline Wire)',
      'Kiew/Cherson (ber)',
      'Херсон, 18 квітня - Південь.Інфо',
    ]) {
      expect(count(`${opening}\n\nThe city of Kherson waits.`, 'kherson'), opening).toBe(1);
    }
    expect(count('Херсон – Російські війська обстріляли центр Херсона.', 'kherson')).toBe(1);
    // Not a dateline: a sentence, or a bare name later in the text.
    expect(count('Kherson - the city waits for news.\nKherson', 'kherson')).toBe(2);
  });
  it('does not count a dateline or a "Read also" line', () => {
    const body =
      'KHERSON, Ukraine, Nov 14 (Reuters) - Crowds gathered.\n• Read also: Kherson after liberation\nNothing else.';
    expect(count(body, 'kherson')).toBe(0);
  });
});

describe('negotiations', () => {
  it('counts peace process and agreement in Russian and Ukrainian, and a name that only starts like a country', () => {
    expect(
      count(
        'Москва заявила о мирном процессе с Киевом. Україна не бачить мирного процесу з Росією.',
        'negotiations',
      ),
    ).toBe(2);
    // "Сирил" (Cyril) is not Syria: the sentence keeps its ceasefire.
    expect(
      count('Президент ЮАР Сирил Рамафоса призвал Россию и Украину к прекращению огня.', 'negotiations'),
    ).toBe(1);
  });
  it('does not count talks in an article that never names the war, however military its words', () => {
    const floods =
      // (talks "with the European Commission" would be other talks by the clause rule, topics/clause.ts)
      'The army and NATO helpers rescued hundreds from the floods. Golob said his government was in talks about the aid.';
    expect(count(floods, 'negotiations')).toBe(0);
    // Naming the war lets the rules count them; the talks judge reads them as the flood aid's.
    const named = `${floods} Russia offered help too.`;
    expect(rulesAlone.analyse({ body: named }).topics.negotiations?.mentions).toBe(1);
    expect(count(named, 'negotiations')).toBe(0);
  });
  it('does not count a term that continues a sentence about another war', () => {
    const body =
      'Russia and Ukraine are at war. Fighting in Korea stopped in 1953 under an armistice signed at Panmunjom. No peace agreement followed.';
    expect(count(body, 'negotiations')).toBe(0);
  });
  it('does not count a sporting "negotiated the height", an idiom of respite, or talks on imports', () => {
    const body =
      'Ukraine fights the war. Mahuchikh negotiated the height at her first attempt. ' +
      "En la guerra de Ucrania el frío no da tregua. Poland and Kyiv hold negotiations on grain imports, Russia's war aside.";
    expect(count(body, 'negotiations')).toBe(0);
  });
  it('counts a ceasefire, truce or peace talks in an article about the war without a war word in its sentence', () => {
    const body =
      'Trams run again in Kherson after the Russian shelling. Kyiv sent generators. An einen baldigen Waffenstillstand glaubt hier kaum jemand. ' +
      'Ojalá haya un alto el fuego pronto. Діти чекають на мирні переговори.';
    expect(count(body, 'negotiations')).toBe(3);
    // Not in an article that never names the war, nor as an idiom or a football break.
    expect(
      count('La sequía no nos da tregua. La trêve hivernale du championnat a été longue.', 'negotiations'),
    ).toBe(0);
  });
  it('does not count "talks" as a verb after a name, insurance or lease talks, or a club transfer', () => {
    const body =
      'Russia invaded Ukraine. Vladimir Putin talks of irreversible gains in the war. ' +
      "Bondar talks him through the day's sales near the front. " +
      'After the Russian invasion, insurers and the state began negotiations on flood insurance. ' +
      'Réfugiée de la guerre en Ukraine, elle a dû négocier le bail avec le propriétaire. ' +
      'Il a rejoint Chelsea après de longues négociations avec le Chakhtar Donetsk, malgré la guerre.';
    expect(count(body, 'negotiations')).toBe(0);
  });
  it('does not count accession, free-trade or other wars\' armistice talks, nor "talks" after a person', () => {
    const body =
      'Ukraine expects accession talks with the EU to open in June, the war notwithstanding. ' +
      'Russia and India continue talks on a free trade zone, Lavrov said of the war. ' +
      'The armistice talks at Panmunjom dragged on during the Korean war. ' +
      'Mr Zelensky talks of victory in the war; South Africa talks to both sides in the war. ' +
      'Krynky, a settlement of several hundred people before the war, lies in ruins.';
    expect(count(body, 'negotiations')).toBe(0);
  });
  it('does not count wage negotiations or "these talks" about them, even near a war sentence', () => {
    const body =
      'Nurses\' union leaders said wage negotiations had stalled. "These talks cannot go on," she said. Prices rose after Russia\'s invasion of Ukraine.';
    expect(count(body, 'negotiations')).toBe(0);
  });
  it('counts "those talks" that continue war talks two sentences earlier', () => {
    const body =
      'Turkey offered a new round of talks between Russia and Ukraine. Istanbul hosted the last meeting. Those talks produced a draft.';
    expect(count(body, 'negotiations')).toBe(2);
  });
  it('does not count "talks" as a verb', () => {
    expect(
      count('Zelensky, who talks to commanders daily, visited the front in Ukraine.', 'negotiations'),
    ).toBe(0);
    expect(
      count('In Ukraine, her neighbour Vasyl talks about the war only in whispers.', 'negotiations'),
    ).toBe(0);
  });
  it('does not count "settlement" as a village but counts a negotiated settlement once', () => {
    expect(count('Russian troops shelled the settlement of Snihurivka near Kherson.', 'negotiations')).toBe(
      0,
    );
    expect(count('Ukraine and Russia may yet reach a negotiated settlement.', 'negotiations')).toBe(1);
  });
  it('does not count football transfer talks in a Ukrainian club story', () => {
    expect(
      count(
        'Arsenal are continuing talks with the Ukrainian club over a transfer fee for the winger.',
        'negotiations',
      ),
    ).toBe(0);
  });
  it("does not count other wars' truces and talks", () => {
    expect(
      count(
        'The truce between Ethiopia and Tigray has held, and Armenia and Azerbaijan resumed peace talks.',
        'negotiations',
      ),
    ).toBe(0);
  });
  it('counts the German, French, Spanish, Russian and Ukrainian terms', () => {
    expect(count('Friedensgespräche mit Russland bleiben unwahrscheinlich.', 'negotiations')).toBe(1);
    expect(count('Kiev refuse toute négociation et tout cessez-le-feu avec la Russie.', 'negotiations')).toBe(
      2,
    );
    expect(count('Nadie cree en un alto el fuego con Rusia.', 'negotiations')).toBe(1);
    expect(count('Россия готова к переговорам с Украиной.', 'negotiations')).toBe(1);
    expect(count("Україна відкинула перемир'я, перемовини з Росією неможливі.", 'negotiations')).toBe(2);
  });
  it('counts the verb negotiate in German, and settlement and peace talks in Russian, Ukrainian, Spanish', () => {
    expect(count('Nur Kiew könne entscheiden, wann und worüber verhandelt werde.', 'negotiations')).toBe(1);
    expect(
      count('Die Ukraine will mit Russland erst verhandeln, wenn die Truppen abziehen.', 'negotiations'),
    ).toBe(1);
    expect(count('Любой план урегулирования должен учитывать позицию Украины.', 'negotiations')).toBe(1);
    expect(count('Мирне врегулювання можливе лише після виходу Росії з України.', 'negotiations')).toBe(1);
    expect(count('Rusia rechaza cualquier conversación de paz con Ucrania.', 'negotiations')).toBe(1);
  });
  it('does not count a government in talks with the IMF, however much the article is about the war', () => {
    const body =
      "Russia's invasion of Ukraine shut the ports. The war destroyed factories. Kyiv was in talks with the International Monetary Fund on a loan. An IMF mission is due to hold further negotiations with the authorities.";
    expect(count(body, 'negotiations')).toBe(0);
  });
  it('counts talks without context of their own in an article about the war, but not "these talks" after rejected ones', () => {
    // two sentences in five name the war; the last one's own context is only the article
    const war =
      'Russian troops shelled Bakhmut. Residents queued for bread during the shelling. Volunteers brought medicine. The battle has hardened positions. Officials hope a stalemate will push both sides towards negotiations.';
    expect(count(war, 'negotiations')).toBe(1);
    const farm =
      'Grain prices fell after Russia\'s invasion of Ukraine. The war pushed up fertiliser costs. The union said negotiations with supermarkets over milk prices had stalled. "These talks have gone nowhere for months," its president said.';
    expect(count(farm, 'negotiations')).toBe(0);
  });
  it('does not count "the first sizeable settlement in the north" (a place)', () => {
    expect(
      count(
        'The town is the first sizeable settlement in the north of the Kherson region to be recaptured by Ukraine.',
        'negotiations',
      ),
    ).toBe(0);
  });
  it('does not count a grain trader (négociant) or gas-pipeline talks with China', () => {
    expect(count('Un négociant en céréales de Kherson attend la fin de la guerre.', 'negotiations')).toBe(0);
    expect(
      count('Россия воюет с Украиной. «Газпром» ведет переговоры с Китаем о газопроводе.', 'negotiations'),
    ).toBe(0);
  });
});

describe('boilerplate', () => {
  it('removes bylines, credits, captions and prompts in six languages, keeping the text', () => {
    const lines = [
      'By Helen Ward',
      'Par Claire Morel, Exemple Info',
      'Von Markus Weber und Lena Schulz',
      'Por Lucía Herrera',
      'Автор: Анна Соколова',
      'Читайте також: Як Херсон зустрічає Різдво',
      'Lea también: Jersón, dos meses después',
      'Reporting by Max Hunder in Kherson; Editing by Tom Balmforth',
      'Foto: Rauch über der Brücke. (Foto: Beispiel Agentur)',
      'Подписывайтесь на наш Telegram-канал.',
      'Avec AFP',
      // Caption and photographer lines as magazines and Sunday papers set them (blind47).
      'Pictured: A demining machine on a wheat field in the Kherson region. (Eastgate Daily)',
      'Photo caption: Valentyna Hrytsai, 74, in what is left of her kitchen in Kherson.',
      'Words by Sophie Brandt in Kherson; photographs by Oles Hrytsenko',
      'Bildunterschrift: Ein zerstörtes Haus in Cherson.',
      'Légende : des habitants de Kherson devant la gare.',
      // Bylines of blind52: a blog's "Posted by", a village and its region.
      'Posted by Daniel Whitcombe | Kherson / Mykolaiv',
      'By Martin Keogh in Vysokopillia, Kherson region',
      'The city was quiet.',
    ];
    const { text, removed } = stripBoilerplate(lines.join('\n'));
    expect(text.trim()).toBe('The city was quiet.');
    expect(removed).toHaveLength(lines.length - 1);
  });
  it('removes a credit line in brackets, so its reporters are not entities', () => {
    const body = 'Shelling hit the market.\n(Reporting by Daniel Marsh; Editing by Kate Lowe)';
    expect(stripBoilerplate(body).text.trim()).toBe('Shelling hit the market.');
    expect(names(body, 'person')).not.toContain('Daniel Marsh');
  });
  it("removes a correspondent's byline but not a body sentence that starts alike", () => {
    const byline = 'De notre envoyé spécial à Kherson, Julien Marchetti';
    expect(count(`${byline}\nLa ville vit au rythme des explosions.`, 'kherson')).toBe(0);
    const sentence =
      "De notre correspondant à Kherson, nous avons appris hier soir que la gare avait été touchée par trois obus, et que les trains d'évacuation partiraient malgré tout à l'heure prévue.";
    expect(count(sentence, 'kherson')).toBe(1);
  });
  it('cuts an opening dateline with the region in brackets, or a Russian one ending in a full stop', () => {
    const bracketed = stripBoilerplate('Білозерка (Херсонська область) -\nУ селищі відкрили амбулаторію.');
    expect(bracketed.text.trim()).toBe('У селищі відкрили амбулаторію.');
    const russian = stripBoilerplate(
      'ХЕРСОН, 17 ноября. Российский удар разрушил дом.\nХЕРСОН, 18 ноября. Снова удар.',
    );
    expect(russian.removed).toEqual(['ХЕРСОН, 17 ноября.']);
    expect(russian.text).toBe('Российский удар разрушил дом.\nХЕРСОН, 18 ноября. Снова удар.');
  });
  it('cuts a wire dateline from its paragraph and credits the wire', () => {
    const { text, removed } = stripBoilerplate('KYIV, Nov 11 (Reuters) - Troops entered the city.');
    expect(text).toBe('Troops entered the city.');
    expect(creditedWires(removed)).toEqual(['Reuters']);
  });
});

describe('entities', () => {
  it('merges aliases and spellings into one canonical name', () => {
    const body =
      'President Zelensky spoke in Kiev. Volodymyr Zelenskiy then flew to Bakhmout, on the Dnieper side. The Russian Defense Ministry and the Russian Defence Ministry disagreed.';
    const got = analyser.analyse({ body }).entities;
    expect(got.find((e) => e.name === 'Volodymyr Zelensky')?.mentions).toBe(2);
    expect(names(body)).toEqual(
      expect.arrayContaining(['Kyiv', 'Bakhmut', 'Dnipro River', 'Russian Defence Ministry']),
    );
    expect(names(body)).not.toContain('Kiev');
    expect(got.filter((e) => e.name === 'Russian Defence Ministry')).toHaveLength(1);
  });
  it('folds Russian and Ukrainian case endings: Путиным is Putin, Турции is Turkey', () => {
    expect(entityStem('путиным')).toBe(entityStem('путин'));
    expect(names('Эрдоган говорил с Владимиром Путиным о Турции.')).toEqual(
      expect.arrayContaining(['Vladimir Putin', 'Turkey']),
    );
  });
  it('finds people the gazetteer does not know, without their titles', () => {
    expect(names('"We are free," said Natalia Kovalenko, 44, a teacher.', 'person')).toContain(
      'Natalia Kovalenko',
    );
    expect(names('Militäranalyst Gustav Gressel sagte das.', 'person')).toContain('Gustav Gressel');
  });
  it('types unknown organisations by their head word and unknown villages by their cue', () => {
    expect(names('Deminers from the Hope Relief Foundation arrived.', 'organization')).toContain(
      'Hope Relief Foundation',
    );
    expect(
      names('Gustav Gressel of the European Council on Foreign Relations said so.', 'organization'),
    ).toContain('European Council on Foreign Relations');
    expect(names('Fighting continued near Soledar and Opytne.', 'place')).toContain('Opytne');
  });
  it('names every oblast "<X> Oblast", the Kherson region too (the annotated sets do)', () => {
    expect(names('Shelling hit the Kherson region and the Donetsk Oblast.', 'place').sort()).toEqual([
      'Donetsk Oblast',
      'Kherson Oblast',
    ]);
  });
  it('does not read the French article "un" as the UN', () => {
    expect(names("C'est un jour historique.", 'organization')).not.toContain('United Nations');
  });
});

/**
 * The lexicon (AFINN-165 and the war-news layer): it scores sentences for the per-topic sentiment and
 * gives the document model its lexicon features; the document label itself is the model's.
 */
const scorer = new SentimentScorer();
const lexicon = (body: string, language?: string) => {
  const text = normaliseText(body);
  const tokens = tokenise(text);
  return SentimentScorer.combine(
    scorer.sentenceScores(tokens, splitSentences(text), language ?? detectLanguage(tokens)),
  );
};

describe('sentiment lexicon', () => {
  it('handles negation: "not destroyed" is not as negative as "destroyed"', () => {
    const plain = lexicon('The bridge was destroyed.').score;
    const negated = lexicon('The bridge was not destroyed.').score;
    expect(plain).toBeLessThan(0);
    expect(negated).toBeGreaterThan(plain);
  });
  it('handles intensifiers', () => {
    const plain = lexicon('The news was bad.').score;
    const strong = lexicon('The news was very bad.').score;
    expect(strong).toBeLessThan(plain);
  });
  it('labels liberation positive, deaths negative, a slightly negative procedural mean neutral', () => {
    expect(lexicon('Crowds celebrated the liberation with joy.').label).toBe('positive');
    expect(lexicon('Three civilians were killed by shelling.').label).toBe('negative');
    expect(labelOf(-0.03)).toBe('neutral');
  });
  it('scores a text with its own language\'s lexicon: German "die", "war", Spanish "todo", "ha" are not English words', () => {
    const label = (body: string, language?: string) => lexicon(body, language).label;
    expect(label('Die Regierung war sich einig, dass die Sitzung am Montag stattfindet.')).toBe('neutral');
    expect(label('Todo el gobierno ha votado y la sesión ha terminado a las seis.', 'es')).toBe('neutral');
    expect(label('Die Stadt wurde zerstört, drei Menschen wurden getötet.', 'de')).toBe('negative');
  });
  it('counts a setback of the invading side for the side the reporting follows, not a death', () => {
    const label = (body: string, language?: string) => lexicon(body, language).label;
    expect(label('Russian troops retreated from the town.')).toBe('positive');
    expect(label('Ukrainian troops retreated from the town.')).toBe('negative');
    expect(label("Analysts called it Moscow's heaviest defeat.")).toBe('positive');
    expect(label('Die russischen Truppen flohen aus der Stadt.', 'de')).toBe('positive');
    expect(label('Російські війська відступили з міста.', 'uk')).toBe('positive');
    expect(label('Russian soldiers were killed near the town.')).toBe('negative');
  });
  it('gives the words of the negotiations themselves (peace, deal, truce talks) no valence', () => {
    const label = (body: string) => lexicon(body).label;
    expect(label('Peace talks on a settlement will resume in Istanbul next week.')).toBe('neutral');
    expect(label('Les deux camps parlent de paix et d’un accord à Genève.')).toBe('neutral');
  });
  it("weighs words that name the war's subject matter less than words that report harm", () => {
    const score = (body: string) => lexicon(body).score;
    const subject = score('Ministers discussed the war, the sanctions and the missiles.');
    const harm = score('Ministers said people were killed, wounded and made to suffer.');
    expect(subject).toBeLessThan(0);
    expect(subject).toBeGreaterThan(harm);
  });
  it('reads recovery (reopened, came back, restored) as good news in every language', () => {
    const label = (body: string, language?: string) => lexicon(body, language).label;
    expect(label('The bakery reopened and the power was reconnected.')).toBe('positive');
    expect(label('Die Bäckerei hat wiedereröffnet, viele Familien sind zurückgekehrt.', 'de')).toBe(
      'positive',
    );
    expect(label('Залізничники відновили колію, і люди повернулися додому.', 'uk')).toBe('positive');
    expect(label('Рабочие восстановили мост, и жизнь в городе налаживается.', 'ru')).toBe('positive');
  });
  it('knows the everyday evaluative words in each language, not only war words', () => {
    const label = (body: string, language?: string) => lexicon(body, language).label;
    expect(label('Tenemos el mejor sistema del mundo y la gente sonríe.', 'es')).toBe('positive');
    expect(label('Les résultats sont bons, les habitants sont heureux.', 'fr')).toBe('positive');
    expect(label('Das Problem ist schlimmer geworden, die Leute sind traurig.', 'de')).toBe('negative');
  });
  it('does not read "diesel" or "diet" as "die"', () => {
    expect(lexicon('Diesel and diet drinks cost more this week.').label).toBe('neutral');
  });
});

describe('sentiment', () => {
  it('scores each topic from the sentences that mention it', () => {
    const a = analyser.analyse({
      body: 'Kherson celebrated its liberation with joy. Peace talks with Russia collapsed amid deadly shelling.',
    });
    expect(a.topics.kherson?.sentiment.score).toBeGreaterThan(0);
    expect(a.topics.negotiations?.sentiment.score).toBeLessThan(0);
  });
});
