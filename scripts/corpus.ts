/**
 * `npm run corpus -- --articles N --days D --seed S [--out DIR] [--start YYYY-MM-DD]` (DIR:
 * `.data/corpus` by default, git-ignored)
 *
 * Synthetic news articles for load runs, in the `.json` input format of the contract
 * (`{ title, body, publishedAt, source, url, language }`), deterministic from the seed: the same
 * arguments give the same bytes (own PRNG, no Math.random, no clock).
 *
 * The mix, per article (rates chosen to look like a general news feed in 2022–2023, not measured):
 * - 4 % about Kherson, 4 % about the war's negotiations (1 % both), 18 % other war news
 *   (other fronts, energy, refugees), 74 % non-war news (economy, sport, science, culture, city
 *   news) — including traps for the negotiations topic: wage, trade and contract talks;
 * - 8 % syndicated copies: an earlier wire story reprinted by another outlet (same body, own
 *   title prefix, source and URL);
 * - languages: 86 % English, then French, German, Spanish, Russian, Ukrainian (2–3 % each);
 * - sizes 1–10 KB (file bytes), skewed towards 2–4 KB; publication times over D days from
 *   `--start` (default 2022-01-01), busier by day than by night.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type CorpusArticle = {
  readonly title: string;
  readonly body: string;
  readonly publishedAt: string;
  readonly source: string;
  readonly url: string;
  readonly language: string;
};

export type CorpusItem = {
  /** Object key to upload it under: `<yyyy-mm-dd>/<source>-<n>.json`. */
  readonly key: string;
  readonly article: CorpusArticle;
  /** What the generator meant it to be (for reports; the analyser decides what it counts). */
  readonly kind: Kind;
  readonly syndicatedFrom?: number;
};

export type CorpusOptions = {
  readonly articles: number;
  readonly days: number;
  readonly seed: number | string;
  /** First day (UTC), `YYYY-MM-DD`. */
  readonly start?: string;
};

type Kind = 'kherson' | 'negotiations' | 'kherson+negotiations' | 'war' | 'other';

export const MIN_BYTES = 1024;
export const MAX_BYTES = 10 * 1024;

