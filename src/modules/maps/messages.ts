/** The app's words on the server and the portal (`maps.<key>`), Bahasa Indonesia first. */
import { layerFileMessages } from './formats/messages.ts';

/** Why an uploaded file is not a layer (`LayerFileError` codes, formats/layer-file.ts). */
const layerFileId = {
  empty: 'Berkas kosong atau tidak berisi satu fitur pun.',
  json_invalid: 'Berkas bukan JSON yang sah.',
  geojson_type: 'Berkas JSON ini bukan GeoJSON (FeatureCollection, Feature, atau geometri).',
  format_unknown: 'Jenis berkas tidak dikenali. Unggah GeoJSON, Shapefile dalam ZIP, atau KML.',
  too_many_features: 'Berkas berisi {{found}} fitur; paling banyak {{limit}}.',
  too_many_positions: 'Berkas berisi lebih dari {{limit}} titik koordinat.',
  feature_invalid: 'Fitur ke-{{feature}} bukan Feature GeoJSON.',
  geometry_missing: 'Fitur ke-{{feature}} tidak memiliki geometri.',
  geometry_type: 'Fitur ke-{{feature}} memiliki jenis geometri yang tidak dikenal.',
  geometry_invalid: 'Geometri fitur ke-{{feature}} rusak (koordinatnya kurang atau tidak tersusun benar).',
  properties_invalid: 'Atribut (properties) fitur ke-{{feature}} harus berupa objek.',
  ring_open: 'Poligon fitur ke-{{feature}} tidak tertutup (titik pertama dan terakhir cincinnya berbeda).',
  position_invalid: 'Fitur ke-{{feature}} memiliki koordinat yang bukan dua atau tiga angka.',
  position_out_of_range:
    'Koordinat fitur ke-{{feature}} ({{x}}, {{y}}) di luar bujur/lintang; berkas harus dalam WGS 84 (derajat).',
  time_invalid: 'Nilai "{{property}}" pada fitur ke-{{feature}} bukan tanggal dan waktu.',
  time_property_missing: 'Tidak ada fitur yang memiliki atribut waktu "{{property}}".',
};

const layerFileEn: typeof layerFileId = {
  empty: 'The file is empty or holds no feature.',
  json_invalid: 'The file is not valid JSON.',
  geojson_type: 'This JSON file is not GeoJSON (a FeatureCollection, a Feature or a geometry).',
  format_unknown: 'Unknown kind of file. Upload GeoJSON, a zipped Shapefile or KML.',
  too_many_features: 'The file holds {{found}} features; at most {{limit}}.',
  too_many_positions: 'The file holds more than {{limit}} positions.',
  feature_invalid: 'Feature {{feature}} is not a GeoJSON Feature.',
  geometry_missing: 'Feature {{feature}} has no geometry.',
  geometry_type: 'Feature {{feature}} has an unknown geometry type.',
  geometry_invalid: 'The geometry of feature {{feature}} is broken (too few or badly nested coordinates).',
  properties_invalid: 'The properties of feature {{feature}} must be an object.',
  ring_open: "The polygon of feature {{feature}} is not closed (its ring's first and last positions differ).",
  position_invalid: 'Feature {{feature}} has a position that is not two or three numbers.',
  position_out_of_range:
    'A position of feature {{feature}} ({{x}}, {{y}}) is out of longitude/latitude range; the file must be in WGS 84 degrees.',
  time_invalid: 'The value of "{{property}}" in feature {{feature}} is not a date and time.',
  time_property_missing: 'No feature has the time property "{{property}}".',
};

