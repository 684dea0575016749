/**
 * The words of the reports app's messages to citizens (`reports.notice.*`: the receipt and each
 * step) and of following reports and areas (`reports.follow.*`), in plain words, Indonesian first.
 */

const stepReporterId = {
  awaiting_info: 'Petugas membutuhkan informasi tambahan tentang laporan Anda {{trackingNo}}.',
  verified:
    'Laporan Anda {{trackingNo}} sudah diperiksa petugas dan akan diteruskan kepada perangkat daerah yang berwenang.',
  disposed:
    'Laporan Anda {{trackingNo}} sudah diteruskan kepada perangkat daerah yang berwenang untuk ditindaklanjuti.',
  in_progress: 'Laporan Anda {{trackingNo}} sedang ditangani petugas.',
  done: 'Petugas menyatakan laporan Anda {{trackingNo}} sudah ditindaklanjuti.',
  closed: 'Laporan Anda {{trackingNo}} sudah ditutup. Terima kasih telah melapor.',
  rejected: 'Laporan Anda {{trackingNo}} tidak dapat kami tindak lanjuti.',
  referred: 'Laporan Anda {{trackingNo}} kami teruskan kepada daerah lain yang berwenang menanganinya.',
  duplicate:
    'Laporan Anda {{trackingNo}} sama dengan laporan lain yang sudah ditangani. Perkembangannya dapat dipantau di laporan tersebut.',
};
const stepReporterEn = {
  awaiting_info: 'The officers need more information about your report {{trackingNo}}.',
  verified: 'Your report {{trackingNo}} was checked and will go to the agency responsible.',
  disposed: 'Your report {{trackingNo}} went to the agency responsible, for them to act on it.',
  in_progress: 'Officers are working on your report {{trackingNo}}.',
  done: 'The officers say your report {{trackingNo}} has been dealt with.',
  closed: 'Your report {{trackingNo}} is closed. Thank you for reporting.',
  rejected: 'We cannot act on your report {{trackingNo}}.',
  referred: 'We sent your report {{trackingNo}} to another region, which is responsible for it.',
  duplicate:
    'Your report {{trackingNo}} is the same as another report already being dealt with. You can follow that one.',
};
const stepFollowerId = {
  awaiting_info: 'Petugas meminta informasi tambahan kepada pelapor laporan {{trackingNo}} yang Anda pantau.',
  verified: 'Laporan {{trackingNo}} yang Anda pantau sudah diperiksa petugas.',
  disposed:
    'Laporan {{trackingNo}} yang Anda pantau sudah diteruskan kepada perangkat daerah yang berwenang.',
  in_progress: 'Laporan {{trackingNo}} yang Anda pantau sedang ditangani petugas.',
  done: 'Petugas menyatakan laporan {{trackingNo}} yang Anda pantau sudah ditindaklanjuti.',
  closed: 'Laporan {{trackingNo}} yang Anda pantau sudah ditutup.',
  rejected: 'Laporan {{trackingNo}} yang Anda pantau tidak dapat ditindaklanjuti.',
  referred: 'Laporan {{trackingNo}} yang Anda pantau diteruskan kepada daerah lain yang berwenang.',
  duplicate: 'Laporan {{trackingNo}} yang Anda pantau sama dengan laporan lain yang sudah ditangani.',
  reopened:
    'Laporan {{trackingNo}} yang Anda pantau dibuka kembali karena pelapor menilai masalahnya belum beres.',
};
const stepFollowerEn = {
  awaiting_info: 'The officers asked the reporter of {{trackingNo}}, which you follow, for more information.',
  verified: 'Report {{trackingNo}}, which you follow, was checked by the officers.',
  disposed: 'Report {{trackingNo}}, which you follow, went to the agency responsible.',
  in_progress: 'Officers are working on report {{trackingNo}}, which you follow.',
  done: 'The officers say report {{trackingNo}}, which you follow, has been dealt with.',
  closed: 'Report {{trackingNo}}, which you follow, is closed.',
  rejected: 'Report {{trackingNo}}, which you follow, cannot be acted on.',
  referred: 'Report {{trackingNo}}, which you follow, went to another region, which is responsible for it.',
  duplicate:
    'Report {{trackingNo}}, which you follow, is the same as another report already being dealt with.',
  reopened:
    'Report {{trackingNo}}, which you follow, was reopened: its reporter says the problem is not solved.',
};

