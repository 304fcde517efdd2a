import { createStore } from '../lib/store';
import { parseRoute, stockUrl, type Route } from './route';

export const routeStore = createStore<Route>(parseRoute(window.location.pathname, window.location.search));

/** Shows `code` and puts it in the address (a new history entry, so the back button returns). */
export function navigate(code: string): void {
  const url = stockUrl(code, window.location.search);
  if (url !== window.location.pathname + window.location.search) window.history.pushState(null, '', url);
  routeStore.set({ code, invalid: null });
}

window.addEventListener('popstate', () => routeStore.set(parseRoute(window.location.pathname, window.location.search)));