/** sfc32 seeded through a 32-bit string hash: small, fast, and good enough for test data. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number | string) {
    let h = 1779033703 ^ String(seed).length;
    const s = String(seed);
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    const next = () => {
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      h ^= h >>> 16;
      return h >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 15; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    const v = list[this.int(list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Sentences are templates with slots: {P} person, {C} city, {O} organisation,
// {N} a number, {D} a weekday, {K} a Kherson-region place, {F} a front-line place.

type Lang = 'en' | 'fr' | 'de' | 'es' | 'ru' | 'uk';
type Bank = {
  kherson: string[];
  negotiations: string[];
  war: string[];
  other: string[];
  titles: Record<Kind, string[]>;
};

const PEOPLE = [
  'Volodymyr Zelensky',
  'Vladimir Putin',
  'Dmytro Kuleba',
  'Sergei Lavrov',
  'Recep Tayyip Erdogan',
  'Antony Blinken',
  'Olaf Scholz',
  'Emmanuel Macron',
  'Jens Stoltenberg',
  'Yaroslav Yanushkevych',
  'Vladimir Saldo',
  'Mykhailo Podolyak',
  'Dmitry Peskov',
  'Ursula von der Leyen',
  'Antonio Guterres',
  'Rafael Grossi',
];
const CIVIL_PEOPLE = [
  'Maria Lopez',
  'John Carter',
  'Aisha Khan',
  'Peter Novak',
  'Chen Wei',
  'Laura Rossi',
  'Tom Becker',
];
const CITIES = [
  'London',
  'Paris',
  'Berlin',
  'Madrid',
  'Warsaw',
  'Geneva',
  'Brussels',
  'Washington',
  'Ankara',
  'Istanbul',
];
const KHERSON_PLACES = [
  'Kherson',
  'the Kherson region',
  'Kherson city',
  'the outskirts of Kherson',
  'Kherson oblast',
];
const FRONT = [
  'Bakhmut',
  'Zaporizhzhia',
  'Kharkiv',
  'Donetsk',
  'Mykolaiv',
  'Odesa',
  'Avdiivka',
  'Izium',
  'Lyman',
];
const ORGS = [
  'NATO',
  'the United Nations',
  'the IAEA',
  'the Red Cross',
  'the European Union',
  'the Kremlin',
  'the Pentagon',
];
const CIVIL_ORGS = [
  'the central bank',
  'the city council',
  'the football federation',
  'the health ministry',
  'the union',
  'the chamber of commerce',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const BANKS: Record<Lang, Bank> = {
  en: {
    kherson: [
      'Russian shelling hit {K} on {D}, the regional governor {P} said, and {N} people were wounded.',
      'Residents of {K} queued for water and bread as power stayed off for a {N}th day.',
      'Ukrainian forces pushed towards {K}, according to the general staff in Kyiv.',
      'The Antonivskyi bridge near Kherson was struck again overnight, officials said.',
      'Evacuation buses left {K} for Mykolaiv on {D}, carrying about {N} civilians.',
      'Drone footage showed damaged apartment blocks in Kherson after the strikes.',
      '{P} visited Kherson and promised to restore electricity and heating before winter.',
      'Demining teams in the Kherson region said {N} square kilometres were still unsafe.',
    ],
    negotiations: [
      '{P} said peace talks with Moscow could only resume after a full withdrawal of Russian troops.',
      'Turkey offered to host a new round of negotiations between Russia and Ukraine in {C}.',
      "The Kremlin said it was open to talks but rejected Kyiv's ten-point peace plan.",
      'Diplomats in {C} discussed a possible ceasefire along the front line, {P} told reporters.',
      "Ukraine's negotiators met their Russian counterparts in {C} to discuss a prisoner exchange and a truce.",
      '{P} warned that a negotiated settlement must not reward the invasion of Ukraine.',
      'Any peace agreement would need guarantees from {O}, {P} said on {D}.',
    ],
    war: [
      'Fighting continued around {F}, where both sides reported heavy losses.',
      '{O} said it would send more air defence systems to Ukraine before winter.',
      'A missile strike on {F} damaged power stations and left {N} thousand homes without heat.',
      'Refugees arriving in {C} described weeks spent in basements near {F}.',
      '{P} said the army needed more artillery shells to hold the line near {F}.',
      'Inspectors from the IAEA returned to the Zaporizhzhia nuclear plant on {D}.',
      'Grain ships left Odesa under the Black Sea corridor, carrying {N} thousand tonnes of wheat.',
      'Energy prices in Europe rose again as Russian gas flows fell, {O} said.',
    ],
    other: [
      '{O} raised its main interest rate by {N} basis points to fight inflation.',
      'The union said wage talks with employers had broken down and called a strike for {D}.',
      'Trade talks between the two countries resumed in {C} with tariffs on steel on the agenda.',
      'The club signed a new striker for a fee of {N} million euros, {P} confirmed.',
      'Researchers in {C} reported a new battery design that charges in {N} minutes.',
      'Heavy rain flooded streets in {C} on {D} and closed {N} schools.',
      'The museum in {C} opened an exhibition of {N} paintings from private collections.',
      'Contract negotiations between the airline and its pilots continued on {D}, {P} said.',
      '{P} won the final in straight sets after a match lasting {N} minutes.',
      'House prices in {C} fell for a {N}th month in a row, {O} reported.',
      'The city plans {N} kilometres of new cycle lanes by next summer, {P} said.',
      'Doctors warned of an early flu season as {N} patients were admitted this week.',
    ],
    titles: {
      kherson: [
        'Shelling in Kherson leaves {N} wounded',
        'Kherson waits for power and water',
        'Inside Kherson after the strikes',
      ],
      negotiations: [
        'Talks between Kyiv and Moscow: what is on the table',
        '{P} sets conditions for peace talks',
        'Ceasefire hopes in {C}',
      ],
      'kherson+negotiations': [
        'After Kherson, talk of negotiations returns',
        'Kherson and the prospect of talks',
      ],
      war: [
        'Fighting rages near {F}',
        'Air defence for Ukraine: {O} promises more',
        'Winter on the front near {F}',
      ],
      other: [
        'Rates rise again',
        'Strike looms after wage talks fail',
        'Floods in {C}',
        'New exhibition opens in {C}',
        'Final decided in straight sets',
      ],
    },
  },
  fr: {
    kherson: [
      'Des bombardements russes ont frappé Kherson {D}, a déclaré {P}.',
      "Les habitants de Kherson font la queue pour de l'eau depuis {N} jours.",
    ],
    negotiations: [
      '{P} a affirmé que les négociations avec la Russie ne reprendraient pas sans retrait.',
      'Un cessez-le-feu a été évoqué à {C} par les diplomates.',
    ],
    war: [
      "Les combats se poursuivent autour de {F}, selon l'état-major ukrainien.",
      "Des frappes de missiles ont privé {N} mille foyers d'électricité.",
    ],
    other: [
      'La banque centrale a relevé ses taux de {N} points de base.',
      'Le musée de {C} ouvre une exposition de {N} tableaux.',
      'Les négociations salariales ont échoué et les syndicats appellent à la grève.',
    ],
    titles: {
      kherson: ['Kherson sous les bombes'],
      negotiations: ['Négociations : les conditions de Kiev'],
      'kherson+negotiations': ['Après Kherson, des négociations ?'],
      war: ['Combats autour de {F}'],
      other: ['Hausse des taux', 'Grève en vue'],
    },
  },
  de: {
    kherson: [
      'Russischer Beschuss traf Cherson am {D}, sagte {P}.',
      'In Cherson gab es seit {N} Tagen keinen Strom.',
    ],
    negotiations: [
      '{P} sagte, Friedensverhandlungen mit Moskau seien derzeit nicht möglich.',
      'In {C} wurde über einen Waffenstillstand zwischen Russland und der Ukraine gesprochen.',
    ],
    war: [
      'Die Kämpfe um {F} dauerten an, meldete der ukrainische Generalstab.',
      'Raketenangriffe ließen {N} tausend Haushalte ohne Heizung.',
    ],
    other: [
      'Die Zentralbank erhöhte den Leitzins um {N} Basispunkte.',
      'Die Tarifverhandlungen der Piloten wurden ohne Ergebnis vertagt.',
      'Das Museum in {C} zeigt {N} Gemälde.',
    ],
    titles: {
      kherson: ['Beschuss in Cherson'],
      negotiations: ['Verhandlungen: Kiews Bedingungen'],
      'kherson+negotiations': ['Nach Cherson: Verhandlungen?'],
      war: ['Kämpfe um {F}'],
      other: ['Zinserhöhung', 'Streik droht'],
    },
  },
  es: {
    kherson: [
      'Los bombardeos rusos alcanzaron Jersón el {D}, dijo {P}.',
      'Los vecinos de Jersón llevan {N} días sin luz.',
    ],
    negotiations: [
      '{P} dijo que las negociaciones con Rusia exigen la retirada de las tropas.',
      'Se habló de un alto el fuego en {C}, según los diplomáticos.',
    ],
    war: [
      'Continúan los combates en torno a {F}, según el ejército ucraniano.',
      'Los ataques con misiles dejaron a {N} mil hogares sin calefacción.',
    ],
    other: [
      'El banco central subió los tipos {N} puntos básicos.',
      'El museo de {C} abre una exposición de {N} cuadros.',
    ],
    titles: {
      kherson: ['Bombardeos en Jersón'],
      negotiations: ['Negociaciones: las condiciones de Kiev'],
      'kherson+negotiations': ['Tras Jersón, ¿negociaciones?'],
      war: ['Combates en {F}'],
      other: ['Suben los tipos'],
    },
  },
  ru: {
    kherson: [
      'Российские обстрелы снова затронули Херсон, сообщил {P}.',
      'Жители Херсона {N} дней живут без света и воды.',
    ],
    negotiations: [
      '{P} заявил, что переговоры с Киевом возможны только на условиях Москвы.',
      'В {C} обсуждали возможное перемирие.',
    ],
    war: [
      'Бои продолжаются в районе {F}, сообщает генштаб.',
      'Ракетный удар оставил без тепла {N} тысяч домов.',
    ],
    other: [
      'Центральный банк повысил ключевую ставку на {N} базисных пунктов.',
      'В музее открылась выставка из {N} картин.',
    ],
    titles: {
      kherson: ['Обстрелы Херсона'],
      negotiations: ['Переговоры: позиция Москвы'],
      'kherson+negotiations': ['Херсон и переговоры'],
      war: ['Бои у {F}'],
      other: ['Ставка повышена'],
    },
  },
  uk: {
    kherson: [
      'Російські обстріли знову влучили у Херсон, повідомив {P}.',
      'Мешканці Херсона {N} днів живуть без світла.',
    ],
    negotiations: [
      '{P} заявив, що перемовини з Росією неможливі без виведення військ.',
      'У {C} обговорювали можливе припинення вогню.',
    ],
    war: ['Бої тривають біля {F}, повідомляє Генштаб.', 'Ракетний удар залишив без тепла {N} тисяч домівок.'],
    other: [
      'Національний банк підвищив облікову ставку на {N} базисних пунктів.',
      'У музеї відкрилася виставка з {N} картин.',
    ],
    titles: {
      kherson: ['Обстріли Херсона'],
      negotiations: ['Перемовини: умови Києва'],
      'kherson+negotiations': ['Херсон і перемовини'],
      war: ['Бої біля {F}'],
      other: ['Ставку підвищено'],
    },
  },
};

const SOURCES: readonly (readonly [string, string])[] = [
  ['wirenews', 'wire.example.com'],
  ['dailyherald', 'herald.example.org'],
  ['euroobserver', 'euroobserver.example.net'],
  ['kyivpost-sample', 'kyiv.example.com'],
  ['metrotimes', 'metro.example.com'],
  ['globaldesk', 'global.example.org'],
  ['eveningpost', 'evening.example.net'],
  ['businessline', 'business.example.com'],
];

const BOILERPLATE: Record<Lang, string[]> = {
  en: [
    "Read also: How the winter will test Ukraine's grid",
    'By Staff Reporter',
    'Photo: AFP',
    'Sign up for our morning newsletter.',
  ],
  fr: ["Lire aussi : comment l'hiver met le réseau à l'épreuve", 'Par notre correspondant'],
  de: ['Lesen Sie auch: Wie der Winter das Stromnetz prüft', 'Von unserem Korrespondenten'],
  es: ['Lea también: cómo el invierno pone a prueba la red', 'Por nuestro corresponsal'],
  ru: ['Читайте также: как зима испытывает энергосистему'],
  uk: ['Читайте також: як зима випробовує енергосистему'],
};

function fill(t: string, rng: Prng, war: boolean): string {
  return t.replace(/\{([PCONDKF])\}/g, (_, slot: string) => {
    switch (slot) {
      case 'P':
        return war ? rng.pick(PEOPLE) : rng.pick(CIVIL_PEOPLE);
      case 'C':
        return rng.pick(CITIES);
      case 'O':
        return war ? rng.pick(ORGS) : rng.pick(CIVIL_ORGS);
      case 'N':
        return String(2 + rng.int(400));
      case 'D':
        return rng.pick(DAYS);
      case 'K':
        return rng.pick(KHERSON_PLACES);
      default:
        return rng.pick(FRONT);
    }
  });
}

/** Which sentence bank a sentence of the body comes from, given the article's kind. */
function sentenceSource(kind: Kind, rng: Prng): keyof Omit<Bank, 'titles'> {
  switch (kind) {
    case 'kherson':
      return rng.weighted([
        ['kherson', 3],
        ['war', 5],
        ['other', 0.2],
      ] as const);
    case 'negotiations':
      return rng.weighted([
        ['negotiations', 3],
        ['war', 5],
      ] as const);
    case 'kherson+negotiations':
      return rng.weighted([
        ['kherson', 2],
        ['negotiations', 2],
        ['war', 4],
      ] as const);
    case 'war':
      return 'war';
    default:
      return 'other';
  }
}

