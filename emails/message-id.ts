// A stable Message-ID per outbox row: a message sent again after a crash carries the same
// Message-ID, so mail systems and readers can recognise the duplicate (RFC 5322 §3.6.4).

/** The host of APP_URL names the portal in Message-IDs and the default sender. */
export function mailHost(appUrl: string): string {
  return new URL(appUrl).hostname;
}

export function messageIdFor(rowId: string, appUrl: string): string {
  return `<outbox-${rowId}@${mailHost(appUrl)}>`;
}
