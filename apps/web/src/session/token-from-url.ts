/** The `token` of a one-time link, removed from the address bar once read (it should not linger in history). */
export function takeTokenFromUrl(): string {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token') ?? '';
  if (token !== '') {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return token;
}
