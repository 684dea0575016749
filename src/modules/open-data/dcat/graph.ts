/**
 * The catalogue's views as a DCAT-AP 3.0.1 graph (RDF quads). Turtle and JSON-LD are both written
 * from this one graph, so they cannot disagree. Resources are named by hash IRIs of their portal
 * pages (`<dataset page>#dataset`): the page describes the thing, and the thing stays distinct from
 * the page, which DCAT-AP types as a `foaf:Document` (the landing page).
 */
import { DataFactory, type Quad_Object, type Quad_Subject, Store } from 'n3';
import type { CatalogDataset, CatalogResource, CatalogView } from '../catalog/view.ts';
import {
  ACCESS_RIGHT_URI,
  DATA_THEME_SCHEME,
  euThemeOf,
  FREQUENCY_URI,
  fileTypeUri,
  languageUri,
  mailtoIri,
  mediaTypeUri,
  NS,
  safeIri,
} from './vocab.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** What the graph needs beyond the views. */
export type GraphContext = Readonly<{
  /** Language tag of the catalogue's texts (the tenant's language, `id`). */
  lang: string;
  /** The catalogue's portal page: the catalogue and its theme scheme are named under it. */
  catalogUrl: string;
  /** Namespace of Satu Data's own terms (ends with `#`). */
  sdi: string;
}>;

/** Hydra's description of one page of the catalogue, as ckanext-dcat writes it. */
export type HydraPage = Readonly<{
  /** This page's address, and those of the first, last, previous and next pages. */
  self: string;
  first: string;
  last: string;
  previous: string | null;
  next: string | null;
  totalItems: number;
  itemsPerPage: number;
}>;

const iri = (prefix: keyof typeof NS, local: string) => namedNode(NS[prefix] + local);
const A = iri('rdf', 'type');
const xsd = (local: string) => iri('xsd', local);

/** A node's IRI from an address the views give (absolute already; made safe all the same). */
const nodeIri = (address: string) => safeIri(address) ?? address;
export const catalogIri = (catalogUrl: string) => nodeIri(`${catalogUrl}#catalog`);
export const datasetIri = (dataset: CatalogDataset) => nodeIri(`${dataset.url}#dataset`);
const distributionIri = (dataset: CatalogDataset, resource: CatalogResource) =>
  nodeIri(`${dataset.url}#distribution-${encodeURIComponent(resource.id)}`);
const themeSchemeIri = (catalogUrl: string) => nodeIri(`${catalogUrl}#themes`);
const themeIri = (catalogUrl: string, name: string) =>
  nodeIri(`${catalogUrl}#theme-${encodeURIComponent(name)}`);

/** Builds a graph; a Store so that shared nodes (a licence, a frequency) are written once. */
class Graph {
  readonly store = new Store();
  readonly ctx: GraphContext;
  private blanks = 0;

  constructor(ctx: GraphContext) {
    this.ctx = ctx;
  }

  add(subject: Quad_Subject, predicate: string, object: Quad_Object | null) {
    if (object) this.store.addQuad(quad(subject, namedNode(predicate), object));
  }
  blank() {
    return blankNode(`b${this.blanks++}`);
  }
  text(value: string | null | undefined) {
    return value?.trim() ? literal(value.trim(), this.ctx.lang) : null;
  }
  plain(value: string | null | undefined) {
    return value?.trim() ? literal(value.trim()) : null;
  }
  /** An instant as `xsd:dateTime`; a bare day as `xsd:date`; anything else left out. */
  when(value: string | null | undefined) {
    if (!value) return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return literal(value, xsd('date'));
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : literal(new Date(time).toISOString(), xsd('dateTime'));
  }
  /** A node of a controlled vocabulary, typed with the class DCAT-AP's range asks for. */
  term(address: string | null, type: string) {
    if (!address) return null;
    const node = namedNode(address);
    this.add(node, A.value, namedNode(type));
    return node;
  }
  /** A web page (`foaf:Document`), as landing pages and home pages are. */
  page(address: string) {
    const safe = safeIri(address);
    return safe ? this.term(safe, `${NS.foaf}Document`) : null;
  }
  agent(address: string, name: string) {
    const node = namedNode(address);
    this.add(node, A.value, iri('foaf', 'Agent'));
    this.add(node, `${NS.foaf}name`, this.text(name));
    return node;
  }
}

