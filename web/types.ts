import type * as z from 'zod';
import type { Breakdown as BreakdownSchema } from '../shared/api/breakdown-schemas.js';
import type * as S from '../shared/api/schemas.js';
import type { Spikes as SpikesSchema } from '../shared/api/spike-schemas.js';

/**
 * The shapes the page reads, inferred from the API's own zod schemas (types only: nothing of zod
 * or the API is bundled), so a change to a response cannot leave the page reading an old copy.
 */
export type TopicList = z.infer<typeof S.TopicList>;
export type Topic = TopicList['topics'][number];
export type Trends = z.infer<typeof S.Trends>;
export type Bucket = z.infer<typeof S.Bucket>;
export type Granularity = Trends['granularity'];
export type ArticleSummary = z.infer<typeof S.ArticleSummary>;
export type ArticleList = z.infer<typeof S.ArticleList>;
export type Article = z.infer<typeof S.ArticleDetail>;
export type Sentiment = ArticleSummary['sentiment'];
export type EntityList = z.infer<typeof S.EntityList>;
export type Entity = EntityList['entities'][number];
export type Recount = z.infer<typeof S.Recount>;
export type Spikes = z.infer<typeof SpikesSchema>;
export type Spike = Spikes['spikes'][number];
export type Breakdown = z.infer<typeof BreakdownSchema>;