export const messages = {
  id: {
    layerFile: { ...layerFileId, ...layerFileMessages.id },
    portal: {
      title: 'Peta',
      intro: 'Peta data {{tenant}}: pilih lapisan yang ingin ditampilkan.',
      empty: 'Belum ada lapisan peta yang terbuka untuk umum.',
      layers: 'Lapisan',
      source: 'Sumber: {{source}}',
      licence: 'Lisensi: {{licence}}',
      data: 'Data (GeoJSON)',
      ogc: 'Layanan OGC API Features untuk QGIS dan aplikasi GIS lain',
      legend: 'Legenda {{layer}}',
      other: 'Lainnya',
      map: {
        label: 'Peta lapisan',
        zoomIn: 'Perbesar',
        zoomOut: 'Perkecil',
        shown: '{{layer}}: {{n}} fitur tampil',
        more: '(perbesar untuk melihat lebih banyak)',
      },
    },
    ogc: {
      title: 'Layanan peta {{tenant}} (OGC API Features)',
      description: 'Lapisan peta {{tenant}} menurut OGC API – Features – Part 1: Core.',
      collections: 'Koleksi',
      items: 'Fitur',
      conformance: 'Kesesuaian',
      api: 'Definisi API',
      next: 'Berikutnya',
      prev: 'Sebelumnya',
      matched: '{{returned}} dari {{matched}} fitur',
      feature: 'Fitur {{id}}',
    },
    setup: { firstLayer: 'Unggah lapisan peta pertama yang terbuka untuk umum' },
  },
  en: {
    layerFile: { ...layerFileEn, ...layerFileMessages.en },
    portal: {
      title: 'Map',
      intro: "{{tenant}}'s data on a map: choose the layers to show.",
      empty: 'No map layer is public yet.',
      layers: 'Layers',
      source: 'Source: {{source}}',
      licence: 'Licence: {{licence}}',
      data: 'Data (GeoJSON)',
      ogc: 'OGC API Features service for QGIS and other GIS software',
      legend: 'Legend of {{layer}}',
      other: 'Other',
      map: {
        label: 'Map of the layers',
        zoomIn: 'Zoom in',
        zoomOut: 'Zoom out',
        shown: '{{layer}} — shown: {{n}}',
        more: '(zoom in to see more)',
      },
    },
    ogc: {
      title: "{{tenant}}'s map service (OGC API Features)",
      description: "{{tenant}}'s map layers, as OGC API – Features – Part 1: Core.",
      collections: 'Collections',
      items: 'Features',
      conformance: 'Conformance',
      api: 'API definition',
      next: 'Next',
      prev: 'Previous',
      matched: '{{returned}} of {{matched}} features',
      feature: 'Feature {{id}}',
    },
    setup: { firstLayer: 'Upload a first public map layer' },
  },
};

/**
 * The file's refusals as field errors (`field.maps_file_<code>`), so that a refused upload reads like
 * any other invalid field, in the caller's language.
 */
const asFields = (words: Record<string, string>) =>
  Object.fromEntries(Object.entries(words).map(([code, text]) => [`maps_file_${code}`, text]));

export const sharedMessages = {
  id: {
    field: {
      ...asFields({ ...layerFileId, ...layerFileMessages.id }),
      maps_bbox: 'bbox harus empat angka: bujur barat, lintang selatan, bujur timur, lintang utara.',
      maps_bbox_3d: 'bbox enam angka (dengan ketinggian) tidak didukung; berikan empat angka.',
      maps_datetime: 'datetime harus waktu RFC 3339 atau selang "awal/akhir" (".." untuk terbuka).',
      maps_unknown_parameter: 'Parameter "{{name}}" tidak dikenal di sini.',
      maps_agency: 'Anda tidak dapat mengelola lapisan untuk instansi ini.',
      maps_style_property: 'Lapisan tidak memiliki atribut "{{property}}".',
      maps_name_taken: 'Nama koleksi "{{name}}" sudah dipakai lapisan lain.',
    },
    entity: { maps_layer: 'Lapisan peta', maps_collection: 'Koleksi', maps_feature: 'Fitur' },
  },
  en: {
    field: {
      ...asFields({ ...layerFileEn, ...layerFileMessages.en }),
      maps_bbox: 'bbox must be four numbers: west longitude, south latitude, east longitude, north latitude.',
      maps_bbox_3d: 'A six-number bbox (with heights) is not supported; give four numbers.',
      maps_datetime: 'datetime must be an RFC 3339 instant or an interval "start/end" (".." for open).',
      maps_unknown_parameter: 'The parameter "{{name}}" is not known here.',
      maps_agency: 'You may not manage layers for this agency.',
      maps_style_property: 'The layer has no property "{{property}}".',
      maps_name_taken: 'The collection name "{{name}}" is taken by another layer.',
    },
    entity: { maps_layer: 'Map layer', maps_collection: 'Collection', maps_feature: 'Feature' },
  },
};
