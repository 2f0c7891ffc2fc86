/** A file a command offers through Teams' file consent card (teams/file-consent.ts): name, size, a description,
 *  and the context Teams sends back with the person's answer. A module of its own, so command-context.ts can
 *  name it without depending on the consent flow. */
export interface FileOffer {
  name: string;
  sizeInBytes: number;
  description: string;
  context: Record<string, string>;
}
