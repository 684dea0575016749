/**
 * The licences a dataset may carry: a fixed list, with CKAN's ids (so that harvesters and
 * `license_list` readers map them as they map CKAN's own) and the licence's canonical address.
 * Only open licences: a dataset that is not open data is `limited` or `closed`, not unlicensed.
 */
export type License = Readonly<{
  id: string;
  title: string;
  url: string;
  odConformance: 'approved' | 'not reviewed';
}>;

export const LICENSES: readonly License[] = [
  {
    id: 'cc-by',
    title: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    odConformance: 'approved',
  },
  {
    id: 'cc-by-sa',
    title: 'Creative Commons Attribution Share-Alike 4.0 (CC BY-SA 4.0)',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    odConformance: 'approved',
  },
  {
    id: 'cc-zero',
    title: 'Creative Commons CCZero (CC0 1.0)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    odConformance: 'approved',
  },
  {
    id: 'odc-odbl',
    title: 'Open Data Commons Open Database License (ODbL)',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    odConformance: 'approved',
  },
  {
    id: 'odc-by',
    title: 'Open Data Commons Attribution License',
    url: 'https://opendatacommons.org/licenses/by/1-0/',
    odConformance: 'approved',
  },
  {
    id: 'odc-pddl',
    title: 'Open Data Commons Public Domain Dedication and License (PDDL)',
    url: 'https://opendatacommons.org/licenses/pddl/1-0/',
    odConformance: 'approved',
  },
  {
    id: 'other-open',
    title: 'Lisensi terbuka lain (Other Open Licence)',
    url: 'https://opendefinition.org/licenses/',
    odConformance: 'not reviewed',
  },
];

export const LICENSE_IDS = LICENSES.map((l) => l.id);

/** The licence of this id, or null. */
export function licenseOf(id: string): License | null {
  return LICENSES.find((l) => l.id === id) ?? null;
}
