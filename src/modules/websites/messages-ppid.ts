/** The PPID's words on the server and the portal (`websites.ppid.<key>`), Bahasa Indonesia first. */
const id = {
  title: 'PPID — Informasi Publik',
  intro:
    'Pejabat Pengelola Informasi dan Dokumentasi (PPID) {{site}} menyediakan informasi publik sesuai Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.',
  class: {
    berkala: 'Informasi yang wajib disediakan dan diumumkan secara berkala',
    serta_merta: 'Informasi yang wajib diumumkan secara serta merta',
    setiap_saat: 'Informasi yang wajib tersedia setiap saat',
    dikecualikan: 'Informasi yang dikecualikan',
  },
  classNote: {
    dikecualikan: 'Daftar informasi yang dikecualikan (Pasal 17). Isinya tidak dibuka untuk umum.',
  },
  none: 'Belum ada informasi pada kelompok ini.',
  requestLink: 'Ajukan permohonan informasi',
  requestIntro:
    'Tidak menemukan informasi yang Anda cari? Ajukan permohonan; PPID wajib menjawab paling lambat 10 hari kerja.',
  statusLink: 'Lihat status permohonan',
  form: {
    title: 'Permohonan informasi publik',
    intro:
      'PPID {{site}} menjawab paling lambat 10 hari kerja sejak permohonan diterima dan dapat memperpanjangnya sekali, paling lama 7 hari kerja, dengan alasan tertulis.',
    name: 'Nama lengkap',
    email: 'Alamat surel',
    emailHint: 'Isi surel atau nomor telepon, salah satu wajib.',
    phone: 'Nomor telepon',
    address: 'Alamat',
    identityNumber: 'Nomor identitas (NIK)',
    identityHint: 'Tidak wajib. Bila diisi, hanya PPID yang melihatnya.',
    information: 'Informasi yang dibutuhkan',
    informationHint: 'Sebutkan serinci mungkin: jenis data, tahun, wilayah.',
    purpose: 'Tujuan penggunaan informasi',
    delivery: 'Cara mendapatkan informasi',
    deliveryOption: {
      email: 'Dikirim melalui surel',
      pickup: 'Diambil langsung',
      post: 'Dikirim melalui pos',
    },
    send: 'Kirim permohonan',
  },
  filed: {
    title: 'Permohonan diterima',
    number: 'Nomor permohonan',
    secret: 'Kode rahasia',
    secretHint:
      'Simpan kode ini: hanya dengan kode ini Anda dapat membuka status permohonan dan mengajukan keberatan. Kode tidak dikirim lewat surel.',
    due: 'PPID wajib menjawab paling lambat {{date}}.',
    link: 'Buka status permohonan (tautan rahasia)',
    linkHint: 'Tautan ini memuat kode rahasia Anda: jangan dibagikan.',
  },
  status: {
    title: 'Status permohonan {{number}}',
    locked: 'Masukkan kode rahasia yang Anda terima saat mengajukan permohonan {{number}}.',
    secret: 'Kode rahasia',
    open: 'Buka status',
    wrongSecret:
      'Nomor permohonan atau kode rahasia tidak cocok. Periksa kembali kode dari halaman konfirmasi.',
    state: 'Status',
    received: 'Diterima',
    dueOn: 'Batas waktu jawaban',
    extendedOn: 'Diperpanjang sampai',
    extensionReason: 'Alasan perpanjangan',
    overdue: 'Batas waktu telah lewat tanpa jawaban.',
    information: 'Informasi yang diminta',
    answer: 'Jawaban PPID',
    refusalGround: 'Alasan pengecualian (Pasal 17)',
    objection: 'Keberatan Anda',
    objectionDueOn: 'Atasan PPID wajib menjawab paling lambat',
    objectionAnswer: 'Jawaban atas keberatan',
    objectionWindow: 'Anda dapat mengajukan keberatan sampai {{date}}.',
    objectionClosed: 'Masa pengajuan keberatan telah berakhir.',
    objectTitle: 'Ajukan keberatan',
    ground: 'Alasan keberatan',
    reason: 'Uraian keberatan',
    objectSend: 'Kirim keberatan',
    objected: 'Keberatan Anda telah diterima.',
    objectionFurther:
      'Bila tidak puas dengan jawaban atas keberatan, Anda dapat mengajukan sengketa informasi ke Komisi Informasi dalam 14 hari kerja (Pasal 37).',
  },
  state: {
    received: 'Menunggu jawaban PPID',
    extended: 'Waktu jawaban diperpanjang',
    answered: 'Dijawab',
    objected: 'Keberatan diajukan',
    objection_answered: 'Keberatan dijawab',
  },
  answerKind: {
    granted: 'Permohonan dikabulkan',
    partly: 'Permohonan dikabulkan sebagian',
    refused: 'Permohonan ditolak',
    not_held: 'Informasi tidak dikuasai',
  },
  refusalGround: {
    a: 'a. menghambat proses penegakan hukum',
    b: 'b. mengganggu perlindungan hak atas kekayaan intelektual dan persaingan usaha yang sehat',
    c: 'c. membahayakan pertahanan dan keamanan negara',
    d: 'd. mengungkapkan kekayaan alam Indonesia',
    e: 'e. merugikan ketahanan ekonomi nasional',
    f: 'f. merugikan kepentingan hubungan luar negeri',
    g: 'g. mengungkapkan isi akta otentik yang bersifat pribadi dan wasiat seseorang',
    h: 'h. mengungkap rahasia pribadi',
    i: 'i. memorandum atau surat antar/intra badan publik yang menurut sifatnya dirahasiakan',
    j: 'j. informasi yang tidak boleh diungkapkan berdasarkan undang-undang',
  },
  objectionGround: {
    a: 'a. permohonan ditolak dengan alasan pengecualian (Pasal 17)',
    b: 'b. informasi berkala tidak disediakan (Pasal 9)',
    c: 'c. permohonan tidak ditanggapi',
    d: 'd. permohonan ditanggapi tidak sebagaimana yang diminta',
    e: 'e. permohonan tidak dipenuhi',
    f: 'f. biaya yang dikenakan tidak wajar',
    g: 'g. informasi disampaikan melebihi waktu yang diatur',
  },
  staffNotice: {
    new: {
      subject: 'Permohonan informasi baru {{number}} untuk PPID {{site}}',
      body: '{{name}} mengajukan permohonan informasi {{number}} kepada PPID {{site}}:\n\n{{information}}\n\nJawab paling lambat {{dueOn}} (10 hari kerja, UU 14/2008 Pasal 22).',
    },
    reminder: {
      subject: 'PPID {{site}}: {{count}} permohonan perlu dijawab',
      body: 'Permohonan informasi dan keberatan di PPID {{site}} yang tenggatnya hari ini, besok, atau sudah lewat:',
      line: '{{number}} — tenggat {{dueOn}}{{late}}',
      late: ' (terlambat)',
    },
    link: 'Buka di konsol: {{url}}',
  },
  notice: {
    link: 'Status permohonan (buka dengan kode rahasia Anda): {{url}}',
    received: {
      subject: 'Permohonan informasi {{number}} diterima',
      body: 'Permohonan informasi Anda kepada PPID {{site}} telah diterima dengan nomor {{number}}. PPID wajib menjawab paling lambat {{dueOn}}.',
    },
    extended: {
      subject: 'Waktu jawaban permohonan {{number}} diperpanjang',
      body: 'PPID {{site}} memperpanjang waktu jawaban permohonan {{number}} sampai {{dueOn}} dengan alasan: {{reason}}',
    },
    answered: {
      subject: 'Permohonan informasi {{number}} dijawab',
      body: 'PPID {{site}} telah menjawab permohonan {{number}}: {{kind}}.',
    },
    objected: {
      subject: 'Keberatan atas permohonan {{number}} diterima',
      body: 'Keberatan Anda atas permohonan {{number}} telah diterima. Atasan PPID {{site}} wajib menjawab paling lambat {{objectionDueOn}}.',
    },
    objection_answered: {
      subject: 'Keberatan atas permohonan {{number}} dijawab',
      body: 'Atasan PPID {{site}} telah menjawab keberatan Anda atas permohonan {{number}}.',
    },
  },
};

