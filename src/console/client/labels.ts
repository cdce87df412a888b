// Words people read instead of codes.
export const COUNTRY_NAMES: Record<string, string> = {
  FI: 'Finland',
  SE: 'Sweden',
  NO: 'Norway',
  DK: 'Denmark',
  IS: 'Iceland',
  AX: 'Åland',
  FO: 'Faroe Islands',
  GL: 'Greenland',
};

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  sv: 'Swedish',
  fi: 'Finnish',
  nb: 'Norwegian (Bokmål)',
  nn: 'Norwegian (Nynorsk)',
  da: 'Danish',
  is: 'Icelandic',
};

export const countryName = (code: string) => COUNTRY_NAMES[code] ?? code;

/** `ai-data` -> `AI & data`, `rnd` -> `R&D`, otherwise the code with spaces and a capital. */
export function codeLabel(code: string): string {
  const special: Record<string, string> = { 'ai-data': 'AI & data', rnd: 'R&D', ict: 'ICT', medtech: 'Medtech', cleantech: 'Cleantech' };
  if (special[code]) return special[code];
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The service's strength words (very strong, strong, good, some) as a short phrase. */
export function strengthLabel(strength: string): string {
  return strength === 'some' ? 'Possible match' : `${strength.charAt(0).toUpperCase()}${strength.slice(1)} match`;
}

export const percent = (x: number) => `${Math.round(x * 100)} %`;

export function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

export function localDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(iso));
}
