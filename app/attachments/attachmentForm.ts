// The attachment page's limits, for the page and for the action's schema (attachmentForm.server.ts).

export const DESCRIPTION_MAX = 200;
