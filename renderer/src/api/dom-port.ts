/**
 * The browser side of the web transport: EventSource for push events, XMLHttpRequest for uploads
 * (fetch reports no upload progress), a file input for choosing files and links for downloads.
 */
import type { BrowserPort } from './browser-port.js';

const TOKEN_KEY = 'cvs.token';
/** How long a saved scenario's object URL lives: long enough for the browser to start the download. */
const OBJECT_URL_LIFETIME_MS = 60_000;

export function createDomPort(): BrowserPort {
  return {
    origin: location.origin,
    token: readLaunchToken(),
    fetch: (url, init) => fetch(url, init),

    listen(url, onMessage) {
      const source = new EventSource(url);
      const opened = new Promise<void>((done) => {
        source.addEventListener('open', () => done(), { once: true });
        source.addEventListener('error', () => done(), { once: true });
      });
      source.addEventListener('message', (event: MessageEvent<string>) => onMessage(event.data));
      return { opened, close: () => source.close() };
    },

    chooseFiles(accept) {
      return new Promise((done) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = accept;
        input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
        // Browsers without the cancel event (before 2023) leave the promise pending; nothing waits on it but the button.
        input.addEventListener('cancel', () => done([]), { once: true });
        input.click();
      });
    },

    send(url, file, headers, onProgress) {
      return new Promise((done, fail) => {
        const request = new XMLHttpRequest();
        request.open('POST', url);
        for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
        request.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
        request.addEventListener('load', () => done({ status: request.status, body: request.responseText }));
        request.addEventListener('error', () => fail(new Error('upload failed')));
        request.send(file);
      });
    },

    download(url) {
      clickLink(url);
    },

    saveText(name, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      clickLink(url, name);
      setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
    },
  };
}

/**
 * The token comes in the fragment of the printed link (never sent in a request, so never in a
 * log). It is kept in sessionStorage for reloads of this tab and taken out of the address bar,
 * so it stays out of history and bookmarks.
 */
function readLaunchToken(): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromLink);
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function clickLink(href: string, name = ''): void {
  const link = document.createElement('a');
  link.href = href;
  // An empty download attribute keeps the page in place and lets Content-Disposition name the file.
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}
