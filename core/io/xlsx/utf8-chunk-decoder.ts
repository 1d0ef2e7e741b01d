/**
 * UTF-8 chunks → text, for parts streamed in chunks. A worksheet's XML is nearly all ASCII
 * (its text lives in the shared strings), and an ASCII chunk decodes as Latin-1 at memory
 * speed; other chunks go through a fatal TextDecoder in stream mode, which keeps a character
 * split between chunks and refuses invalid UTF-8.
 */
import { isAscii } from 'node:buffer';

/** Whether the chunk ends inside a multi-byte sequence (which the decoder then holds). */
function endsMidCharacter(chunk: Buffer): boolean {
  for (let back = 1; back <= 4 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back] as number;
    if (byte < 0x80) return false;
    if (byte >= 0xc0) return back < (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2);
  }
  return false;
}

export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** The decoder holds the start of a character from the previous chunk. */
  private pending = false;
  private first = true;

  decode(chunk: Buffer): string {
    // The first chunk always goes to the decoder: it strips a byte order mark only at the start of its stream.
    if (!this.pending && !this.first && isAscii(chunk)) return chunk.toString('latin1');
    this.first = false;
    this.pending = endsMidCharacter(chunk);
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    return this.decoder.decode();
  }
}
