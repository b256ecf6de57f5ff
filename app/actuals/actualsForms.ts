// The limits of the actual-calls pages' fields (issue 19), for the pages and for the schemas in
// actualsForms.server.ts (only the actions parse these forms: the schemas stay off the pages).

export const SOURCE_NAME_MAX = 60;
export const QUEUE_MAX = 100;
export const QUEUES_PER_REQUEST = 20;
