import { describe, expect, it } from 'vitest';
import { isBoilerplateLine, stripBoilerplate } from '#shared/analysis/boilerplate.js';

// The byline, dateline and author patterns are read only after a cheap necessary condition (a
// byline word at the start, a dash, a comma): these lines still reach them.
describe('the boilerplate patterns behind a cheap check', () => {
  it('still removes bylines, with bullets, colons, places and several authors', () => {
    for (const line of [
      'By Jane Doe',
      '• By: Anna Reyes in Kherson and Tom Aldridge in Kyiv',
      'Par Claire Morel, Exemple Info',
      'Von Jonas Albrecht',
      'Por Marta Ruiz, enviada especial a Jersón',
      'By Peter Vance, Southern Europe editor, in Odesa and Kherson',
      'Por Lucía Ferrán | Jersón (Ucrania)',
      'By Anna Smith · Kherson, Ukraine',
      'Por Álvaro Mendieta, desde Jersón y Mykolaiv',
      'Von Jana Weißkopf und Oleh Marusyn, Kiew/Cherson',
      'Spenden: Cherson-Hilfe Sachsen e.V., Stichwort „Feuerwehr“',
      'Пресс-служба / Новости Причерноморья',
      'Follow our Kherson coverage on Telegram.',
      'Spendenkonto und alle Infos zur Hilfsaktion unter allgaeuer-tagespost.example/cherson',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
    expect(isBoilerplateLine('Bystanders said the shelling stopped.')).toBe(false);
    expect(isBoilerplateLine('By the way | we went to Kherson and saw the ruins of the bridge')).toBe(false);
    // a section path: short parts joined by "|", "·" or "›", no sentence punctuation
    for (const line of [
      'Official statement | Kherson Regional Military Administration',
      'Новини · Херсонщина',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
    expect(isBoilerplateLine('Kherson | The city was shelled again.')).toBe(false);
    // an interview's byline, naming two places
    for (const line of [
      'Interview by Clare Whitcombe in Kherson and London',
      'Propos recueillis par Marie Dupont à Kherson',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
    expect(isBoilerplateLine('Interview by the BBC shows that the city suffers.')).toBe(false);
    expect(isBoilerplateLine("Get The Northern Review's weekly Energy Brief in your inbox.")).toBe(true);
  });

  it('still removes datelines and an opening author line', () => {
    const wire = stripBoilerplate('KYIV, Nov 11 (Reuters) - Troops entered the city.');
    expect(wire.text).toBe('Troops entered the city.');
    // blind59 bm-029: a place and a dash before a day and a month open the first paragraph
    const dated = stripBoilerplate('Херсон - 11 листопада херсонці відзначили день звільнення.');
    expect(dated.text).toBe('11 листопада херсонці відзначили день звільнення.');
    // a sentence that ends with a web address is not a link prompt
    expect(isBoilerplateLine('The figures are published at kherson.gov.ua/stats.')).toBe(false);
    const opening = stripBoilerplate('Kherson (dpa) - Die Stadt wurde befreit.\nMehr folgt.');
    expect(opening.removed).toEqual(['Kherson (dpa) -']);
    const author = stripBoilerplate('Anna Keller, Kiew, und Jonas Weber, Odessa\nDie Stadt wurde befreit.');
    expect(author.removed).toEqual(['Anna Keller, Kiew, und Jonas Weber, Odessa']);
    // blind80, blind81: after a rubric line (kept), the dateline or an author line with a role still opens the text
    const afterRubric = stripBoilerplate(
      "Аналітика\n\nХерсон, 14 жовтня - За дев'ять місяців відкрилися кав'ярні.",
    );
    expect(afterRubric.text).toBe("Аналітика\n\nЗа дев'ять місяців відкрилися кав'ярні.");
    const role = stripBoilerplate(
      'Колонка\n\nОлег Марченко, журналіст, Херсон\n\nПісля Женеви всі говорять.',
    );
    expect(role.removed).toEqual(['Олег Марченко, журналіст, Херсон']);
    // blind77 ce-026: a region's name and its noun ("Херсонская область, 5 февраля -")
    const region = stripBoilerplate('Херсонская область, 5 февраля - Три мирных жителя погибли.');
    expect(region.text).toBe('Три мирных жителя погибли.');
  });
});

// Counting rules: bylines are boilerplate, whatever places they name (issue 19 item 7).
describe('a byline that names two places for one author', () => {
  it('is removed, and the dateline after it with it', () => {
    for (const line of [
      'Par Julie Morin, à Kherson et à Mykolaïv',
      'By Tom Ridley in Kherson and in Kyiv',
      'Por Ana Gil, en Jersón y en Mykolaiv',
      // "Текст: author, places" is a byline in the Ukrainian and Russian press, as "Texte :" and
      // "Texto:" elsewhere (blind20 z-028, z-030).
      'Текст: Оксана Гребенюк, Херсон – Одеса',
      'Texto: Ana Gil, Jersón',
      'Texte : Julie Morin',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
    const article = stripBoilerplate(
      'Par Élodie Charvet, à Lyon et à Kherson\n\nKherson (Ukraine), 21 septembre 2023 - Les robinets coulent.',
    );
    expect(article.text.trim()).toBe('Les robinets coulent.');
  });
});

describe('a "Текст:" byline before an opening dateline', () => {
  it('goes, and the dateline with it; a sentence starting with "Text" stays', () => {
    const article = stripBoilerplate('Текст: Андрій Мазур\n\nХерсон - Через два роки бібліотека відкрилася.');
    expect(article.text.trim()).toBe('Через два роки бібліотека відкрилася.');
    expect(isBoilerplateLine('Text messages from the front kept coming.')).toBe(false);
  });
});

// Counting rules: newsletter and subscription lines are boilerplate. Blind sets 50-65 held 400
// such lines the cues did not know (prompts to follow an outlet, install its app, support it).
describe('a call to action or a support credit', () => {
  it('is removed in each language: an imperative cue, then our / app / a platform / journalism', () => {
    for (const line of [
      'Follow Coastline Press on Telegram for live updates.',
      'Get breaking news on your phone: download the Ridgeline News app.',
      'Support our journalism. Become a member today.',
      'Share this story',
      'Suivez Ouest Horizon sur Instagram.',
      "Retrouvez toute l'actualité internationale dans notre application.",
      'Holen Sie sich die Sport-App der Lindenauer Rundschau.',
      'Unterstützen Sie unabhängigen Journalismus – jetzt Abo abschließen.',
      'Síganos en Instagram y en nuestro canal de WhatsApp.',
      'Descarga nuestra app y activa las alertas.',
      'Поддержите независимую журналистику — оформите подписку.',
      'Стежте за новинами Херсонщини в нашому Instagram.',
      'Поддержать сбор можно переводом на счёт НКО «Мост в Украину», пояснение «Херсон».',
      'Підтримати збір можна переказом на рахунок фонду «Надія».',
      "Priya Raman's post is funded by the Wyvern Community News Fund.",
      'This story was supported by the Ledger Review Fund for Independent Reporting.',
      "Ce reportage a bénéficié du soutien d'un fonds européen pour le journalisme.",
      'Dieser Artikel ist Teil unseres Dossiers „Wege zum Frieden“.',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
  });
  it('keeps a news sentence: a cue word without a marker, "Follow-up", or a long paragraph', () => {
    for (const line of [
      'Follow-up talks on our prisoner exchange are planned for next week.',
      'Support for the plan fell to 31 percent in March.',
      'Sigue abierto el paso fronterizo, según las autoridades.',
      `Follow the money, our sources say: ${'the contracts went to three firms close to the governor, '.repeat(4)}`,
    ])
      expect(isBoilerplateLine(line), line).toBe(false);
  });
  it('takes a Kherson mention in such a line out of the count', () => {
    const { text } = stripBoilerplate(
      'Херсон знову без світла.\nСтежте за новинами Херсонщини в нашому Instagram.',
    );
    expect(text.trim()).toBe('Херсон знову без світла.');
  });
});
