import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { SpikeAnnouncement } from '../trends/spike-watch.js';

/** EventBridge's names of a spike event: rules match on them (infra/constructs/spikes.ts). */
export const SPIKE_EVENT = { source: 'trendwire', detailType: 'Topic spike' } as const;

/** Publishes a spike to the account's default event bus; a refused entry is an error (retried). */
export function eventBridgeAnnouncer(events: EventBridgeClient, busName = 'default') {
  return async (a: SpikeAnnouncement): Promise<void> => {
    const res = await events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: busName,
            Source: SPIKE_EVENT.source,
            DetailType: SPIKE_EVENT.detailType,
            Detail: JSON.stringify(a),
            Resources: [],
          },
        ],
      }),
    );
    if ((res.FailedEntryCount ?? 0) > 0) {
      const entry = res.Entries?.[0];
      throw new Error(`EventBridge refused the spike event: ${entry?.ErrorCode} ${entry?.ErrorMessage}`);
    }
  };
}
