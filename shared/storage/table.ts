/**
 * The one DynamoDB table, defined once: the CDK stack and the local stack both build it from this.
 *
 * Items (single-table design):
 * | item                     | pk                      | sk                 |
 * |--------------------------|-------------------------|--------------------|
 * | article record           | `ART#<id>`              | `ART`              |
 * | topic day counters       | `CNT#<topic>#d[#shard]` | `2022-11` (a month: a tally `t10` per day) |
 * | topic hour counters      | `CNT#<topic>#h[#shard]` | `2022-11-10` (a day: `t07` per hour) |
 * | entity counters, an hour | `ENT#<yyyy-mm-dd>`      | `<hh>`, `<hh>#<part>` (storage/entity-parts.ts) |
 * | listing entry            | `LIST#<topic>#<yyyy-mm>`| `<publishedAt>#<id>` |
 * | rejection                | `REJ`                   | `<at>#<id>`        |
 *
 * Every read is a GetItem or a Query on one partition key; no index is needed.
 */
export const TABLE_DEFINITION = { partitionKey: 'pk', sortKey: 'sk' } as const;
