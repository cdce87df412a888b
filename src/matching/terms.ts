// Splitting profile text into candidate terms for explanations.

// Function words and the generic vocabulary of partner profiles: they sit near every need and
// offer, so naming them explains nothing.
const STOPWORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by can
   could did do does doing down during each few for from further had has have having he her here hers him his how i if in
   into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she
   should so some such than that the their theirs them then there these they this those through to too under until up very
   was we were what when where which while who whom why will with would you your yours within across per via etc including
   new based well able help helps make makes use used using work works working want wants looking seek seeks seeking find
   finding offer offers offering provide provides providing need needs company companies partner partners partnership
   customer customers client clients market markets business businesses solution solutions service services product
   products year years first one two three nordic nordics region regional international global europe european local
   och att det som en ett är för med på av till den har de inte om ett vi oss vår våra eller från kan ska samt
   ja on ei se että tai kuin myös sekä olla ovat joka jotka me meidän mukaan
   og er til på af med den det de som en et vi vores eller fra kan skal også har ikke for at
   og er til på av med den det de som en et vi vår våre eller fra kan skal også har ikke for å
   og er til á af með sem við okkar eða frá getur skal einnig hefur ekki fyrir að í`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * English words that say nothing about what a company does. A term in any language whose vector
 * sits right on one of these (Norwegian "trenger", Icelandic "framleiðsla") explains nothing either.
 */
export const GENERIC_ENGLISH_TERMS = [
  'need', 'offer', 'provide', 'seek', 'want', 'can', 'make', 'produce', 'production', 'manufacture', 'manufacturer',
  'develop', 'company', 'business', 'product', 'service', 'solution', 'system', 'customer', 'partner', 'supplier',
  'market', 'large', 'small', 'new', 'good', 'quality', 'high', 'year', 'today', 'also', 'together', 'include', 'use',
  'work', 'able', 'same', 'common', 'less', 'more', 'access', 'direct', 'full', 'long', 'level', 'part', 'well',
];

/** Distinct content words of a text, in order of first appearance. */
export function contentTerms(text: string, max = 80): string[] {
  const seen = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}]*(?:-\p{L}[\p{L}\p{N}]*)*/gu)) {
    const word = match[0];
    if (word.length < 3 || STOPWORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    if (seen.size >= max) break;
  }
  return [...seen];
}
