// Controlled vocabularies shared by validation, filters and demo data.

export const COUNTRIES = ['FI', 'SE', 'NO', 'DK', 'IS', 'AX', 'FO', 'GL'] as const;
export type Country = (typeof COUNTRIES)[number];

export const LANGUAGES = ['en', 'sv', 'fi', 'nb', 'nn', 'da', 'is'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SECTORS = [
  'bioeconomy',
  'forestry',
  'cleantech',
  'energy',
  'hydrogen',
  'batteries',
  'maritime',
  'aquaculture',
  'food',
  'health',
  'medtech',
  'ict',
  'ai-data',
  'cybersecurity',
  'gaming',
  'manufacturing',
  'robotics',
  'mining',
  'construction',
  'tourism',
  'logistics',
  'textiles',
  'space',
  'fintech',
  'education',
  'creative',
] as const;
export type Sector = (typeof SECTORS)[number];

export const PARTNER_TYPES = [
  'distributor',
  'reseller',
  'supplier',
  'manufacturer',
  'rnd',
  'investor',
  'customer',
  'logistics',
  'pilot-site',
  'joint-venture',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const OPPORTUNITY_TYPES = ['tender', 'buyer-request', 'distributor-search', 'investment', 'project-call'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];