const utf8 = (s: string) => Buffer.byteLength(s);

function makeArticle(
  rng: Prng,
  n: number,
  kind: Kind,
  lang: Lang,
  publishedMs: number,
  [source, host]: readonly [string, string],
): Omit<CorpusItem, 'key'> {
  const bank = BANKS[lang];
  const war = kind !== 'other';
  const title = fill(rng.pick(bank.titles[kind]), rng, war);
  const publishedAt = `${new Date(publishedMs).toISOString().slice(0, 19)}Z`;
  const url = `https://${host}/${publishedAt.slice(0, 10).replace(/-/g, '/')}/${n}`;
  // File size: log-normal around 3 KB, clipped to 1–10 KB.
  const u = Math.max(1e-9, rng.next());
  const v = rng.next();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  const target = Math.min(
    MAX_BYTES - 200,
    Math.max(MIN_BYTES + 200, Math.round(3000 * Math.exp(0.6 * normal))),
  );
  const overhead = utf8(JSON.stringify({ title, body: '', publishedAt, source, url, language: lang }));
  const paragraphs: string[] = [];
  if (rng.next() < 0.5) paragraphs.push(rng.pick(BOILERPLATE[lang]));
  let para: string[] = [];
  let bytes = overhead;
  // The first sentence of a topical article is on topic, as a lede is.
  let first: keyof Omit<Bank, 'titles'> | undefined =
    kind === 'kherson' || kind === 'kherson+negotiations'
      ? 'kherson'
      : kind === 'negotiations'
        ? 'negotiations'
        : undefined;
  while (bytes < target) {
    const from = first ?? sentenceSource(kind, rng);
    first = undefined;
    const sentence = fill(rng.pick(bank[from]), rng, war || from !== 'other');
    para.push(sentence);
    bytes += utf8(sentence) + 2;
    if (para.length >= 3 + rng.int(3)) {
      paragraphs.push(para.join(' '));
      para = [];
      if (rng.next() < 0.08) paragraphs.push(rng.pick(BOILERPLATE[lang]));
    }
  }
  if (para.length > 0) paragraphs.push(para.join(' '));
  let body = paragraphs.join('\n\n');
  // JSON escaping can push a body over the limit: trim whole sentences until it fits.
  while (utf8(JSON.stringify({ title, body, publishedAt, source, url, language: lang })) > MAX_BYTES) {
    body = body.slice(0, body.lastIndexOf('.', body.length - 2) + 1);
  }
  return { article: { title, body, publishedAt, source, url, language: lang }, kind };
}