export const followMessages = {
  id: {
    notice: {
      receiptSubject: 'Laporan Anda sudah kami terima: {{trackingNo}}',
      receiptBody:
        'Terima kasih. Laporan Anda kepada {{tenant}} sudah kami terima dengan nomor laporan {{trackingNo}}. Petugas akan memeriksanya, dan kami akan mengabari Anda di setiap langkah.',
      receiptSecret:
        'Anda melapor tanpa akun: simpan kode rahasia yang tampil saat laporan terkirim. Kode itu diperlukan untuk menambah informasi, menilai, atau membuka kembali laporan.',
      receiptSms: '{{tenant}}: laporan Anda diterima, nomor {{trackingNo}}. Pantau di {{url}}',
      stepSubject: 'Laporan {{trackingNo}}: {{status}}',
      stepSms: 'Laporan {{trackingNo}}: {{status}}. Lihat {{url}}',
      step: { reporter: stepReporterId, follower: stepFollowerId },
      noteLine: 'Catatan petugas: {{note}}',
      next: {
        awaiting_info:
          'Tambahkan informasinya di halaman laporan. Bila Anda melapor tanpa akun, siapkan kode rahasia laporan.',
        done: 'Apa yang dapat Anda lakukan di halaman laporan:\n- Bila masalahnya sudah beres: konfirmasi selesai dan beri nilai 1 sampai 5.\n- Bila belum beres: buka kembali laporan dan jelaskan apa yang belum beres, dalam {{reopenDays}} hari kerja.\nBila Anda tidak menanggapi, laporan ditutup otomatis setelah {{autoCloseDays}} hari kerja.',
        closed:
          'Bila masalahnya muncul lagi, Anda dapat membuka kembali laporan dalam {{reopenDays}} hari kerja.',
      },
      linkLine: 'Lihat laporan: {{url}}',
      stopLine: 'Berhenti menerima pesan ini: {{stop}}',
    },
    follow: {
      button: 'Pantau laporan ini',
      intro: 'Dapatkan email setiap kali status laporan ini berubah.',
      signedInAs: 'Pesan dikirim ke email akun Anda.',
      email: 'Alamat email',
      emailHint: 'Kami mengirim tautan untuk mengonfirmasi alamat ini. Alamat tidak pernah ditampilkan.',
      title: 'Pantau laporan {{trackingNo}}',
      following: 'Anda memantau laporan ini. Setiap pesan berisi tautan untuk berhenti memantau.',
      confirmSent: 'Periksa email Anda: buka tautan yang kami kirim untuk mulai memantau.',
      areaLink: 'Pantau laporan baru di sekitar lokasi ini',
      areaTitle: 'Pantau laporan baru di sekitar suatu lokasi',
      areaIntro: 'Dapatkan email saat ada laporan baru di sekitar titik yang Anda pilih.',
      radius: 'Jarak dari titik',
      radiusOption: '{{radius}} meter',
      areaButton: 'Pantau daerah ini',
      areaFollowing: 'Anda memantau laporan baru di daerah ini.',
      confirmedTitle: 'Pemantauan dikonfirmasi',
      confirmedReport: 'Anda kini memantau laporan {{trackingNo}}.',
      confirmedArea: 'Anda kini memantau laporan baru dalam {{radius}} meter dari titik yang Anda pilih.',
      stoppedEarlier: 'Pemantauan ini sudah dihentikan.',
      stopTitle: 'Berhenti memantau',
      stopReport: 'Berhenti menerima pesan tentang laporan {{trackingNo}}?',
      stopArea:
        'Berhenti menerima pesan tentang laporan baru dalam {{radius}} meter dari titik yang Anda pilih?',
      stopButton: 'Berhenti memantau',
      stopped: 'Anda tidak akan menerima pesan ini lagi.',
      followAgain: 'Ingin memantau lagi? Buka halaman laporan.',
      mail: {
        confirmSubject: 'Konfirmasi pemantauan laporan di {{tenant}}',
        confirmBody:
          'Seseorang (semoga Anda) meminta agar alamat email ini menerima pesan tentang {{what}} di {{tenant}}.\n\nUntuk mulai menerima pesan, buka tautan ini:\n{{url}}\n\nBila Anda tidak memintanya, abaikan email ini: Anda tidak akan menerima pesan lain.',
        whatReport: 'laporan {{trackingNo}}',
        whatArea: 'laporan baru dalam {{radius}} meter dari suatu titik',
        alertSubject: '{{count}} laporan baru di sekitar Anda ({{tenant}})',
        alertIntro: 'Ada {{count}} laporan baru dalam {{radius}} meter dari titik yang Anda pantau:',
        alertItem: '{{trackingNo}}: {{description}}\n{{url}}',
      },
    },
  },
  en: {
    notice: {
      receiptSubject: 'We received your report: {{trackingNo}}',
      receiptBody:
        'Thank you. {{tenant}} received your report, tracking number {{trackingNo}}. The officers will check it, and we will tell you of every step.',
      receiptSecret:
        'You reported without an account: keep the secret code shown when the report was sent. You need it to add information, rate or reopen the report.',
      receiptSms: '{{tenant}}: your report was received, number {{trackingNo}}. Follow it at {{url}}',
      stepSubject: 'Report {{trackingNo}}: {{status}}',
      stepSms: 'Report {{trackingNo}}: {{status}}. See {{url}}',
      step: { reporter: stepReporterEn, follower: stepFollowerEn },
      noteLine: "The officers' note: {{note}}",
      next: {
        awaiting_info:
          'Add the information on the report’s page. If you reported without an account, have the report’s secret code ready.',
        done: 'What you can do on the report’s page:\n- If the problem is solved: confirm it and rate the follow-up from 1 to 5.\n- If it is not: reopen the report and say what is still wrong, within {{reopenDays}} working days.\nIf you do not answer, the report closes by itself after {{autoCloseDays}} working days.',
        closed: 'If the problem comes back, you can reopen the report within {{reopenDays}} working days.',
      },
      linkLine: 'See the report: {{url}}',
      stopLine: 'Stop these messages: {{stop}}',
    },
    follow: {
      button: 'Follow this report',
      intro: 'Get an email each time the status of this report changes.',
      signedInAs: 'Messages go to your account’s email.',
      email: 'Email address',
      emailHint: 'We send a link to confirm this address. It is never shown to anyone.',
      title: 'Follow report {{trackingNo}}',
      following: 'You follow this report. Every message has a link to stop following.',
      confirmSent: 'Check your email: open the link we sent to start following.',
      areaLink: 'Follow new reports near this place',
      areaTitle: 'Follow new reports near a place',
      areaIntro: 'Get an email when there are new reports near the point you choose.',
      radius: 'Distance from the point',
      radiusOption: '{{radius}} metres',
      areaButton: 'Follow this area',
      areaFollowing: 'You follow new reports in this area.',
      confirmedTitle: 'Following confirmed',
      confirmedReport: 'You now follow report {{trackingNo}}.',
      confirmedArea: 'You now follow new reports within {{radius}} metres of the point you chose.',
      stoppedEarlier: 'This was stopped already.',
      stopTitle: 'Stop following',
      stopReport: 'Stop getting messages about report {{trackingNo}}?',
      stopArea: 'Stop getting messages about new reports within {{radius}} metres of the point you chose?',
      stopButton: 'Stop following',
      stopped: 'You will not get these messages any more.',
      followAgain: 'Want to follow again? Open the report’s page.',
      mail: {
        confirmSubject: 'Confirm following reports in {{tenant}}',
        confirmBody:
          'Someone (we hope you) asked that this email address get messages about {{what}} in {{tenant}}.\n\nTo start getting them, open this link:\n{{url}}\n\nIf you did not ask for this, ignore this email: you will get no other message.',
        whatReport: 'report {{trackingNo}}',
        whatArea: 'new reports within {{radius}} metres of a point',
        alertSubject: '{{count}} new reports near you ({{tenant}})',
        alertIntro: 'There are {{count}} new reports within {{radius}} metres of the point you follow:',
        alertItem: '{{trackingNo}}: {{description}}\n{{url}}',
      },
    },
  },
};