const en: typeof id = {
  title: 'PPID — Public information',
  intro:
    'The information and documentation officer (PPID) of {{site}} provides public information under Law 14 of 2008 on Public Information Disclosure.',
  class: {
    berkala: 'Information published periodically',
    serta_merta: 'Information published immediately',
    setiap_saat: 'Information available at any time',
    dikecualikan: 'Excepted information',
  },
  classNote: {
    dikecualikan: 'The list of information excepted from disclosure (Article 17). Its content is not public.',
  },
  none: 'No information in this class yet.',
  requestLink: 'Request information',
  requestIntro:
    'Did not find what you look for? File a request; the PPID must answer within 10 working days.',
  statusLink: "See a request's status",
  form: {
    title: 'Request for public information',
    intro:
      'The PPID of {{site}} answers within 10 working days of receiving the request, and may extend that once by at most 7 working days, giving its reason in writing.',
    name: 'Full name',
    email: 'Email address',
    emailHint: 'Give an email or a phone number: one of them is required.',
    phone: 'Phone number',
    address: 'Address',
    identityNumber: 'Identity number (NIK)',
    identityHint: 'Optional. If given, only the PPID sees it.',
    information: 'Information wanted',
    informationHint: 'Be as precise as you can: kind of data, years, area.',
    purpose: 'What the information is for',
    delivery: 'How to receive it',
    deliveryOption: { email: 'Sent by email', pickup: 'Collected in person', post: 'Sent by post' },
    send: 'Send the request',
  },
  filed: {
    title: 'Request received',
    number: 'Request number',
    secret: 'Secret code',
    secretHint:
      'Keep this code: only with it can you open the status of your request and object. It is not sent by email.',
    due: 'The PPID must answer by {{date}}.',
    link: 'Open the request’s status (secret link)',
    linkHint: 'This link holds your secret code: do not share it.',
  },
  status: {
    title: 'Status of request {{number}}',
    locked: 'Enter the secret code you received when you filed request {{number}}.',
    secret: 'Secret code',
    open: 'Open the status',
    wrongSecret:
      'The request number or the secret code does not match. Check the code from the confirmation page.',
    state: 'Status',
    received: 'Received',
    dueOn: 'Answer due by',
    extendedOn: 'Extended until',
    extensionReason: 'Reason for the extension',
    overdue: 'The deadline passed without an answer.',
    information: 'Information requested',
    answer: "The PPID's answer",
    refusalGround: 'Ground of exception (Article 17)',
    objection: 'Your objection',
    objectionDueOn: "The PPID's superior must answer by",
    objectionAnswer: 'Answer to the objection',
    objectionWindow: 'You may object until {{date}}.',
    objectionClosed: 'The time to object has ended.',
    objectTitle: 'Object',
    ground: 'Ground of the objection',
    reason: 'Your objection in your words',
    objectSend: 'Send the objection',
    objected: 'Your objection was received.',
    objectionFurther:
      'If the answer to your objection does not satisfy you, you may bring the dispute to the Information Commission within 14 working days (Article 37).',
  },
  state: {
    received: "Waiting for the PPID's answer",
    extended: 'Answer time extended',
    answered: 'Answered',
    objected: 'Objection filed',
    objection_answered: 'Objection answered',
  },
  answerKind: {
    granted: 'Request granted',
    partly: 'Request partly granted',
    refused: 'Request refused',
    not_held: 'Information not held',
  },
  refusalGround: {
    a: 'a. would obstruct law enforcement',
    b: 'b. would harm intellectual property or fair competition',
    c: 'c. would endanger national defence and security',
    d: "d. would reveal Indonesia's natural resources",
    e: 'e. would harm national economic resilience',
    f: 'f. would harm foreign relations',
    g: 'g. would reveal a private authentic deed or a will',
    h: 'h. would reveal personal secrets',
    i: 'i. memoranda between or within public bodies, confidential by nature',
    j: 'j. information a law forbids to disclose',
  },
  objectionGround: {
    a: 'a. the request was refused on an exception (Article 17)',
    b: 'b. periodic information is not provided (Article 9)',
    c: 'c. the request was not answered',
    d: 'd. the answer is not what was asked',
    e: 'e. the request was not fulfilled',
    f: 'f. unreasonable fees',
    g: 'g. the information came later than the law allows',
  },
  staffNotice: {
    new: {
      subject: 'New information request {{number}} to the PPID of {{site}}',
      body: '{{name}} asked the PPID of {{site}} for information, request {{number}}:\n\n{{information}}\n\nAnswer by {{dueOn}} (10 working days, Law 14/2008 art. 22).',
    },
    reminder: {
      subject: 'PPID of {{site}}: {{count}} requests to answer',
      body: 'Information requests and objections at the PPID of {{site}} due today, tomorrow, or late:',
      line: '{{number}} — due {{dueOn}}{{late}}',
      late: ' (late)',
    },
    link: 'Open in the console: {{url}}',
  },
  notice: {
    link: "The request's status (open it with your secret code): {{url}}",
    received: {
      subject: 'Information request {{number}} received',
      body: 'Your request to the PPID of {{site}} was received as number {{number}}. The PPID must answer by {{dueOn}}.',
    },
    extended: {
      subject: 'More time to answer request {{number}}',
      body: 'The PPID of {{site}} extended the time to answer request {{number}} until {{dueOn}}, because: {{reason}}',
    },
    answered: {
      subject: 'Information request {{number}} answered',
      body: 'The PPID of {{site}} answered request {{number}}: {{kind}}.',
    },
    objected: {
      subject: 'Objection to request {{number}} received',
      body: "Your objection to request {{number}} was received. The PPID's superior at {{site}} must answer by {{objectionDueOn}}.",
    },
    objection_answered: {
      subject: 'Objection to request {{number}} answered',
      body: "The PPID's superior at {{site}} answered your objection to request {{number}}.",
    },
  },
};

