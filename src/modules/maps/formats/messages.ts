/**
 * Why an uploaded layer file was refused, by `LayerFileError` code: the words the app serves as
 * `maps.layerFile.<code>`, Bahasa Indonesia first, the error's params as i18next placeholders.
 * Written for the staff member who uploaded the file: what is wrong and what to do about it.
 */
export const layerFileMessages = {
  id: {
    zip_corrupt: 'Berkas ZIP rusak atau tidak lengkap. Buat ulang ZIP-nya lalu unggah kembali.',
    zip_too_many_entries:
      'Berkas ZIP berisi lebih dari {{max}} berkas. Masukkan hanya berkas layer yang diunggah.',
    zip_too_large:
      'Isi berkas ZIP lebih dari {{max}} MB setelah diekstrak. Bagi layer menjadi beberapa bagian.',
    zip_unsupported_compression:
      'Berkas {{file}} di dalam ZIP dikompresi dengan cara yang tidak didukung. Buat ulang ZIP dengan kompresi biasa (Deflate).',
    zip_encrypted: 'Berkas {{file}} di dalam ZIP dilindungi kata sandi. Unggah ZIP tanpa kata sandi.',
    shapefile_not_zip: 'Shapefile diunggah sebagai satu berkas ZIP berisi .shp, .shx, .dbf dan .prj.',
    shapefile_missing_part: 'Shapefile tidak lengkap: bagian {{part}} tidak ada di dalam ZIP.',
    shapefile_several_layers:
      'ZIP berisi lebih dari satu Shapefile ({{layers}}). Unggah setiap layer dalam ZIP tersendiri.',
    shapefile_no_projection:
      'Shapefile {{layer}} tidak memiliki berkas .prj, sehingga sistem koordinatnya tidak diketahui. Sertakan berkas .prj-nya (ekspor ulang dari aplikasi GIS).',
    shapefile_unknown_projection:
      'Sistem koordinat dalam berkas .prj Shapefile {{layer}} tidak dapat dibaca. Ekspor ulang ke WGS 84 (EPSG:4326) atau UTM.',
    shapefile_unknown_datum:
      'Shapefile {{layer}} memakai datum {{datum}}, yang tidak dapat dikonversi ke WGS 84 dengan tepat. Ekspor ulang dalam WGS 84, DGN95 atau SRGI2013.',
    shapefile_corrupt: 'Bagian {{part}} dari Shapefile rusak atau terpotong.',
    shapefile_unsupported_shape:
      'Jenis geometri Shapefile ini (kode {{shape}}) tidak didukung. Gunakan titik, garis atau poligon.',
    shapefile_record_mismatch:
      'Shapefile tidak konsisten: {{shapes}} geometri di .shp tetapi {{records}} baris atribut di .dbf.',
    shapefile_unknown_encoding:
      'Pengodean karakter "{{encoding}}" dalam berkas .cpg tidak dikenal. Gunakan UTF-8 atau ISO-8859-1.',
    shapefile_bad_encoding:
      'Atribut Shapefile tidak sesuai dengan pengodean {{encoding}} yang disebut berkas .cpg. Periksa berkas .cpg-nya.',
    shapefile_needs_cpg:
      'Atribut Shapefile bukan UTF-8 dan tidak ada berkas .cpg yang menyebut pengodeannya. Sertakan berkas .cpg (mis. berisi ISO-8859-1) atau ekspor ulang dalam UTF-8.',
    kml_too_large: 'Berkas KML lebih dari {{max}} MB. Bagi layer menjadi beberapa bagian.',
    kml_unknown_encoding:
      'Pengodean karakter "{{encoding}}" pada berkas KML tidak dikenal. Simpan ulang dalam UTF-8.',
    kml_bad_encoding: 'Isi berkas KML tidak sesuai dengan pengodean {{encoding}}. Simpan ulang dalam UTF-8.',
    kml_doctype:
      'Berkas KML memuat deklarasi DOCTYPE atau ENTITY, yang tidak dipakai KML dan tidak diterima demi keamanan.',
    kml_invalid_xml: 'Berkas KML bukan XML yang benar (kesalahan di sekitar baris {{line}}).',
    kml_not_kml: 'Berkas ini XML, tetapi bukan KML (elemen akarnya bukan <kml>).',
    kml_bad_coordinates:
      'Koordinat "{{value}}" dalam berkas KML tidak dapat dibaca. Setiap titik ditulis bujur,lintang[,tinggi] tanpa spasi.',
    kml_invalid: 'Isi berkas KML tidak dapat dibaca sebagai layer.',
    kmz_no_kml: 'Berkas KMZ tidak berisi berkas .kml.',
    layer_empty: 'Berkas tidak berisi satu pun fitur.',
    layer_too_many_features: 'Layer berisi lebih dari {{max}} fitur. Bagi layer menjadi beberapa bagian.',
    layer_too_many_positions:
      'Layer berisi lebih dari {{max}} titik koordinat. Sederhanakan geometrinya atau bagi layer menjadi beberapa bagian.',
    layer_null_geometry: 'Fitur ke-{{feature}} tidak memiliki geometri.',
    layer_coordinates_out_of_range:
      'Koordinat fitur ke-{{feature}} bukan bujur/lintang yang sah. Periksa sistem koordinatnya (.prj) — mungkin data UTM dengan .prj WGS 84.',
  },
  en: {
    zip_corrupt: 'The ZIP file is damaged or incomplete. Create the ZIP again and upload it.',
    zip_too_many_entries: 'The ZIP file holds more than {{max}} files. Put only the layer’s files in it.',
    zip_too_large: 'The ZIP file’s contents exceed {{max}} MB once extracted. Split the layer into parts.',
    zip_unsupported_compression:
      'The file {{file}} in the ZIP uses an unsupported compression method. Create the ZIP again with ordinary (Deflate) compression.',
    zip_encrypted: 'The file {{file}} in the ZIP is password-protected. Upload a ZIP without a password.',
    shapefile_not_zip: 'A Shapefile is uploaded as one ZIP file holding its .shp, .shx, .dbf and .prj.',
    shapefile_missing_part: 'The Shapefile is incomplete: its {{part}} part is not in the ZIP.',
    shapefile_several_layers:
      'The ZIP holds more than one Shapefile ({{layers}}). Upload each layer in a ZIP of its own.',
    shapefile_no_projection:
      'The Shapefile {{layer}} has no .prj file, so its coordinate system is unknown. Include its .prj file (export it again from your GIS application).',
    shapefile_unknown_projection:
      'The coordinate system in the .prj file of the Shapefile {{layer}} cannot be read. Export it again in WGS 84 (EPSG:4326) or UTM.',
    shapefile_unknown_datum:
      'The Shapefile {{layer}} uses the {{datum}} datum, which cannot be converted to WGS 84 accurately. Export it again in WGS 84, DGN95 or SRGI2013.',
    shapefile_corrupt: 'The Shapefile’s {{part}} part is damaged or truncated.',
    shapefile_unsupported_shape:
      'This Shapefile’s geometry type (code {{shape}}) is not supported. Use points, lines or polygons.',
    shapefile_record_mismatch:
      'The Shapefile is inconsistent: {{shapes}} geometries in the .shp but {{records}} attribute rows in the .dbf.',
    shapefile_unknown_encoding:
      'The character encoding "{{encoding}}" in the .cpg file is unknown. Use UTF-8 or ISO-8859-1.',
    shapefile_bad_encoding:
      'The Shapefile’s attributes are not in the {{encoding}} encoding its .cpg file names. Check the .cpg file.',
    shapefile_needs_cpg:
      'The Shapefile’s attributes are not UTF-8 and no .cpg file names their encoding. Include a .cpg file (e.g. saying ISO-8859-1) or export again in UTF-8.',
    kml_too_large: 'The KML file exceeds {{max}} MB. Split the layer into parts.',
    kml_unknown_encoding:
      'The KML file’s character encoding "{{encoding}}" is unknown. Save it again in UTF-8.',
    kml_bad_encoding: 'The KML file’s contents are not in the {{encoding}} encoding. Save it again in UTF-8.',
    kml_doctype:
      'The KML file holds a DOCTYPE or ENTITY declaration, which KML does not use and which is refused for safety.',
    kml_invalid_xml: 'The KML file is not well-formed XML (error near line {{line}}).',
    kml_not_kml: 'This file is XML but not KML (its root element is not <kml>).',
    kml_bad_coordinates:
      'The coordinates "{{value}}" in the KML file cannot be read. Each position is written longitude,latitude[,altitude] without spaces.',
    kml_invalid: 'The KML file’s contents cannot be read as a layer.',
    kmz_no_kml: 'The KMZ file holds no .kml file.',
    layer_empty: 'The file holds no features.',
    layer_too_many_features: 'The layer holds more than {{max}} features. Split it into parts.',
    layer_too_many_positions:
      'The layer holds more than {{max}} coordinate positions. Simplify its geometry or split it into parts.',
    layer_null_geometry: 'Feature {{feature}} has no geometry.',
    layer_coordinates_out_of_range:
      'Feature {{feature}}’s coordinates are not a valid longitude/latitude. Check its coordinate system (.prj): perhaps UTM data with a WGS 84 .prj.',
  },
} as const;

export type LayerFileErrorCode = keyof typeof layerFileMessages.en;
