/**
 * The one DynamoDB table, defined once: the CDK stack and the local stack both build it from this.
 *
 * Items (single-table design):
 * | item                     | pk                      | sk                 |
 * |--------------------------|-------------------------|--------------------|
 * | article record           | `ART#<id>`              | `ART`              |
 * | topic day counters       | `CNT#<topic>#d[#shard]` | `2022-11` (a month: a tally `t10` per day) |
 * | topic hour counters      | `CNT#<topic>#h[#shard]` | `2022-11-10` (a day: `t07` per hour) |
 * | entity counters, an hour | `ENT#<yyyy-mm-dd>`      | `<hh>`             |
 * | listing entry            | `LIST#<topic>#<yyyy-mm>`| `<publishedAt>#<id>` |
 * | rejection                | `REJ`                   | `<at>#<id>`        |
 *
 * Every read is a GetItem or a Query on one partition key; no index is needed.
 */
export type IndexDefinition = {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
};

export const TABLE_DEFINITION: {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: readonly IndexDefinition[];
} = { partitionKey: 'pk', sortKey: 'sk', indexes: [] };
