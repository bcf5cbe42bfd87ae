/** The longest journey name the API stores (the canvas says so instead of cutting a name). */
export const MAX_JOURNEY_NAME_LENGTH = 200;

/** What is wrong with a journey name, in the words the canvas shows under the field; undefined when nothing. */
export function journeyNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Give the journey a name.';
  if (name.length > MAX_JOURNEY_NAME_LENGTH) return `Names can have up to ${MAX_JOURNEY_NAME_LENGTH} characters; this one has ${name.length}.`;
  return undefined;
}