/** The corpus, one article at a time (constant memory for large N). */
export function* generateCorpus(o: CorpusOptions): Generator<CorpusItem> {
  if (!Number.isInteger(o.articles) || o.articles < 0)
    throw new Error('--articles must be a whole number ≥ 0');
  if (!Number.isInteger(o.days) || o.days < 1) throw new Error('--days must be a whole number ≥ 1');
  const start = Date.parse(`${o.start ?? '2022-01-01'}T00:00:00Z`);
  if (Number.isNaN(start)) throw new Error('--start must be a date, YYYY-MM-DD');
  const rng = new Prng(o.seed);
  // Recent wire stories that later articles may reprint (syndication).
  const wire: { n: number; article: CorpusArticle; kind: Kind }[] = [];
  for (let n = 0; n < o.articles; n++) {
    // Publication time: a random day, then an hour weighted towards the working day.
    const day = rng.int(o.days);
    const hour = rng.weighted(Array.from({ length: 24 }, (_, h) => [h, h >= 6 && h <= 21 ? 3 : 1] as const));
    const ms = start + day * 86_400_000 + hour * 3_600_000 + rng.int(3_600_000 / 1000) * 1000;
    const outlet = rng.pick(SOURCES);
    const [source, host] = outlet;
    const copyOf = wire.length > 0 && rng.next() < 0.08 ? rng.pick(wire) : undefined;
    let item: Omit<CorpusItem, 'key'>;
    if (copyOf) {
      const publishedAt = `${new Date(ms).toISOString().slice(0, 19)}Z`;
      item = {
        article: {
          ...copyOf.article,
          title: `${copyOf.article.title} (${source})`,
          source,
          url: `https://${host}/wire/${copyOf.n}`,
          publishedAt,
        },
        kind: copyOf.kind,
        syndicatedFrom: copyOf.n,
      };
    } else {
      const kind = rng.weighted<Kind>([
        ['kherson', 3],
        ['negotiations', 3],
        ['kherson+negotiations', 1],
        ['war', 18],
        ['other', 75],
      ]);
      const lang = rng.weighted<Lang>([
        ['en', 86],
        ['fr', 3],
        ['de', 3],
        ['es', 3],
        ['ru', 2.5],
        ['uk', 2.5],
      ]);
      item = makeArticle(rng, n, kind, lang, ms, outlet);
      if (item.article.source === 'wirenews') {
        wire.push({ n, article: item.article, kind: item.kind });
        if (wire.length > 50) wire.shift();
      }
    }
    const key = `${item.article.publishedAt.slice(0, 10)}/${item.article.source}-${String(n).padStart(7, '0')}.json`;
    yield { key, ...item };
  }
}

