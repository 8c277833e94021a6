/**
 * The one DynamoDB table, defined once: the CDK stack and the local stack both build it from this.
 *
 * Items (single-table design):
 * | item                    | pk                         | sk                 | gsi1 (sparse)                  |
 * |-------------------------|----------------------------|--------------------|--------------------------------|
 * | article record          | `ART#<id>`                 | `ART`              | `ARTICLES` / `<publishedAt>#<id>` (active only) |
 * | topic counter           | `CNT#<topic>#<d or h>`     | `2022-11-10[T12]`  |                                |
 * | entity counters of a day| `ENT#<yyyy-mm-dd>`         | `<shard>`          |                                |
 * | rejection               | `REJ`                      | `<at>#<id>`        |                                |
 */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
} as const;
