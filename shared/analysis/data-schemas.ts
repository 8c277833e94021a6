import * as z from 'zod';
import { CATEGORIES } from './document-features.js';
import { LANGUAGES } from './sentiment-lexicon.js';

/**
 * The schemas of the analysis data files (data/*.json) and of the labels the analysis writes:
 * the unit tests validate every committed file with them. The analysis itself imports only their
 * types: a cold start loads no zod (module and schemas cost the analysis module's init ~15 ms).
 */

export const EntityType = z.enum(['person', 'place', 'organization']);
export type EntityType = z.infer<typeof EntityType>;

export const SentimentLabel = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

/** data/gazetteer.json and data/world-places.json. */
export const Gazetteer = z.object({
  about: z.string(),
  entities: z.array(
    z.object({ name: z.string().min(1), type: EntityType, aliases: z.array(z.string().min(1)) }),
  ),
});
export type Gazetteer = z.infer<typeof Gazetteer>;
/** A generated list of place names (data/world-cities.json). */
export const PlaceNames = z.object({ about: z.string(), names: z.array(z.string().min(1)) });

/** data/name-cues.json. */
export const NameCues = z.object({
  about: z.string(),
  firstNames: z.array(z.string()),
  firstNamesCyrillic: z.array(z.string()),
  titles: z.array(z.string()),
  orgHeads: z.array(z.string()),
  orgCues: z.array(z.string()),
  orgLinks: z.array(z.string()),
  orgStarts: z.array(z.string()),
  placeSuffixes: z.array(z.string()),
  placeCues: z.array(z.string()),
  notOrganisations: z.array(z.string()),
  placeHeads: z.array(z.string()),
  placeStarts: z.array(z.string()),
  nameConnectors: z.array(z.string()),
  notAfterPlace: z.array(z.string()),
  demonyms: z.record(z.string(), z.string()),
  orgSuffixes: z.array(z.string()),
  eventHeads: z.array(z.string()),
});
export type NameCues = z.infer<typeof NameCues>;

/** data/sentiment-lexicon.json. */
export const Lexicon = z.object({
  about: z.string(),
  negators: z.array(z.string()),
  intensifiers: z.record(z.string(), z.number()),
  words: z.record(z.enum(LANGUAGES), z.record(z.string(), z.number().min(-5).max(5))),
  /** Words that name the war's subject matter: their negative valence is multiplied by `factor`. */
  subject: z.object({
    about: z.string(),
    factor: z.number().min(0).max(1),
    words: z.record(z.enum(LANGUAGES), z.array(z.string())),
  }),
  perspective: z.object({
    about: z.string(),
    window: z.number().int().min(1),
    factor: z.number(),
    setbacks: z.array(z.string()),
    aggressor: z.array(z.string()),
    defender: z.array(z.string()),
  }),
});
export type Lexicon = z.infer<typeof Lexicon>;

/** data/boilerplate.json. */
export const BoilerplateCues = z.object({
  about: z.string(),
  lineStart: z.object({
    related: z.array(z.string()),
    credit: z.array(z.string()),
    creditBy: z.array(z.string()),
    byline: z.array(z.string()),
    correspondent: z.array(z.string()),
  }),
  prompt: z.array(z.string()),
  wires: z.array(z.string()),
  callToAction: z.object({ verbs: z.array(z.string().min(1)), markers: z.array(z.string().min(1)) }),
  supportCredit: z.array(z.string().min(1)),
});
export type BoilerplateCues = z.infer<typeof BoilerplateCues>;

const PerLanguage = z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.array(z.string().min(1))])));
/** data/tone-cues.json. */
export const ToneCues = z.object({
  about: z.string(),
  ...Object.fromEntries(CATEGORIES.map((c) => [c, PerLanguage])),
});
