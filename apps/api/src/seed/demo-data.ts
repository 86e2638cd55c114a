/** The demo tenant set documented in README: one agency, three hotels, a GM, supervisor and agent per hotel. */
export const DEMO_PASSWORD = 'baton-demo';

export const DEMO_AGENCY = { name: 'Ege Otelleri', slug: 'ege-otelleri' };

export interface DemoHotel {
  code: string;
  name: string;
  slug: string;
  currency: string;
  staff: Array<{ role: 'gm' | 'supervisor' | 'agent'; name: string }>;
}

export const DEMO_HOTELS: DemoHotel[] = [
  {
    code: 'BLK',
    name: 'Belek Palace',
    slug: 'belek-palace',
    currency: 'EUR',
    staff: [
      { role: 'gm', name: 'Murat Yılmaz' },
      { role: 'supervisor', name: 'Zeynep Kaya' },
      { role: 'agent', name: 'Emre Demir' },
    ],
  },
  {
    code: 'SDE',
    name: 'Side Marina',
    slug: 'side-marina',
    currency: 'TRY',
    staff: [
      { role: 'gm', name: 'Ayşe Çelik' },
      { role: 'supervisor', name: 'Burak Şahin' },
      { role: 'agent', name: 'Selin Öztürk' },
    ],
  },
  {
    code: 'BDR',
    name: 'Bodrum Koy',
    slug: 'bodrum-koy',
    currency: 'TRY',
    staff: [
      { role: 'gm', name: 'Kemal Arslan' },
      { role: 'supervisor', name: 'Deniz Koç' },
      { role: 'agent', name: 'Gizem Aydın' },
    ],
  },
];

export const DEMO_AGENCY_USER = { email: 'agency@demo.baton', name: 'Elif Ege' };

export function demoEmail(role: string, code: string): string {
  return `${role}.${code.toLowerCase()}@demo.baton`;
}
