/** The content API's refusals (shared groups `detail`, `field`, `entity`), Bahasa Indonesia first. */
export const contentMessages = {
  id: {
    detail: {
      stale_revision:
        'Tulisan ini sudah diubah orang lain (revisi {{head}}) sejak Anda membuka revisi {{base}}. Simpan naskah Anda di tempat lain, buka revisi terbaru, lalu terapkan perubahan Anda.',
      not_head_revision: 'Revisi {{revision}} bukan revisi terakhir (revisi terakhir: {{head}}).',
      already_in_review: 'Revisi ini sudah dikirim untuk ditinjau.',
      not_in_review: 'Tulisan ini tidak sedang ditinjau.',
      own_revision: 'Anda tidak dapat menyetujui revisi yang Anda tulis sendiri.',
      second_stage_same_reviewer:
        'Anda sudah menyetujui satu tahap revisi ini; tahap berikutnya harus disetujui orang lain.',
      not_approved: 'Revisi {{revision}} belum disetujui untuk terbit.',
      not_published_post: 'Tulisan ini tidak sedang terbit atau terjadwal.',
      media_in_use: 'Berkas ini masih dipakai tulisan: {{posts}}. Lepaskan dari tulisan itu lebih dulu.',
      term_in_use: 'Kategori atau tag ini masih dipakai {{count}} tulisan.',
      media_is_logo: 'Gambar ini adalah logo situs. Ganti atau hapus logonya lebih dulu.',
    },
    field: {
      kind_fixed: 'Jenis tulisan tidak dapat diubah.',
      details_not_for_kind: 'Rincian ini tidak berlaku untuk jenis tulisan ini.',
      ends_before_start: 'Waktu selesai tidak boleh sebelum waktu mulai.',
      unknown_media: 'Berkas media tidak ditemukan di situs ini.',
      not_an_image: 'Gambar utama harus berupa gambar.',
      unknown_term: 'Kategori atau tag tidak ditemukan di situs ini.',
      parent_only_for_pages: 'Hanya halaman yang dapat memiliki induk.',
      parent_cycle: 'Halaman tidak dapat menjadi induk dari dirinya sendiri atau turunannya.',
      unknown_parent: 'Halaman induk tidak ditemukan di situs ini.',
      bad_cursor: 'Penanda halaman tidak valid.',
      media_type:
        'Berkas harus berupa gambar (JPEG, PNG, WebP, GIF, AVIF, HEIC) atau dokumen (PDF, Word, Excel, PowerPoint, OpenDocument).',
      media_too_large: 'Ukuran berkas maksimal {{limit}} MB.',
      image_unreadable: 'Gambar tidak dapat dibaca: berkasnya rusak atau terpotong.',
      image_too_many_pixels: 'Gambar terlalu besar (lebih dari 40 megapiksel); perkecil dulu.',
      alt_required: 'Tulis teks alternatif: apa yang tampak pada gambar, bagi yang tidak dapat melihatnya.',
    },
    entity: { post: 'Tulisan', revision: 'Revisi', media: 'Berkas media', term: 'Kategori atau tag' },
  },
  en: {
    detail: {
      stale_revision:
        'Someone else changed this post (revision {{head}}) since you opened revision {{base}}. Keep your text elsewhere, open the latest revision and apply your changes to it.',
      not_head_revision: 'Revision {{revision}} is not the latest (the latest is {{head}}).',
      already_in_review: 'This revision has been sent to review already.',
      not_in_review: 'This post is not in review.',
      own_revision: 'You cannot approve a revision you wrote.',
      second_stage_same_reviewer:
        'You approved a stage of this revision already; someone else must approve the next.',
      not_approved: 'Revision {{revision}} is not approved for publication.',
      not_published_post: 'This post is neither published nor scheduled.',
      media_in_use: 'This file is still used by: {{posts}}. Take it out of those posts first.',
      term_in_use: 'This category or tag is still used by {{count}} posts.',
      media_is_logo: "This image is the site's logo. Change or remove the logo first.",
    },
    field: {
      kind_fixed: 'The kind of a post cannot change.',
      details_not_for_kind: 'These details do not apply to this kind of post.',
      ends_before_start: 'The end cannot be before the start.',
      unknown_media: 'The media file is not one of this website.',
      not_an_image: 'The featured image must be an image.',
      unknown_term: 'The category or tag is not one of this website.',
      parent_only_for_pages: 'Only pages can have a parent.',
      parent_cycle: 'A page cannot be its own parent or its descendant’s child.',
      unknown_parent: 'The parent page is not one of this website.',
      bad_cursor: 'The page marker is not valid.',
      media_type:
        'The file must be an image (JPEG, PNG, WebP, GIF, AVIF, HEIC) or a document (PDF, Word, Excel, PowerPoint, OpenDocument).',
      media_too_large: 'The file can be at most {{limit}} MB.',
      image_unreadable: 'The image cannot be read: the file is broken or cut short.',
      image_too_many_pixels: 'The image is too large (over 40 megapixels); make it smaller first.',
      alt_required: 'Write the alternative text: what the image shows, for those who cannot see it.',
    },
    entity: { post: 'Post', revision: 'Revision', media: 'Media file', term: 'Category or tag' },
  },
};
