const publishedAtFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When a version was published, in the browser's locale and time zone. */
export function formatPublishedAt(iso: string): string {
  return publishedAtFormat.format(new Date(iso));
}
