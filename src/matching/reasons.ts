// Reasons a person can read, in the reader's language: sentences naming the concrete things that
// meet (what they offer that you seek, what they seek that you offer), where the candidate stands,
// whom they look for and the sectors you share. Built from the concepts both sides hold, so a
// reason names evidence, never a bare signal, and never only generic words.
import type { TermReader } from '../embedding/index.js';
import type { SharedConcept } from './hybrid.js';

export const READER_LANGUAGES = ['en', 'sv', 'fi', 'nb', 'da', 'is'] as const;
export type ReaderLanguage = (typeof READER_LANGUAGES)[number];

/** What the reasons of one result are built from. */
export interface ReasonFacts {
  /** Concepts both sides hold, per signal (see `sharedConcepts`). */
  shared: readonly SharedConcept[];
  /** The language the asker wrote in: its own words render a concept when the lexicon has none. */
  askerLanguage?: string | undefined;
  /** The candidate is in a country the asker named. */
  inPreferredCountry?: string | undefined;
  /** The candidate's needs name the asker's country. */
  seeksAskerCountry?: string | undefined;
  /** Partner types the candidate looks for. */
  partnerTypes?: readonly string[] | undefined;
  sharedSectors?: readonly string[] | undefined;
}

type Template = (words: string) => string;

interface Phrases {
  /** Per signal name: the sentence for the concepts it shares. */
  signals: Record<string, Template>;
  closeInMeaning: string;
  inNamedCountry: Template;
  seeksYourCountry: Template;
  looksFor: Template;
  sharedSectors: Template;
  partnerTypes: Record<string, string>;
  sectors: Record<string, string>;
}

