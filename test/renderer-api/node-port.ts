/** The web client's browser port on Node's fetch, recording what a browser would show or download. */
import type { BrowserPort } from '../../renderer/src/api/browser-port.js';
import { openEventStream } from '../web-shell/http-helpers.js';

export interface NodePort extends BrowserPort {
  /** Files the next chooseFiles returns (as if the user picked them). */
  picked: File[];
  /** The `accept` of each chooseFiles, in order. */
  readonly accepted: string[];
  readonly downloads: string[];
  readonly saved: { readonly name: string; readonly text: string }[];
}

export function createNodePort(origin: string, token: string | null): NodePort {
  const downloads: string[] = [];
  const saved: { name: string; text: string }[] = [];
  const accepted: string[] = [];
  return {
    origin,
    token,
    picked: [],
    accepted,
    downloads,
    saved,
    fetch: (url, init) => fetch(url, init),
    listen(url, onMessage) {
      const stream = openEventStream(url, onMessage);
      return { opened: stream.opened.then(() => undefined), close: () => stream.close() };
    },
    async chooseFiles(accept) {
      accepted.push(accept);
      return this.picked;
    },
    async send(url, file, headers, onProgress) {
      const res = await fetch(url, { method: 'POST', headers, body: file });
      // fetch reports no upload progress; the whole file has gone once the answer is here.
      onProgress(file.size, file.size);
      return { status: res.status, body: await res.text() };
    },
    download: (url) => downloads.push(url),
    saveText: (name, text) => saved.push({ name, text }),
  };
}