/** One page of the catalogue: the catalogue, the page's datasets and Hydra's paging. */
export function catalogGraph(
  catalog: CatalogView,
  datasets: readonly CatalogDataset[],
  paging: HydraPage | null,
  ctx: GraphContext,
): Store {
  const g = new Graph(ctx);
  const node = namedNode(catalogIri(catalog.url));
  g.add(node, A.value, iri('dcat', 'Catalog'));
  g.add(node, `${NS.dct}title`, g.text(catalog.title));
  // DCAT-AP requires a description; a tenant that wrote none still has a catalogue to describe.
  g.add(node, `${NS.dct}description`, g.text(catalog.description || catalog.title));
  g.add(node, `${NS.dct}publisher`, publisher(g, catalog.publisher));
  g.add(node, `${NS.foaf}homepage`, g.page(catalog.url));
  for (const tag of catalog.language) {
    g.add(node, `${NS.dct}language`, g.term(languageUri(tag), `${NS.dct}LinguisticSystem`));
  }
  g.add(node, `${NS.dct}modified`, g.when(catalog.modified));
  if (datasets.some((d) => d.themes.length > 0)) {
    g.add(node, `${NS.dcat}themeTaxonomy`, themeScheme(g));
  }
  if (datasets.some((d) => euThemeOf(d.sdi.affairCode))) {
    g.add(node, `${NS.dcat}themeTaxonomy`, g.term(DATA_THEME_SCHEME, `${NS.skos}ConceptScheme`));
    g.add(namedNode(DATA_THEME_SCHEME), `${NS.dct}title`, literal('Data theme', 'en'));
  }
  for (const dataset of datasets) g.add(node, `${NS.dcat}dataset`, addDataset(g, dataset));
  if (paging) addPaging(g, paging);
  return g.store;
}

/** One dataset alone (its own address, `/dataset/<name>.ttl`). */
export function datasetGraph(dataset: CatalogDataset, ctx: GraphContext): Store {
  const g = new Graph(ctx);
  addDataset(g, dataset);
  return g.store;
}

function publisher(g: Graph, who: Readonly<{ name: string; url: string }>) {
  const address = safeIri(who.url);
  return address ? g.agent(`${address}#publisher`, who.name) : null;
}

function themeScheme(g: Graph) {
  const scheme = g.term(themeSchemeIri(g.ctx.catalogUrl), `${NS.skos}ConceptScheme`)!;
  g.add(scheme, `${NS.dct}title`, literal('Urusan pemerintahan (Satu Data)', 'id'));
  return scheme;
}