const PHRASES: Record<ReaderLanguage, Phrases> = {
  en: {
    signals: {
      needsOffers: (x) => `They offer ${x}, which you are looking for.`,
      offersNeeds: (x) => `They are looking for ${x}, which you offer.`,
      profile: (x) => `You both work with ${x}.`,
      offersFit: (x) => `The opening asks for ${x}, which you offer.`,
      profileFit: (x) => `The opening and your description share ${x}.`,
    },
    closeInMeaning: 'Their description is close to yours in meaning, in other words.',
    inNamedCountry: (c) => `Based in ${c}, which you named.`,
    seeksYourCountry: (c) => `They are looking for partners in ${c}.`,
    looksFor: (x) => `They are looking for: ${x}.`,
    sharedSectors: (x) => `Shared sectors: ${x}.`,
    partnerTypes: {
      distributor: 'distributors',
      reseller: 'resellers',
      supplier: 'suppliers',
      manufacturer: 'manufacturers',
      rnd: 'R&D partners',
      investor: 'investors',
      customer: 'customers',
      logistics: 'logistics partners',
      'pilot-site': 'pilot sites',
      'joint-venture': 'joint-venture partners',
    },
    sectors: {
      bioeconomy: 'bioeconomy',
      forestry: 'forestry',
      cleantech: 'cleantech',
      energy: 'energy',
      hydrogen: 'hydrogen',
      batteries: 'batteries',
      maritime: 'maritime',
      aquaculture: 'aquaculture',
      food: 'food',
      health: 'health',
      medtech: 'medtech',
      ict: 'ICT',
      'ai-data': 'AI and data',
      cybersecurity: 'cybersecurity',
      gaming: 'games',
      manufacturing: 'manufacturing',
      robotics: 'robotics',
      mining: 'mining',
      construction: 'construction',
      tourism: 'tourism',
      logistics: 'logistics',
      textiles: 'textiles',
      space: 'space',
      fintech: 'fintech',
      education: 'education',
      creative: 'creative industries',
    },
  },
  sv: {
    signals: {
      needsOffers: (x) => `De erbjuder ${x}, som ni söker.`,
      offersNeeds: (x) => `De söker ${x}, som ni erbjuder.`,
      profile: (x) => `Ni arbetar båda med ${x}.`,
      offersFit: (x) => `Möjligheten efterfrågar ${x}, som ni erbjuder.`,
      profileFit: (x) => `Möjligheten och er beskrivning har gemensamt: ${x}.`,
    },
    closeInMeaning: 'Deras beskrivning ligger nära er i innehåll, med andra ord.',
    inNamedCountry: (c) => `Finns i ${c}, som ni nämnde.`,
    seeksYourCountry: (c) => `De söker partner i ${c}.`,
    looksFor: (x) => `De söker: ${x}.`,
    sharedSectors: (x) => `Gemensamma branscher: ${x}.`,
    partnerTypes: {
      distributor: 'distributörer',
      reseller: 'återförsäljare',
      supplier: 'leverantörer',
      manufacturer: 'tillverkare',
      rnd: 'FoU-partner',
      investor: 'investerare',
      customer: 'kunder',
      logistics: 'logistikpartner',
      'pilot-site': 'pilotplatser',
      'joint-venture': 'samriskpartner',
    },
    sectors: {
      bioeconomy: 'bioekonomi',
      forestry: 'skogsbruk',
      cleantech: 'miljöteknik',
      energy: 'energi',
      hydrogen: 'vätgas',
      batteries: 'batterier',
      maritime: 'sjöfart',
      aquaculture: 'vattenbruk',
      food: 'livsmedel',
      health: 'hälsa',
      medtech: 'medicinteknik',
      ict: 'IKT',
      'ai-data': 'AI och data',
      cybersecurity: 'cybersäkerhet',
      gaming: 'spel',
      manufacturing: 'tillverkning',
      robotics: 'robotik',
      mining: 'gruvnäring',
      construction: 'bygg',
      tourism: 'turism',
      logistics: 'logistik',
      textiles: 'textil',
      space: 'rymd',
      fintech: 'fintech',
      education: 'utbildning',
      creative: 'kreativa näringar',
    },
  },
  fi: {
    signals: {
      needsOffers: (x) => `He tarjoavat sitä, mitä etsitte: ${x}.`,
      offersNeeds: (x) => `He etsivät sitä, mitä tarjoatte: ${x}.`,
      profile: (x) => `Teillä on yhteisiä aiheita: ${x}.`,
      offersFit: (x) => `Mahdollisuus koskee sitä, mitä tarjoatte: ${x}.`,
      profileFit: (x) => `Mahdollisuudella ja kuvauksellanne on yhteistä: ${x}.`,
    },
    closeInMeaning: 'Heidän kuvauksensa on sisällöltään lähellä teidän kuvaustanne, vaikka sanat ovat eri.',
    inNamedCountry: (c) => `Sijaintimaa on mainitsemanne ${c}.`,
    seeksYourCountry: (c) => `He etsivät kumppaneita maasta ${c}.`,
    looksFor: (x) => `He etsivät: ${x}.`,
    sharedSectors: (x) => `Yhteiset toimialat: ${x}.`,
    partnerTypes: {
      distributor: 'jakelijat',
      reseller: 'jälleenmyyjät',
      supplier: 'toimittajat',
      manufacturer: 'valmistajat',
      rnd: 'T&K-kumppanit',
      investor: 'sijoittajat',
      customer: 'asiakkaat',
      logistics: 'logistiikkakumppanit',
      'pilot-site': 'pilottikohteet',
      'joint-venture': 'yhteisyrityskumppanit',
    },
    sectors: {
      bioeconomy: 'biotalous',
      forestry: 'metsätalous',
      cleantech: 'puhdas teknologia',
      energy: 'energia',
      hydrogen: 'vety',
      batteries: 'akut',
      maritime: 'meriteollisuus',
      aquaculture: 'vesiviljely',
      food: 'elintarvikkeet',
      health: 'terveys',
      medtech: 'terveysteknologia',
      ict: 'ICT',
      'ai-data': 'tekoäly ja data',
      cybersecurity: 'kyberturvallisuus',
      gaming: 'pelit',
      manufacturing: 'valmistava teollisuus',
      robotics: 'robotiikka',
      mining: 'kaivosala',
      construction: 'rakentaminen',
      tourism: 'matkailu',
      logistics: 'logistiikka',
      textiles: 'tekstiilit',
      space: 'avaruus',
      fintech: 'finanssiteknologia',
      education: 'koulutus',
      creative: 'luovat alat',
    },
  },
  nb: {
    signals: {
      needsOffers: (x) => `De tilbyr ${x}, som dere ser etter.`,
      offersNeeds: (x) => `De ser etter ${x}, som dere tilbyr.`,
      profile: (x) => `Dere arbeider begge med ${x}.`,
      offersFit: (x) => `Muligheten etterspør ${x}, som dere tilbyr.`,
      profileFit: (x) => `Muligheten og beskrivelsen deres har til felles: ${x}.`,
    },
    closeInMeaning: 'Beskrivelsen til dem ligger nær deres egen i innhold, med andre ord.',
    inNamedCountry: (c) => `Holder til i ${c}, som dere nevnte.`,
    seeksYourCountry: (c) => `De ser etter partnere i ${c}.`,
    looksFor: (x) => `De ser etter: ${x}.`,
    sharedSectors: (x) => `Felles bransjer: ${x}.`,
    partnerTypes: {
      distributor: 'distributører',
      reseller: 'forhandlere',
      supplier: 'leverandører',
      manufacturer: 'produsenter',
      rnd: 'FoU-partnere',
      investor: 'investorer',
      customer: 'kunder',
      logistics: 'logistikkpartnere',
      'pilot-site': 'pilotsteder',
      'joint-venture': 'partnere til fellesforetak',
    },
    sectors: {
      bioeconomy: 'bioøkonomi',
      forestry: 'skogbruk',
      cleantech: 'miljøteknologi',
      energy: 'energi',
      hydrogen: 'hydrogen',
      batteries: 'batterier',
      maritime: 'maritim næring',
      aquaculture: 'havbruk',
      food: 'mat',
      health: 'helse',
      medtech: 'medisinsk teknologi',
      ict: 'IKT',
      'ai-data': 'KI og data',
      cybersecurity: 'cybersikkerhet',
      gaming: 'spill',
      manufacturing: 'industri',
      robotics: 'robotikk',
      mining: 'gruvedrift',
      construction: 'bygg og anlegg',
      tourism: 'reiseliv',
      logistics: 'logistikk',
      textiles: 'tekstil',
      space: 'romfart',
      fintech: 'fintech',
      education: 'utdanning',
      creative: 'kreative næringer',
    },
  },
  da: {
    signals: {
      needsOffers: (x) => `De tilbyder ${x}, som I søger.`,
      offersNeeds: (x) => `De søger ${x}, som I tilbyder.`,
      profile: (x) => `I arbejder begge med ${x}.`,
      offersFit: (x) => `Muligheden efterspørger ${x}, som I tilbyder.`,
      profileFit: (x) => `Muligheden og jeres beskrivelse har til fælles: ${x}.`,
    },
    closeInMeaning: 'Deres beskrivelse ligger tæt på jeres i indhold, med andre ord.',
    inNamedCountry: (c) => `Holder til i ${c}, som I nævnte.`,
    seeksYourCountry: (c) => `De søger partnere i ${c}.`,
    looksFor: (x) => `De søger: ${x}.`,
    sharedSectors: (x) => `Fælles brancher: ${x}.`,
    partnerTypes: {
      distributor: 'distributører',
      reseller: 'forhandlere',
      supplier: 'leverandører',
      manufacturer: 'producenter',
      rnd: 'F&U-partnere',
      investor: 'investorer',
      customer: 'kunder',
      logistics: 'logistikpartnere',
      'pilot-site': 'pilotsteder',
      'joint-venture': 'joint venture-partnere',
    },
    sectors: {
      bioeconomy: 'bioøkonomi',
      forestry: 'skovbrug',
      cleantech: 'miljøteknologi',
      energy: 'energi',
      hydrogen: 'brint',
      batteries: 'batterier',
      maritime: 'maritim',
      aquaculture: 'akvakultur',
      food: 'fødevarer',
      health: 'sundhed',
      medtech: 'medicoteknik',
      ict: 'IKT',
      'ai-data': 'AI og data',
      cybersecurity: 'cybersikkerhed',
      gaming: 'spil',
      manufacturing: 'fremstilling',
      robotics: 'robotteknologi',
      mining: 'minedrift',
      construction: 'byggeri',
      tourism: 'turisme',
      logistics: 'logistik',
      textiles: 'tekstiler',
      space: 'rumfart',
      fintech: 'fintech',
      education: 'uddannelse',
      creative: 'kreative erhverv',
    },
  },
  is: {
    signals: {
      needsOffers: (x) => `Þau bjóða það sem þið leitið að: ${x}.`,
      offersNeeds: (x) => `Þau leita að því sem þið bjóðið: ${x}.`,
      profile: (x) => `Þið vinnið bæði með: ${x}.`,
      offersFit: (x) => `Tækifærið snýst um það sem þið bjóðið: ${x}.`,
      profileFit: (x) => `Tækifærið og lýsingin ykkar eiga sameiginlegt: ${x}.`,
    },
    closeInMeaning: 'Lýsing þeirra er efnislega nálægt ykkar, þótt orðin séu önnur.',
    inNamedCountry: (c) => `Staðsett í landi sem þið nefnduð: ${c}.`,
    seeksYourCountry: (c) => `Þau leita að samstarfsaðilum í landinu ${c}.`,
    looksFor: (x) => `Þau leita að: ${x}.`,
    sharedSectors: (x) => `Sameiginlegar greinar: ${x}.`,
    partnerTypes: {
      distributor: 'dreifingaraðilar',
      reseller: 'endursöluaðilar',
      supplier: 'birgjar',
      manufacturer: 'framleiðendur',
      rnd: 'rannsóknar- og þróunaraðilar',
      investor: 'fjárfestar',
      customer: 'viðskiptavinir',
      logistics: 'flutningsaðilar',
      'pilot-site': 'prófunarstaðir',
      'joint-venture': 'aðilar að sameiginlegu félagi',
    },
    sectors: {
      bioeconomy: 'lífhagkerfi',
      forestry: 'skógrækt',
      cleantech: 'hrein tækni',
      energy: 'orka',
      hydrogen: 'vetni',
      batteries: 'rafhlöður',
      maritime: 'siglingar',
      aquaculture: 'fiskeldi',
      food: 'matvæli',
      health: 'heilbrigði',
      medtech: 'lækningatækni',
      ict: 'upplýsingatækni',
      'ai-data': 'gervigreind og gögn',
      cybersecurity: 'netöryggi',
      gaming: 'tölvuleikir',
      manufacturing: 'framleiðsla',
      robotics: 'róbótatækni',
      mining: 'námuvinnsla',
      construction: 'byggingariðnaður',
      tourism: 'ferðaþjónusta',
      logistics: 'flutningar',
      textiles: 'textíll',
      space: 'geimtækni',
      fintech: 'fjártækni',
      education: 'menntun',
      creative: 'skapandi greinar',
    },
  },
};

