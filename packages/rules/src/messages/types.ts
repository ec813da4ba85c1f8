/** The languages of user-facing text: Vietnamese first, English second. */
export type Lang = 'vi' | 'en';

/** One catalogue entry: a template per language with `{name}` placeholders. */
export interface MessageTemplate {
  readonly vi: string;
  readonly en: string;
}
