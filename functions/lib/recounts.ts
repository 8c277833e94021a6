import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { RecountStarter } from '#shared/api/topic-routes.js';
import { ALL_TOPIC } from '#shared/ingest/contribution.js';
import { newRecountId, type RecountLog, startingStatus } from '#shared/recount/job.js';
import { staleAnalysis } from '#shared/recount/plan.js';
import type { DynamoStore } from '#shared/storage/dynamo-store.js';
import type { LiveTopics } from '#shared/topics/live.js';

/**
 * On AWS a recount is an execution of the recount state machine, named by the recount's id.
 * The record is written first, so GET /recounts/{id} knows it from the moment it is announced.
 */
export function stepFunctionsRecounts(stateMachineArn: string, log: RecountLog, sfn = new SFNClient({})) {
  const start: RecountStarter = async (reason) => {
    const at = new Date();
    const id = newRecountId(at);
    const iso = at.toISOString();
    await log.saveRecount(startingStatus(id, reason, '', iso));
    await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: id, input: JSON.stringify({ id, reason }) }),
    );
    return { id, status: 'running' };
  };
  return { start };
}

/**
 * At a cold start after a deploy: if the counters were made by another analysis (a new analyser,
 * or a topic file changed at deploy), one function — whichever claims it first — starts the
 * recount. Returns its id, if this one started it.
 */
export async function recountIfStale(deps: {
  readonly topics: LiveTopics;
  readonly log: RecountLog;
  readonly store: Pick<DynamoStore, 'dayBounds'>;
  readonly start: RecountStarter;
}): Promise<string | undefined> {
  const stale = await staleAnalysis({
    topics: deps.topics,
    log: deps.log,
    hasArticles: async () => (await deps.store.dayBounds(ALL_TOPIC)) !== undefined,
  });
  if (!stale || !(await deps.log.claimRecountOf(stale.analysis, 'pending'))) return undefined;
  return (await deps.start(stale.reason)).id;
}
