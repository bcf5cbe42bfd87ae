/** The URL with its password replaced by `***`, fit for logs and error messages. */
export function maskUrlPassword(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(not a valid URL)';
  }
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
