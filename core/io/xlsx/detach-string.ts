/**
 * V8 makes a substring of 13 or more characters a view into its parent string, so keeping a
 * cell's text would keep the whole ~256 KB chunk it was cut from. Concatenating and slicing
 * again gives the text its own storage; shorter strings are copies already.
 */
const SLICED_MIN_LENGTH = 13;

export function detachString(text: string): string {
  return text.length < SLICED_MIN_LENGTH ? text : (' ' + text).slice(1);
}