function addDataset(g: Graph, dataset: CatalogDataset) {
  const node = namedNode(datasetIri(dataset));
  const dct = (local: string) => NS.dct + local;
  g.add(node, A.value, iri('dcat', 'Dataset'));
  g.add(node, dct('identifier'), g.plain(dataset.id));
  g.add(node, dct('title'), g.text(dataset.title));
  g.add(node, dct('description'), g.text(dataset.description || dataset.title));
  for (const keyword of dataset.keywords) g.add(node, `${NS.dcat}keyword`, g.text(keyword));
  g.add(node, dct('publisher'), publisher(g, dataset.publisher));
  // The producing agency (OPD) made the data; the region publishes it.
  const organization = safeIri(dataset.organization.url);
  if (organization) g.add(node, dct('creator'), g.agent(`${organization}#agent`, dataset.organization.title));
  g.add(node, `${NS.dcat}contactPoint`, contactPoint(g, dataset.contact));
  g.add(node, dct('accrualPeriodicity'), g.term(FREQUENCY_URI[dataset.frequency], dct('Frequency')));
  g.add(
    node,
    dct('accessRights'),
    g.term(ACCESS_RIGHT_URI[dataset.sdi.classification], dct('RightsStatement')),
  );
  g.add(node, dct('temporal'), temporal(g, dataset.temporal));
  g.add(node, dct('spatial'), spatial(g, dataset.spatial));
  g.add(node, dct('issued'), g.when(dataset.issued));
  g.add(node, dct('modified'), g.when(dataset.modified));
  g.add(node, `${NS.dcat}landingPage`, g.page(dataset.url));
  for (const theme of dataset.themes) {
    const concept = g.term(themeIri(g.ctx.catalogUrl, theme.name), `${NS.skos}Concept`)!;
    g.add(concept, `${NS.skos}prefLabel`, g.text(theme.title));
    g.add(concept, `${NS.skos}notation`, g.plain(theme.name));
    g.add(concept, `${NS.skos}inScheme`, themeScheme(g));
    g.add(node, `${NS.dcat}theme`, concept);
  }
  const eu = euThemeOf(dataset.sdi.affairCode ?? dataset.sdi.subAffairCode);
  if (eu) {
    const concept = g.term(eu.uri, `${NS.skos}Concept`)!;
    g.add(concept, `${NS.skos}prefLabel`, literal(eu.label, 'en'));
    g.add(concept, `${NS.skos}inScheme`, namedNode(DATA_THEME_SCHEME));
    g.add(node, `${NS.dcat}theme`, concept);
  }
  addSatuData(g, node, dataset);
  for (const resource of dataset.resources) {
    g.add(node, `${NS.dcat}distribution`, addDistribution(g, dataset, resource));
  }
  return node;
}

function contactPoint(g: Graph, contact: CatalogDataset['contact']) {
  const node = g.blank();
  g.add(node, A.value, iri('vcard', 'Kind'));
  g.add(node, `${NS.vcard}fn`, g.text(contact.name));
  const mail = mailtoIri(contact.email);
  g.add(node, `${NS.vcard}hasEmail`, mail ? namedNode(mail) : null);
  return node;
}

function temporal(g: Graph, span: CatalogDataset['temporal']) {
  const start = g.when(span.start);
  const end = g.when(span.end);
  if (!start && !end) return null;
  const node = g.blank();
  g.add(node, A.value, iri('dct', 'PeriodOfTime'));
  g.add(node, `${NS.dcat}startDate`, start);
  g.add(node, `${NS.dcat}endDate`, end);
  return node;
}

function spatial(g: Graph, area: CatalogDataset['spatial']) {
  if (!area) return null;
  const node = g.blank();
  g.add(node, A.value, iri('dct', 'Location'));
  g.add(node, `${NS.locn}geographicName`, g.text(area.name));
  if (area.bbox?.every(Number.isFinite)) {
    const [w, s, e, n] = area.bbox;
    // DCAT-AP's bbox: a WKT polygon in CRS84 (longitude first), GeoSPARQL's literal.
    const wkt = `POLYGON((${w} ${s}, ${e} ${s}, ${e} ${n}, ${w} ${n}, ${w} ${s}))`;
    g.add(node, `${NS.dcat}bbox`, literal(wkt, iri('gsp', 'wktLiteral')));
  }
  return node;
}

/**
 * Satu Data's own metadata, in its own small namespace: DCAT has no term for an affair code, an
 * indicator or a unit, and borrowing a near one (dct:subject, skos:definition) would tell
 * harvesters something else. The shapes are open, so extra properties do not break them.
 */
