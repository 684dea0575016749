/** The words of the development mailbox's screen (`mailbox.*`), Bahasa Indonesia first. */

export const mailboxMessages = {
  id: {
    nav: 'Kotak surat pengembangan',
    title: 'Kotak surat pengembangan',
    intro:
      'Email dan SMS yang dikirim Balai selama SMTP belum diatur (hanya di luar produksi): tautan atur ulang kata sandi dan tautan lain ada di sini. Terbaru di atas.',
    to: 'Penerima',
    toHint: 'Alamat email atau nomor ponsel persis, mis. warga@example.id atau +6281234567890.',
    filter: 'Saring',
    clear: 'Hapus saringan',
    list: 'Pesan',
    empty: 'Belum ada pesan yang cocok.',
    when: 'Waktu',
    channel: 'Saluran',
    subject: 'Subjek',
    noSubject: '(tanpa subjek)',
    from: 'Dari',
    close: 'Tutup pesan',
    page: 'Halaman {{n}}',
    channels: { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' },
  },
  en: {
    nav: 'Development mailbox',
    title: 'Development mailbox',
    intro:
      'The emails and SMS Balai sent while no SMTP server is set (outside production only): password-reset and other links are here. Newest first.',
    to: 'Recipient',
    toHint: 'The exact email address or mobile number, e.g. citizen@example.id or +6281234567890.',
    filter: 'Filter',
    clear: 'Clear filter',
    list: 'Messages',
    empty: 'No messages match.',
    when: 'Time',
    channel: 'Channel',
    subject: 'Subject',
    noSubject: '(no subject)',
    from: 'From',
    close: 'Close message',
    page: 'Page {{n}}',
    channels: { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' },
  },
};