/** The file bytes of an article, as the corpus writes and the bench uploads them. */
export const articleBytes = (a: CorpusArticle): Buffer =>
  Buffer.from(
    JSON.stringify({
      title: a.title,
      body: a.body,
      publishedAt: a.publishedAt,
      source: a.source,
      url: a.url,
      language: a.language,
    }),
  );

function parseArgs(argv: readonly string[]): CorpusOptions & { out: string } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number) => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v)) throw new Error(`--${name} must be a whole number, got "${raw}"`);
    return v;
  };
  return {
    articles: num('articles', 1000),
    days: num('days', 366),
    seed: get('seed') ?? '1',
    start: get('start') ?? '2022-01-01',
    out: resolve(get('out') ?? join('.data', 'corpus')),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const o = parseArgs(process.argv.slice(2));
  const counts: Record<string, number> = {};
  let bytes = 0;
  for (const item of generateCorpus(o)) {
    const file = join(o.out, item.key);
    mkdirSync(dirname(file), { recursive: true });
    const data = articleBytes(item.article);
    writeFileSync(file, data);
    bytes += data.length;
    const label = item.syndicatedFrom === undefined ? item.kind : `${item.kind} (syndicated copy)`;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  console.log(`${o.articles} articles over ${o.days} days from ${o.start} (seed ${o.seed}) → ${o.out}`);
  console.log(
    `${(bytes / 1024 / 1024).toFixed(1)} MB, ${Math.round(bytes / Math.max(1, o.articles))} bytes per article`,
  );
  for (const [k, v] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
}