export const ppidMessages = { id, en };

/** The PPID's refusals in the platform's shared groups (`detail.`, `field.`). */
export const ppidSharedMessages = {
  id: {
    detail: {
      ppid_wrong_secret: 'Nomor permohonan atau kode rahasia tidak cocok.',
      ppid_secret_missing: 'Sertakan kode rahasia permohonan (kepala x-request-secret).',
      ppid_extended_once: 'Batas waktu permohonan ini sudah pernah diperpanjang; perpanjangan hanya sekali.',
      ppid_closed: 'Permohonan ini sudah dijawab; batas waktunya tidak dapat diperpanjang lagi.',
      ppid_extension_late:
        'Batas waktu jawaban ({{dueOn}}) sudah lewat; perpanjangan harus diberikan sebelum batas waktu berakhir.',
      ppid_answered_once: 'Permohonan ini sudah dijawab.',
      ppid_under_objection: 'Permohonan ini sedang dalam keberatan; atasan PPID yang menjawab keberatannya.',
      ppid_no_objection: 'Tidak ada keberatan yang menunggu jawaban pada permohonan ini.',
      ppid_objection_answered_once: 'Keberatan atas permohonan ini sudah dijawab.',
      ppid_objected_once: 'Keberatan tidak dapat diajukan lagi untuk permohonan ini.',
      ppid_objection_early:
        'Keberatan dapat diajukan setelah PPID menjawab, atau bila batas waktu jawaban ({{dueOn}}) lewat tanpa jawaban.',
      ppid_objection_late: 'Masa pengajuan keberatan (30 hari kerja, sampai {{until}}) telah berakhir.',
    },
    field: {
      ppid_contact: 'Isi alamat surel atau nomor telepon, salah satu wajib.',
      ppid_phone: 'Nomor telepon hanya berisi angka, spasi atau tanda hubung, 8 sampai 20 karakter.',
      ppid_email_for_delivery: 'Isi alamat surel untuk menerima informasi melalui surel.',
      ppid_address_for_post: 'Isi alamat untuk menerima informasi melalui pos.',
      ppid_refusal_ground: 'Penolakan wajib menyebut alasan pengecualian menurut Pasal 17.',
    },
    entity: { info_request: 'Permohonan informasi' },
  },
  en: {
    detail: {
      ppid_wrong_secret: 'The request number or the secret code does not match.',
      ppid_secret_missing: "Send the request's secret code (header x-request-secret).",
      ppid_extended_once: "This request's deadline was extended already; it may be extended once only.",
      ppid_closed: 'This request has been answered; its deadline cannot be extended any more.',
      ppid_extension_late:
        'The deadline to answer ({{dueOn}}) has passed; an extension must be given before it ends.',
      ppid_answered_once: 'This request has been answered already.',
      ppid_under_objection: "This request is under objection; the PPID's superior answers the objection.",
      ppid_no_objection: 'No objection to this request waits for an answer.',
      ppid_objection_answered_once: 'The objection to this request has been answered already.',
      ppid_objected_once: 'No objection may be filed on this request any more.',
      ppid_objection_early:
        'An objection may be filed once the PPID has answered, or when the deadline ({{dueOn}}) passed unanswered.',
      ppid_objection_late: 'The time to object (30 working days, until {{until}}) has ended.',
    },
    field: {
      ppid_contact: 'Give an email address or a phone number: one of them is required.',
      ppid_phone: 'A phone number has digits, spaces or dashes only, 8 to 20 characters.',
      ppid_email_for_delivery: 'Give an email address to receive the information by email.',
      ppid_address_for_post: 'Give an address to receive the information by post.',
      ppid_refusal_ground: 'A refusal must name its exception under Article 17.',
    },
    entity: { info_request: 'Information request' },
  },
};
