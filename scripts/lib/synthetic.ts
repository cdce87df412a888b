// Deterministic synthetic companies for the benchmark: a seeded PRNG composes English profile
// texts from ~300 business phrases (products, services, industries, roles), themed by sector so
// that similar companies get similar vectors, as real ones do.
import type { CompanyInput, DatasetInput } from '../../src/domain/index.js';
import { PARTNER_TYPES, SECTORS, type Country, type PartnerType, type Sector } from '../../src/domain/vocabulary.js';

/** mulberry32: small, fast, and good enough to spread synthetic data. Returns [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const randInt = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** `n` distinct items (n <= xs.length). */
export function pickDistinct<T>(rng: Rng, xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  for (let i = 0; i < n && copy.length; i++) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]!);
  return out;
}

export const BENCH_COUNTRIES = ['FI', 'SE', 'NO', 'DK', 'IS'] as const satisfies readonly Country[];
// Roughly the relative sizes of the Nordic business populations, Iceland small on purpose:
// it makes `countries: ['IS']` a selective filter.
const COUNTRY_WEIGHTS: readonly [Country, number][] = [
  ['SE', 0.3],
  ['FI', 0.24],
  ['NO', 0.2],
  ['DK', 0.2],
  ['IS', 0.06],
];

const COUNTRY_NAMES: Record<string, string> = { FI: 'Finland', SE: 'Sweden', NO: 'Norway', DK: 'Denmark', IS: 'Iceland' };
const CITIES: Record<string, readonly string[]> = {
  FI: ['Helsinki', 'Espoo', 'Tampere', 'Oulu', 'Turku', 'Jyvaskyla'],
  SE: ['Stockholm', 'Gothenburg', 'Malmo', 'Uppsala', 'Lulea', 'Linkoping'],
  NO: ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromso', 'Kristiansand'],
  DK: ['Copenhagen', 'Aarhus', 'Odense', 'Aalborg', 'Esbjerg'],
  IS: ['Reykjavik', 'Akureyri', 'Hafnarfjordur'],
};
const LEGAL_FORM: Record<string, string> = { FI: 'Oy', SE: 'AB', NO: 'AS', DK: 'ApS', IS: 'ehf' };

