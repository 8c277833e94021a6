/**
 * The Powertools service name of each function: the logs' and metrics' `service`. One source for
 * the functions that log under it and the infrastructure that sets POWERTOOLS_SERVICE_NAME and
 * graphs its metrics.
 */
export const SERVICES = {
  api: 'trendwire-api',
  ingest: 'trendwire-ingest',
  recount: 'trendwire-recount',
  spikes: 'trendwire-spikes',
} as const;
