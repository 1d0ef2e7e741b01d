/**
 * The web shell's service API called from the test, as the page calls it (POST /api/call/…
 * with the launch token), to hold what the screens show to what the service answers.
 */
import type { Channel, ChannelArgument, ChannelOutput } from '../../../core/service/contract.js';

export async function serviceCall<C extends Channel>(printedUrl: string, channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
  const url = new URL(printedUrl);
  const token = url.hash.replace(/^#token=/, '');
  const response = await fetch(new URL(`/api/call/${encodeURIComponent(channel)}`, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cvs-token': token },
    body: JSON.stringify(argument),
  });
  const result = (await response.json()) as { ok: true; value: ChannelOutput<C> } | { ok: false; error: { code: string; en: string } };
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.code} ${result.error.en}`);
  return result.value;
}