// Products and services by sector (~9 each), plus the industry words used in descriptions.
const SECTOR_PHRASES: Record<Sector, { industry: string; phrases: readonly string[] }> = {
  bioeconomy: {
    industry: 'renewable materials',
    phrases: [
      'biodegradable packaging',
      'wood fibre materials',
      'bio-based chemicals',
      'cellulose products',
      'recyclable plastics',
      'biofuel plants',
      'organic fertilizers',
      'paper mills',
      'wood pulp',
    ],
  },
  forestry: {
    industry: 'forestry',
    phrases: [
      'timber harvesting',
      'sawmill equipment',
      'forest management services',
      'wood pellets',
      'log transport',
      'forest inventory software',
      'tree planting',
      'lumber products',
      'forestry machines',
    ],
  },
  cleantech: {
    industry: 'clean technology',
    phrases: [
      'water purification systems',
      'waste recycling',
      'air filtration',
      'emission monitoring',
      'industrial wastewater treatment',
      'circular economy solutions',
      'plastic recycling',
      'soil remediation',
      'carbon capture',
    ],
  },
  energy: {
    industry: 'energy',
    phrases: [
      'solar panels',
      'wind turbines',
      'heat pumps',
      'district heating',
      'energy efficiency audits',
      'smart grid software',
      'power electronics',
      'electricity trading',
      'geothermal power',
    ],
  },
  hydrogen: {
    industry: 'hydrogen',
    phrases: [
      'hydrogen production equipment',
      'fuel cells',
      'hydrogen storage tanks',
      'green ammonia',
      'hydrogen refuelling stations',
      'gas compressors',
      'hydrogen pipelines',
      'hydrogen fuel systems',
    ],
  },
  batteries: {
    industry: 'battery',
    phrases: [
      'lithium battery cells',
      'battery recycling',
      'battery management systems',
      'cathode materials',
      'energy storage systems',
      'electric vehicle batteries',
      'charging stations',
      'battery testing',
    ],
  },
  maritime: {
    industry: 'maritime',
    phrases: [
      'ship design',
      'marine engines',
      'offshore vessels',
      'ship repair',
      'port services',
      'navigation systems',
      'ballast water treatment',
      'electric ferries',
      'marine coatings',
    ],
  },
  aquaculture: {
    industry: 'aquaculture',
    phrases: [
      'salmon farming',
      'fish feed',
      'fish cages',
      'underwater sensors',
      'fish health services',
      'seaweed cultivation',
      'shellfish farming',
      'land based fish tanks',
      'fish processing',
    ],
  },
  food: {
    industry: 'food',
    phrases: [
      'dairy products',
      'bakery products',
      'ready meals',
      'organic vegetables',
      'frozen fish',
      'plant-based protein',
      'craft beer',
      'food ingredients',
      'berry juices',
      'meat processing',
    ],
  },
  health: {
    industry: 'health care',
    phrases: [
      'home care services',
      'health clinics',
      'elderly care',
      'nutrition supplements',
      'mental health services',
      'rehabilitation services',
      'pharmacy services',
      'occupational health',
    ],
  },
  medtech: {
    industry: 'medical technology',
    phrases: [
      'medical devices',
      'diagnostic tests',
      'surgical instruments',
      'patient monitoring',
      'hearing aids',
      'dental implants',
      'laboratory equipment',
      'clinical trials',
      'wound care products',
    ],
  },
  ict: {
    industry: 'software',
    phrases: [
      'mobile apps',
      'web platforms',
      'cloud hosting',
      'enterprise software',
      'software development',
      'network equipment',
      'telecom services',
      'payment software',
      'customer relationship management software',
    ],
  },
  'ai-data': {
    industry: 'data and artificial intelligence',
    phrases: [
      'machine learning models',
      'data analytics',
      'computer vision',
      'speech recognition',
      'data engineering',
      'predictive maintenance software',
      'natural language processing',
      'business intelligence reports',
    ],
  },
  cybersecurity: {
    industry: 'cyber security',
    phrases: [
      'penetration testing',
      'security audits',
      'identity management',
      'encryption software',
      'threat detection',
      'security training',
      'network security',
      'incident response services',
    ],
  },
  gaming: {
    industry: 'games',
    phrases: ['mobile games', 'game development', 'game art', 'virtual reality', 'gaming tournaments', 'game publishing', 'game engines', 'player analytics'],
  },
  manufacturing: {
    industry: 'manufacturing',
    phrases: [
      'metal components',
      'sheet metal work',
      'injection molding',
      'industrial machinery',
      'precision metal cutting',
      'welding services',
      'electronics assembly',
      'industrial valves',
      'steel structures',
      'plastic parts',
    ],
  },
  robotics: {
    industry: 'robotics and automation',
    phrases: [
      'industrial robots',
      'warehouse automation',
      'autonomous drones',
      'robot arms',
      'machine vision systems',
      'automation software',
      'motion control',
      'autonomous vehicles',
    ],
  },
  mining: {
    industry: 'mining',
    phrases: [
      'mining equipment',
      'mineral exploration',
      'ore processing',
      'rock drilling',
      'mine safety systems',
      'crushing equipment',
      'metal refining',
      'geological surveys',
    ],
  },
  construction: {
    industry: 'construction',
    phrases: [
      'building construction',
      'wooden houses',
      'building materials',
      'concrete elements',
      'renovation services',
      'architecture services',
      'insulation materials',
      'prefabricated modules',
      'road construction',
    ],
  },
  tourism: {
    industry: 'tourism',
    phrases: [
      'hotel services',
      'guided tours',
      'travel agency services',
      'outdoor adventures',
      'northern lights tours',
      'ski resorts',
      'restaurants',
      'conference venues',
    ],
  },
  logistics: {
    industry: 'logistics',
    phrases: [
      'freight forwarding',
      'warehousing',
      'truck transport',
      'cold chain logistics',
      'last mile delivery',
      'customs clearance',
      'rail freight',
      'container shipping',
      'fleet management software',
    ],
  },
  textiles: {
    industry: 'textile',
    phrases: [
      'outdoor clothing',
      'wool garments',
      'technical textiles',
      'textile recycling',
      'fashion design',
      'work clothing',
      'knitted products',
      'leather goods',
    ],
  },
  space: {
    industry: 'space',
    phrases: ['small satellites', 'satellite data', 'ground stations', 'earth observation', 'launch services', 'satellite communication', 'space components'],
  },
  fintech: {
    industry: 'financial technology',
    phrases: [
      'payment solutions',
      'mobile banking',
      'accounting software',
      'insurance services',
      'invoice financing',
      'investment platforms',
      'fraud detection',
      'digital wallets',
    ],
  },
  education: {
    industry: 'education',
    phrases: [
      'online courses',
      'language training',
      'vocational training',
      'learning platforms',
      'teacher training',
      'educational games',
      'corporate training',
      'school software',
    ],
  },
  creative: {
    industry: 'creative',
    phrases: [
      'graphic design',
      'video production',
      'music production',
      'marketing campaigns',
      'brand design',
      'photography',
      'film production',
      'publishing services',
      'advertising',
    ],
  },
};

