/**
 * The WordPress import's words: its problems are field errors (`field.wxr_*`, with `{{title}}`,
 * `{{wpId}}` and `{{detail}}`), its refusals details (`detail.import_*`). Bahasa Indonesia first.
 */
export const importSharedMessages = {
  id: {
    detail: {
      import_refused:
        'Berkas ekspor WordPress tidak dapat diimpor; tidak ada yang disimpan. Lihat daftar masalahnya.',
      import_too_large: 'Berkas impor terlalu besar (paling besar {{limitMb}} MB).',
    },
    field: {
      wxr_doctype:
        'Berkas XML memuat DOCTYPE (deklarasi entitas), yang tidak pernah ada dalam ekspor WordPress; ditolak demi keamanan.',
      wxr_invalid_xml: 'Berkas bukan XML yang sah (baris {{line}}): {{detail}}',
      wxr_not_wxr: 'Berkas bukan ekspor WordPress (WXR): tidak ada channel RSS dengan wp:wxr_version.',
      wxr_zip_not_zip: 'Berkas ZIP rusak atau bukan ZIP.',
      wxr_zip_corrupt: 'Berkas ZIP rusak: {{detail}}',
      wxr_zip_unsupported:
        'Berkas ZIP memakai fitur yang tidak didukung (enkripsi, ZIP64, atau kompresi lain): {{detail}}',
      wxr_zip_too_large: 'Berkas ZIP memuat terlalu banyak atau terlalu besar isinya: {{detail}}',
      wxr_zip_without_xml: 'Berkas ZIP tidak memuat berkas ekspor WordPress (.xml).',
      wxr_too_many_items: 'Ekspor memuat lebih dari {{detail}} item; bagi menjadi beberapa berkas.',
      wxr_item_without_id: 'Item {{detail}} tidak memiliki wp:post_id; dilewati.',
      wxr_duplicate_id:
        'Item “{{title}}” memakai wp:post_id {{wpId}} yang sudah dipakai item lain; dilewati.',
      wxr_unsupported_type: 'Jenis konten {{detail}} tidak didukung; dilewati.',
      wxr_term_without_slug: 'Kategori atau tag “{{detail}}” tidak memiliki slug; dilewati.',
      wxr_attachment_without_file:
        'Lampiran “{{title}}” tidak memiliki alamat berkas di wp-content/uploads; dilewati.',
      wxr_file_missing:
        'Berkas lampiran {{detail}} tidak ada di dalam unggahan; lampiran “{{title}}” tidak diimpor.',
      wxr_file_too_large: 'Berkas lampiran {{detail}} terlalu besar; tidak diimpor.',
      wxr_file_type_refused: 'Jenis berkas lampiran {{detail}} tidak diterima; tidak diimpor.',
      wxr_image_unreadable: 'Gambar {{detail}} tidak dapat dibaca; tidak diimpor.',
      wxr_status_skipped: '“{{title}}” berstatus {{detail}} (sampah atau draf otomatis); dilewati.',
      wxr_private_as_draft: '“{{title}}” bersifat privat di WordPress; diimpor sebagai draf.',
      wxr_body_too_large: 'Isi “{{title}}” terlalu panjang; dilewati.',
      wxr_untitled: 'Item {{wpId}} tidak berjudul; diberi judul “(tanpa judul)”.',
      wxr_title_cut: 'Judul “{{title}}” dipotong menjadi 300 karakter.',
      wxr_slug_renamed: 'Slug “{{title}}” sudah dipakai; diganti: {{detail}}.',
      wxr_date_missing: '“{{title}}” tidak memiliki tanggal; dipakai waktu impor.',
      wxr_featured_image_missing:
        'Gambar unggulan “{{title}}” (lampiran {{detail}}) tidak diimpor; berita tanpa gambar.',
      wxr_already_imported: '{{detail}} item sudah diimpor sebelumnya ke situs ini; dilewati.',
      wxr_unknown_parent:
        'Induk halaman “{{title}}” (wp id {{detail}}) tidak ada; halaman ditaruh di tingkat teratas.',
      wxr_parent_loop: 'Halaman “{{detail}}” berinduk melingkar; ditaruh di tingkat teratas.',
      wxr_embed_as_link: 'Sematan {{detail}} di “{{title}}” diganti tautan.',
      wxr_shortcode_removed: 'Shortcode {{detail}} di “{{title}}” tidak didukung; dihapus.',
      wxr_gallery_missing: 'Galeri di “{{title}}” memuat gambar yang tidak diimpor.',
      wxr_menu_kept: 'Situs sudah memiliki menu; menu dari WordPress tidak dipakai.',
      wxr_menu_skipped: 'Menu WordPress {{detail}} tidak diimpor (hanya menu terbesar yang dipakai).',
      wxr_menu_entry_skipped: 'Entri menu “{{title}}” menunjuk ke isi yang tidak diimpor; dilewati.',
      wxr_menu_too_long: 'Entri menu “{{title}}” melebihi batas menu; dilewati.',
    },
  },
  en: {
    detail: {
      import_refused: 'The WordPress export cannot be imported; nothing was saved. See the list of problems.',
      import_too_large: 'The import file is too large (at most {{limitMb}} MB).',
    },
    field: {
      wxr_doctype:
        'The XML file has a DOCTYPE (entity declarations), which a WordPress export never has; refused for safety.',
      wxr_invalid_xml: 'The file is not valid XML (line {{line}}): {{detail}}',
      wxr_not_wxr: 'The file is not a WordPress export (WXR): no RSS channel with wp:wxr_version.',
      wxr_zip_not_zip: 'The ZIP file is broken or not a ZIP.',
      wxr_zip_corrupt: 'The ZIP file is broken: {{detail}}',
      wxr_zip_unsupported:
        'The ZIP file uses an unsupported feature (encryption, ZIP64, or another compression): {{detail}}',
      wxr_zip_too_large: 'The ZIP file holds too many or too large entries: {{detail}}',
      wxr_zip_without_xml: 'The ZIP file holds no WordPress export (.xml).',
      wxr_too_many_items: 'The export holds more than {{detail}} items; split it into several files.',
      wxr_item_without_id: 'Item {{detail}} has no wp:post_id; skipped.',
      wxr_duplicate_id: 'Item “{{title}}” uses wp:post_id {{wpId}}, used by another item already; skipped.',
      wxr_unsupported_type: 'Content type {{detail}} is not supported; skipped.',
      wxr_term_without_slug: 'Category or tag “{{detail}}” has no slug; skipped.',
      wxr_attachment_without_file:
        'Attachment “{{title}}” has no file address under wp-content/uploads; skipped.',
      wxr_file_missing: 'The file {{detail}} is not in the upload; attachment “{{title}}” was not imported.',
      wxr_file_too_large: 'The file {{detail}} is too large; not imported.',
      wxr_file_type_refused: 'The type of the file {{detail}} is not accepted; not imported.',
      wxr_image_unreadable: 'The image {{detail}} cannot be read; not imported.',
      wxr_status_skipped: '“{{title}}” has the status {{detail}} (trash or auto-draft); skipped.',
      wxr_private_as_draft: '“{{title}}” is private in WordPress; imported as a draft.',
      wxr_body_too_large: 'The text of “{{title}}” is too long; skipped.',
      wxr_untitled: 'Item {{wpId}} has no title; titled “(tanpa judul)”.',
      wxr_title_cut: 'The title “{{title}}” was cut to 300 characters.',
      wxr_slug_renamed: 'The slug of “{{title}}” is taken; renamed: {{detail}}.',
      wxr_date_missing: '“{{title}}” has no date; the time of the import is used.',
      wxr_featured_image_missing:
        'The featured image of “{{title}}” (attachment {{detail}}) was not imported; the post has none.',
      wxr_already_imported: '{{detail}} items were imported into this site before; skipped.',
      wxr_unknown_parent:
        'The parent of page “{{title}}” (wp id {{detail}}) does not exist; the page is at the top level.',
      wxr_parent_loop: 'Page “{{detail}}” has a loop of parents; placed at the top level.',
      wxr_embed_as_link: 'The embed {{detail}} in “{{title}}” became a link.',
      wxr_shortcode_removed: 'The shortcode {{detail}} in “{{title}}” is not supported; removed.',
      wxr_gallery_missing: 'The gallery in “{{title}}” has images that were not imported.',
      wxr_menu_kept: 'The site has a menu already; the WordPress menu was not used.',
      wxr_menu_skipped: 'WordPress menu {{detail}} was not imported (only the largest menu is used).',
      wxr_menu_entry_skipped: 'Menu entry “{{title}}” points at content that was not imported; skipped.',
      wxr_menu_too_long: 'Menu entry “{{title}}” is over the menu limit; skipped.',
    },
  },
};
