/**
 * What the web transport needs from the browser, as one small interface: dom-port.ts implements
 * it with the DOM, and tests with Node's fetch, so the client's logic runs against the real
 * server without a browser.
 */

export interface EventStream {
  /** Settles when the stream is open (or has failed to open: calls must not wait for it forever). */
  readonly opened: Promise<void>;
  close(): void;
}

export interface SentFile {
  readonly status: number;
  readonly body: string;
}

export interface BrowserPort {
  /** The page's origin, e.g. http://127.0.0.1:51234. */
  readonly origin: string;
  /** The launch token, or null when the page was not opened with the printed link. */
  readonly token: string | null;
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Opens a server-sent event stream; `onMessage` gets each event's data. */
  listen(url: string, onMessage: (data: string) => void): EventStream;
  /** Lets the user choose files; [] when cancelled. */
  chooseFiles(accept: string): Promise<readonly File[]>;
  /** POSTs a file as the raw body, reporting bytes sent. */
  send(url: string, file: File, headers: Readonly<Record<string, string>>, onProgress: (sent: number, total: number) => void): Promise<SentFile>;
  /** Starts the browser's download of a URL that answers with an attachment. */
  download(url: string): void;
  /** Saves text as a file through the browser's download. */
  saveText(name: string, text: string): void;
}