// Cross-sector business phrases: what almost any company offers or needs.
const GENERIC_OFFERS = [
  'consulting services',
  'project management',
  'technical support',
  'maintenance services',
  'product development',
  'quality control',
  'installation services',
  'spare parts',
  'after sales service',
  'engineering services',
  'custom solutions',
  'prototype development',
  'testing services',
  'certification support',
  'market research',
  'translation services',
  'contract manufacturing',
  'product design',
  'process improvement',
  'staff training',
] as const;
const GENERIC_NEEDS = [
  'export financing',
  'new customers',
  'sales channels',
  'venture capital',
  'skilled engineers',
  'raw materials',
  'office space',
  'marketing support',
  'legal advice',
  'product certification',
  'pilot customers',
  'production capacity',
  'warehouse space',
  'research cooperation',
  'public funding',
  'software developers',
  'transport services',
  'regulatory approval',
  'local representation',
  'trade fair contacts',
] as const;
const CUSTOMERS = [
  'retail chains',
  'municipalities',
  'hospitals',
  'shipyards',
  'farmers',
  'construction companies',
  'energy utilities',
  'universities',
  'public agencies',
  'industrial companies',
  'small businesses',
  'consumers',
  'hotels',
  'schools',
  'airlines',
  'car manufacturers',
  'food producers',
  'mining companies',
  'banks',
  'telecom operators',
  'logistics companies',
  'restaurants',
  'paper mills',
  'fish farms',
  'oil and gas companies',
  'game studios',
] as const;
const QUALITIES = [
  'sustainable',
  'innovative',
  'reliable',
  'affordable',
  'high quality',
  'energy efficient',
  'award winning',
  'certified',
  'custom made',
  'locally produced',
  'digital',
  'modular',
  'durable',
  'low carbon',
  'flexible',
] as const;
const SIZES = ['small', 'family owned', 'fast growing', 'medium sized', 'young', 'established', 'export oriented', 'independent'] as const;
const ROLE_WORD: Record<PartnerType, string> = {
  distributor: 'distributor',
  reseller: 'retail agent',
  supplier: 'supplier',
  manufacturer: 'contract manufacturer',
  rnd: 'research partner',
  investor: 'investor',
  customer: 'customers',
  logistics: 'logistics partner',
  'pilot-site': 'pilot site',
  'joint-venture': 'joint venture partner',
};

const NAME_A = [
  'Nord',
  'Fjord',
  'Aurora',
  'Polar',
  'Birch',
  'Baltic',
  'Arctic',
  'Viking',
  'Lake',
  'Frost',
  'Snow',
  'Pine',
  'Iron',
  'Blue',
  'Green',
  'North',
  'Sun',
  'Wave',
  'Stone',
  'Storm',
];
const NAME_B = ['tech', 'works', 'line', 'gate', 'field', 'mark', 'bay', 'vik', 'dal', 'berg', 'holm', 'lund', 'sund', 'nes', 'haven'];
const NAME_C = ['Solutions', 'Systems', 'Group', 'Labs', 'Industries', 'Partners', 'Innovations', 'Services', 'Products', 'Technologies'];

/** Number of distinct phrases the texts are composed from. */
export const PHRASE_COUNT =
  Object.values(SECTOR_PHRASES).reduce((n, s) => n + s.phrases.length + 1, 0) +
  GENERIC_OFFERS.length +
  GENERIC_NEEDS.length +
  CUSTOMERS.length +
  QUALITIES.length +
  SIZES.length;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const article = (s: string) => (/^[aeiou]/i.test(s) ? `an ${s}` : `a ${s}`);

function weightedCountry(rng: Rng): Country {
  let r = rng();
  for (const [c, w] of COUNTRY_WEIGHTS) {
    r -= w;
    if (r < 0) return c;
  }
  return 'SE';
}

/** Appends sentences from `make` until the text has at least `target` words. */
function compose(rng: Rng, target: number, first: () => string, make: readonly (() => string)[]): string {
  const sentences = [first()];
  let n = words(sentences[0]!);
  while (n < target) {
    const s = pick(rng, make)();
    sentences.push(s);
    n += words(s);
  }
  return sentences.join(' ');
}

export interface SyntheticText {
  description: string;
  offers: string;
  needs: string;
}