/** The reader's language from a request's `language`, else its Accept-Language header, else English. */
export function readerLanguage(explicit: string | undefined, acceptLanguage: string | undefined): ReaderLanguage {
  if (explicit && (READER_LANGUAGES as readonly string[]).includes(explicit)) return explicit as ReaderLanguage;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0]!;
    const language = tag === 'no' || tag === 'nn' ? 'nb' : tag;
    if ((READER_LANGUAGES as readonly string[]).includes(language)) return language as ReaderLanguage;
  }
  return 'en';
}

/** A country's name in the reader's language ("Norge", "Norja", "Noregur"). */
export function countryName(code: string, language: ReaderLanguage): string {
  return displayNames(language).of(code) ?? code;
}

// Building an Intl.DisplayNames costs far more than a lookup: one per language, made once.
const DISPLAY_NAMES = new Map<ReaderLanguage, Intl.DisplayNames>();
function displayNames(language: ReaderLanguage): Intl.DisplayNames {
  let names = DISPLAY_NAMES.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region' });
    DISPLAY_NAMES.set(language, names);
  }
  return names;
}

/** Reasons for one result, most telling first; never empty. */
export function buildReasons(facts: ReasonFacts, language: ReaderLanguage, reader: TermReader | undefined): string[] {
  const p = PHRASES[language];
  const reasons: string[] = [];
  const bySignal = new Map<string, string[]>();
  for (const s of facts.shared) bySignal.set(s.signal, [...(bySignal.get(s.signal) ?? []), conceptWord(s, language, facts.askerLanguage, reader)]);
  for (const [signal, words] of bySignal) {
    const template = p.signals[signal];
    if (template) reasons.push(template(list(unique(words), language)));
  }
  if (reasons.length === 0) reasons.push(p.closeInMeaning);
  if (facts.inPreferredCountry) reasons.push(p.inNamedCountry(countryName(facts.inPreferredCountry, language)));
  if (facts.seeksAskerCountry) reasons.push(p.seeksYourCountry(countryName(facts.seeksAskerCountry, language)));
  if (facts.partnerTypes?.length)
    reasons.push(
      p.looksFor(
        list(
          facts.partnerTypes.map((t) => p.partnerTypes[t] ?? t),
          language,
        ),
      ),
    );
  if (facts.sharedSectors?.length)
    reasons.push(
      p.sharedSectors(
        list(
          facts.sharedSectors.map((s) => p.sectors[s] ?? s),
          language,
        ),
      ),
    );
  return reasons;
}