function addSatuData(g: Graph, node: Quad_Subject, dataset: CatalogDataset) {
  const sdi = dataset.sdi;
  const own = (local: string) => g.ctx.sdi + local;
  g.add(node, own('affairCode'), g.plain(sdi.affairCode));
  g.add(node, own('subAffairCode'), g.plain(sdi.subAffairCode));
  g.add(node, own('indicator'), g.text(sdi.indicator));
  g.add(node, own('unit'), g.text(sdi.unit));
  g.add(node, own('definition'), g.text(sdi.definition));
  g.add(node, own('releaseSchedule'), g.text(sdi.releaseSchedule));
  g.add(node, own('dataStandard'), g.text(sdi.dataStandard));
  g.add(node, own('classification'), g.plain(sdi.classification));
  g.add(node, own('producer'), g.text(sdi.producer));
  g.add(node, own('feed'), g.plain(dataset.feed));
}

function addDistribution(g: Graph, dataset: CatalogDataset, resource: CatalogResource) {
  const address = safeIri(resource.url);
  // A distribution without an address is no distribution (accessURL is mandatory): left out.
  if (!address) return null;
  const node = namedNode(distributionIri(dataset, resource));
  const dct = (local: string) => NS.dct + local;
  g.add(node, A.value, iri('dcat', 'Distribution'));
  g.add(node, dct('identifier'), g.plain(resource.id));
  g.add(node, dct('title'), g.text(resource.name));
  g.add(node, dct('description'), g.text(resource.description));
  g.add(node, `${NS.dcat}accessURL`, namedNode(address));
  // An upload is the file itself; a link may be a page about the data, so only its access.
  if (resource.kind === 'upload') g.add(node, `${NS.dcat}downloadURL`, namedNode(address));
  g.add(node, dct('format'), g.term(fileTypeUri(resource.format), dct('MediaTypeOrExtent')));
  g.add(node, `${NS.dcat}mediaType`, g.term(mediaTypeUri(resource.mediaType), dct('MediaType')));
  if (resource.byteSize !== null && Number.isSafeInteger(resource.byteSize) && resource.byteSize >= 0) {
    g.add(node, `${NS.dcat}byteSize`, literal(String(resource.byteSize), xsd('nonNegativeInteger')));
  }
  if (resource.checksum && /^[0-9a-f]{64}$/i.test(resource.checksum)) {
    const checksum = g.blank();
    g.add(checksum, A.value, iri('spdx', 'Checksum'));
    g.add(
      checksum,
      `${NS.spdx}algorithm`,
      g.term(`${NS.spdx}checksumAlgorithm_sha256`, `${NS.spdx}ChecksumAlgorithm`),
    );
    g.add(checksum, `${NS.spdx}checksumValue`, literal(resource.checksum.toLowerCase(), xsd('hexBinary')));
    g.add(node, `${NS.spdx}checksum`, checksum);
  }
  const licence = safeIri(dataset.license.url);
  if (licence) {
    const doc = g.term(licence, dct('LicenseDocument'))!;
    g.add(doc, dct('title'), g.plain(dataset.license.title));
    g.add(doc, dct('identifier'), g.plain(dataset.license.id));
    g.add(node, dct('license'), doc);
  }
  g.add(node, dct('issued'), g.when(resource.created));
  g.add(node, dct('modified'), g.when(resource.modified));
  return node;
}

function addPaging(g: Graph, paging: HydraPage) {
  const node = namedNode(paging.self);
  const hydra = (local: string) => NS.hydra + local;
  const integer = (n: number) => literal(String(n), xsd('integer'));
  g.add(node, A.value, namedNode(hydra('PagedCollection')));
  g.add(node, hydra('totalItems'), integer(paging.totalItems));
  g.add(node, hydra('itemsPerPage'), integer(paging.itemsPerPage));
  g.add(node, hydra('firstPage'), namedNode(paging.first));
  g.add(node, hydra('lastPage'), namedNode(paging.last));
  if (paging.previous) g.add(node, hydra('previousPage'), namedNode(paging.previous));
  if (paging.next) g.add(node, hydra('nextPage'), namedNode(paging.next));
}