/** Description, offers and needs of a company in `sectors`, about `totalWords` words together. */
export function profileTexts(
  rng: Rng,
  name: string,
  country: Country,
  sectors: readonly Sector[],
  partnerTypes: readonly PartnerType[],
  totalWords: number,
): SyntheticText {
  const own = sectors.flatMap((s) => SECTOR_PHRASES[s].phrases);
  // Needs lean on a neighbouring sector or two: that is what makes a cross-border partner.
  const other = pickDistinct(
    rng,
    SECTORS.filter((s) => !sectors.includes(s)),
    2,
  ).flatMap((s) => SECTOR_PHRASES[s].phrases);
  const industry = SECTOR_PHRASES[sectors[0]!].industry;
  const p = (n: number) => pickDistinct(rng, own, Math.min(n, own.length));
  const q = () => pick(rng, QUALITIES);
  const cust = (n: number) => pickDistinct(rng, CUSTOMERS, n);
  const city = pick(rng, CITIES[country]!);
  const others = BENCH_COUNTRIES.filter((c) => c !== country);
  const abroad = () => COUNTRY_NAMES[pick(rng, others)]!;
  const abroad2 = () => list(pickDistinct(rng, others, 2).map((c) => COUNTRY_NAMES[c]!));

  const description = compose(
    rng,
    Math.ceil(totalWords * 0.45),
    () => `${name} is ${article(pick(rng, SIZES))} ${industry} company based in ${city}, ${COUNTRY_NAMES[country]}.`,
    [
      () => `We develop ${q()} ${list(p(2))} for ${list(cust(2))}.`,
      () => `Our team of ${randInt(rng, 3, 400)} people specialises in ${list(p(2))}.`,
      () => `We serve ${list(cust(randInt(rng, 1, 3)))} across the Nordic region.`,
      () => `Since ${randInt(rng, 1950, 2023)} we have delivered ${q()} ${pick(rng, own)} and ${pick(rng, GENERIC_OFFERS)}.`,
      () => `Our customers include ${list(cust(2))} in ${abroad2()}.`,
      () => `The company focuses on ${q()} ${list(p(randInt(rng, 1, 3)))}.`,
    ],
  );
  const offers = compose(rng, Math.ceil(totalWords * 0.3), () => `We offer ${q()} ${list(p(2))}.`, [
    () => `Our products include ${list(p(3))}.`,
    () => `We also provide ${list(pickDistinct(rng, GENERIC_OFFERS, 2))}.`,
    () => `${cap(q())} ${pick(rng, own)} for ${list(cust(2))}.`,
    () => `Services: ${list([pick(rng, own), pick(rng, GENERIC_OFFERS)])}.`,
  ]);
  const role = () => ROLE_WORD[pick(rng, partnerTypes)];
  const needs = compose(rng, Math.ceil(totalWords * 0.25), () => `We are looking for ${article(role())} for ${pick(rng, own)} in ${abroad()}.`, [
    () => `We need ${list(pickDistinct(rng, other, 2))}.`,
    () => `We seek ${list(pickDistinct(rng, GENERIC_NEEDS, 2))}.`,
    () => `Looking for ${list(cust(2))} who buy ${pick(rng, own)}.`,
    () => `Interested in partners offering ${pick(rng, other)} and ${pick(rng, GENERIC_NEEDS)}.`,
  ]);
  return { description, offers, needs };
}

export const benchId = (i: number) => `bench-co-${String(i + 1).padStart(6, '0')}`;

/** Company `i` of a synthetic set; the same seed and index give the same company. */
function syntheticCompany(rng: Rng, i: number): CompanyInput {
  const id = benchId(i);
  const country = weightedCountry(rng);
  const sectors = pickDistinct(rng, SECTORS, randInt(rng, 1, 3));
  const partnerTypes = pickDistinct(rng, PARTNER_TYPES, randInt(rng, 1, 2));
  const name = `${pick(rng, NAME_A)}${pick(rng, NAME_B)} ${pick(rng, NAME_C)} ${LEGAL_FORM[country]}`;
  // 40-100 words together: compose() reaches each part's share and overshoots by at most a sentence.
  const texts = profileTexts(rng, name, country, sectors, partnerTypes, randInt(rng, 40, 68));
  return {
    id,
    name,
    country,
    clusterIds: [],
    ...texts,
    sectors,
    partnerTypes,
    language: 'en',
    employees: randInt(rng, 1, 2000),
    website: `https://${id}.example.com`,
    contactEmail: `info@${id}.example.com`,
  };
}

export function syntheticCompanies(n: number, seed = 20261127): CompanyInput[] {
  const rng = prng(seed);
  const out: CompanyInput[] = [];
  for (let i = 0; i < n; i++) out.push(syntheticCompany(rng, i));
  return out;
}

export function syntheticDataset(n: number, seed?: number): DatasetInput {
  return { clusters: [], companies: syntheticCompanies(n, seed), opportunities: [] };
}

/** A free-text partner search as a visitor would type it. */
export function syntheticSearch(rng: Rng): { text: string; country: Country } {
  const country = pick(rng, BENCH_COUNTRIES);
  const sectors = pickDistinct(rng, SECTORS, randInt(rng, 1, 2));
  const partnerTypes = pickDistinct(rng, PARTNER_TYPES, 1);
  const t = profileTexts(rng, 'Our company', country, sectors, partnerTypes, randInt(rng, 20, 40));
  return { text: `${t.description} ${t.needs}`, country };
}

export const wordCount = words;