/** A shared concept in the reader's words: the lexicon's word, else the asker's own, else English. */
function conceptWord(s: SharedConcept, language: ReaderLanguage, askerLanguage: string | undefined, reader: TermReader | undefined): string {
  if (s.asker.concept.startsWith('~')) return s.asker.word;
  if (language === 'en') return s.asker.english;
  return reader?.wordFor(s.asker.english, language) ?? (askerLanguage === language ? s.asker.word : s.asker.english);
}

const unique = (words: readonly string[]) => [...new Set(words)];

const AND: Record<ReaderLanguage, string> = { en: 'and', sv: 'och', fi: 'ja', nb: 'og', da: 'og', is: 'og' };

function list(words: readonly string[], language: ReaderLanguage): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${AND[language]} ${words[words.length - 1]}`;
}

const OPENING_TYPES: Record<ReaderLanguage, Record<string, string>> = {
  en: {
    tender: 'Tender',
    'buyer-request': 'Buyer request',
    'distributor-search': 'Distributor search',
    investment: 'Investment',
    'project-call': 'Project call',
  },
  sv: {
    tender: 'Upphandling',
    'buyer-request': 'Köpförfrågan',
    'distributor-search': 'Distributörssökning',
    investment: 'Investering',
    'project-call': 'Projektutlysning',
  },
  fi: { tender: 'Tarjouskilpailu', 'buyer-request': 'Ostopyyntö', 'distributor-search': 'Jakelijahaku', investment: 'Sijoitus', 'project-call': 'Hankehaku' },
  nb: {
    tender: 'Anbud',
    'buyer-request': 'Kjøperforespørsel',
    'distributor-search': 'Søk etter distributør',
    investment: 'Investering',
    'project-call': 'Prosjektutlysning',
  },
  da: {
    tender: 'Udbud',
    'buyer-request': 'Købsforespørgsel',
    'distributor-search': 'Søgning efter distributør',
    investment: 'Investering',
    'project-call': 'Projektopslag',
  },
  is: {
    tender: 'Útboð',
    'buyer-request': 'Kaupbeiðni',
    'distributor-search': 'Leit að dreifingaraðila',
    investment: 'Fjárfesting',
    'project-call': 'Verkefnakall',
  },
};

const OPENING_TIME: Record<
  ReaderLanguage,
  { none: string; deadline: Template; open: (date: string, left: string) => string; left: (days: number) => string; today: string; closed: string }
> = {
  en: {
    none: 'no deadline given',
    deadline: (d) => `deadline ${d}`,
    open: (d, l) => `open until ${d} (${l})`,
    left: (n) => `${n} day${n === 1 ? '' : 's'} left`,
    today: 'closes today',
    closed: 'closed',
  },
  sv: {
    none: 'inget sista datum angivet',
    deadline: (d) => `sista dag ${d}`,
    open: (d, l) => `öppen till ${d} (${l})`,
    left: (n) => `${n} ${n === 1 ? 'dag' : 'dagar'} kvar`,
    today: 'stänger i dag',
    closed: 'stängd',
  },
  fi: {
    none: 'ei määräaikaa',
    deadline: (d) => `määräaika ${d}`,
    open: (d, l) => `avoinna ${d} asti (${l})`,
    left: (n) => `${n} ${n === 1 ? 'päivä' : 'päivää'} jäljellä`,
    today: 'sulkeutuu tänään',
    closed: 'suljettu',
  },
  nb: {
    none: 'ingen frist oppgitt',
    deadline: (d) => `frist ${d}`,
    open: (d, l) => `åpen til ${d} (${l})`,
    left: (n) => `${n} ${n === 1 ? 'dag' : 'dager'} igjen`,
    today: 'stenger i dag',
    closed: 'stengt',
  },
  da: {
    none: 'ingen frist angivet',
    deadline: (d) => `frist ${d}`,
    open: (d, l) => `åben til ${d} (${l})`,
    left: (n) => `${n} ${n === 1 ? 'dag' : 'dage'} tilbage`,
    today: 'lukker i dag',
    closed: 'lukket',
  },
  is: {
    none: 'enginn frestur gefinn',
    deadline: (d) => `frestur ${d}`,
    open: (d, l) => `opið til ${d} (${l})`,
    left: (n) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'dagur' : 'dagar'} eftir`,
    today: 'lokar í dag',
    closed: 'lokað',
  },
};

/**
 * "Tender, Norway, open until 2027-01-20 (54 days left)". `daysLeft` null: no clock (evaluation
 * of a judged set), so only the deadline is named.
 */
export function describeOpeningIn(o: { type: string; country: string; deadline: string | null }, daysLeft: number | null, language: ReaderLanguage): string {
  const t = OPENING_TIME[language];
  const head = `${OPENING_TYPES[language][o.type] ?? o.type}, ${countryName(o.country, language)}`;
  if (!o.deadline) return `${head}, ${t.none}`;
  if (daysLeft === null) return `${head}, ${t.deadline(o.deadline)}`;
  const left = daysLeft === 0 ? t.today : daysLeft > 0 ? t.left(daysLeft) : t.closed;
  return `${head}, ${t.open(o.deadline, left)}`;
}
