/**
 * The console's texts about documents (issue 15): agenda numbers, the incoming letter,
 * attachments, letters as PDF, the walk-in receipt and the documents settings. Kept beside
 * messages.ts, which merges them, so the documents' texts live in one place.
 */
export const documentsId = {
  'nav.documents': 'Dokumen',

  'documents.agendaNumber': 'Nomor agenda',
  'documents.registered': 'Pengaduan tercatat dengan nomor agenda {number}.',
  'documents.registeredNoNumber': 'Pengaduan tercatat.',

  'letterIn.legend': 'Surat masuk',
  'letterIn.hint': 'Isi bila pengaduan datang sebagai surat: nomor, tanggal dan pengirimnya.',
  'letterIn.number': 'Nomor surat',
  'letterIn.date': 'Tanggal surat',
  'letterIn.sender': 'Pengirim',
  'letterIn.summary': '{number}, {date}, dari {sender}',

  'receipt.button': 'Cetak tanda terima (PDF)',
  'receipt.hint': 'Tanda terima pengaduan untuk pengadu: nomor agenda, kode lacak dan kode QR.',

  'attachments.title': 'Lampiran',
  'attachments.empty': 'Belum ada lampiran.',
  'attachments.case': 'Dokumen pengaduan',
  'attachments.response': 'Tanggapan {agency}',
  'attachments.activity': 'Laporan kegiatan: {kind}',
  'attachments.activityEarlier': 'Laporan kegiatan',
  'attachments.name': 'Berkas',
  'attachments.size': 'Ukuran',
  'attachments.uploadedBy': 'Diunggah oleh',
  'attachments.kind.mail': 'Surel asli',
  'attachments.kind.followUpMail': 'Surel lanjutan',
  'attachments.kind.unknown': 'Jenis belum diketahui',
  'attachments.kind.other': 'Jenis lain',
  'attachments.visibility': 'Dapat dilihat',
  'attachments.download': 'Unduh',
  'attachments.downloadName': 'Unduh {name}',
  'attachments.upload': 'Unggah lampiran',
  'attachments.file': 'Berkas (PDF, JPEG, PNG atau DOCX, paling besar 20 MB)',
  'attachments.attachTo': 'Lampirkan pada',
  'attachments.visibilityDefault': 'Bawaan (lihat keterangan)',
  'attachments.visibilityHint':
    'Bawaan: untuk instansi, kecuali dokumen pengaduan yang identitas pengadunya dirahasiakan dan laporan kegiatan, yang hanya untuk pusat. Instansi terkait: untuk dokumen pengaduan, instansi tujuan; untuk tanggapan, instansi yang menanggapi; untuk laporan kegiatan, hanya instansi yang ikut dalam kegiatan itu.',
  'attachments.changeVisibility': 'Ubah visibilitas {name}',
  'attachments.submit': 'Unggah',
  'attachments.uploaded': 'Lampiran {name} tersimpan.',
  'attachments.refusedFile': 'Lampiran {name} ditolak: {why}',
  'attachments.tooLarge': 'Berkas lebih dari 20 MB.',
  'attachments.chooseFile': 'Pilih berkas terlebih dahulu.',
  'attachmentStatus.uploading': 'Sedang diunggah',
  'attachmentStatus.available': 'Tersedia',
  'attachmentStatus.refused': 'Ditolak',
  'attachments.refusedWhy':
    'isinya bukan PDF, JPEG, PNG, atau Word (DOCX); jenis berkas dibaca dari isinya, bukan dari namanya.',
  'attachments.scanRefusedWhy':
    'tidak lolos pemeriksaan antivirus; unggah ulang salinan yang bersih.',
  'attachments.mailCentralOnly':
    'Surel asli selalu hanya untuk pusat: memuat identitas dan alamat surel pengadu, juga bila identitasnya dirahasiakan.',
  'attachments.followUpMailCentralOnly':
    'Surel lanjutan selalu hanya untuk pusat: memuat identitas dan alamat surel pengadu, juga bila identitasnya dirahasiakan.',
  'visibility.central': 'Hanya pusat',
  'visibility.agencies': 'Instansi terkait',

  'step.forwarding': 'Surat penerusan',
  'step.invitation': 'Surat undangan',
  'step.invitation_moved': 'Perubahan jadwal',
  'step.invitation_cancelled': 'Pembatalan undangan',
  'event.forwarding_letter': 'Surat penerusan ditulis',
  'event.invitation_letter': 'Surat kegiatan ditulis',
  'caseLetters.title': 'Surat',
  'caseLetters.number': 'Nomor',
  'caseLetters.oldestFirst': 'Terlama di atas.',
  'letterPdf.button': 'Unduh PDF',
  'letterPdf.label': 'Unduh PDF surat {name}',

  'documentSettings.title': 'Pengaturan dokumen',
  'documentSettings.numbering': 'Penomoran',
  'documentSettings.agendaPattern': 'Pola nomor agenda',
  'documentSettings.letterPattern': 'Pola nomor surat',
  'documentSettings.patternHint':
    'Wajib memuat {seq} dan {year}, serta huruf atau {month-roman}; boleh memakai {month}. Nomor yang sudah diberikan tidak berubah.',
  'documentSettings.letterhead': 'Kop surat',
  'documentSettings.ministry': 'Kementerian',
  'documentSettings.unit': 'Unit kerja',
  'documentSettings.address': 'Alamat',
  'documentSettings.city': 'Kota (tempat surat ditandatangani)',
  'documentSettings.phone': 'Telepon (dicetak di kop surat dan disebut dalam surat intervensi)',
  'documentSettings.email':
    'Pos-el (dicetak di kop surat, disebut dalam surat intervensi, dan menerima balasan atas surel surat)',
  'documentSettings.signatory': 'Penanda tangan',
  'documentSettings.signatoryName': 'Nama',
  'documentSettings.position': 'Jabatan',
  'documentSettings.nip': 'NIP',
  'documentSettings.tembusan': 'Tembusan (satu per baris)',
  'documentSettings.submit': 'Simpan pengaturan',
  'documentSettings.savedSince':
    'Admin lain telah menyimpan pengaturan dokumen sementara Anda mengubahnya, jadi perubahan Anda tidak disimpan. Muat versi terbarunya, lalu ubah lagi.',
} as const;

export type DocumentsMessageKey = keyof typeof documentsId;

export const documentsEn = {
  'nav.documents': 'Documents',

  'documents.agendaNumber': 'Agenda number',
  'documents.registered': 'Complaint registered under agenda number {number}.',
  'documents.registeredNoNumber': 'Complaint registered.',

  'letterIn.legend': 'Incoming letter',
  'letterIn.hint': 'Fill in when the complaint came as a letter: its number, date and sender.',
  'letterIn.number': 'Letter number',
  'letterIn.date': 'Letter date',
  'letterIn.sender': 'Sender',
  'letterIn.summary': '{number}, {date}, from {sender}',

  'receipt.button': 'Print the receipt (PDF)',
  'receipt.hint': 'The complainant’s receipt: agenda number, tracking code and a QR code.',

  'attachments.title': 'Attachments',
  'attachments.empty': 'No attachments yet.',
  'attachments.case': 'Complaint documents',
  'attachments.response': 'Responses of {agency}',
  'attachments.activity': 'Activity report: {kind}',
  'attachments.activityEarlier': 'Activity report',
  'attachments.name': 'File',
  'attachments.size': 'Size',
  'attachments.uploadedBy': 'Uploaded by',
  'attachments.kind.mail': 'Original e-mail',
  'attachments.kind.followUpMail': 'Follow-up e-mail',
  'attachments.kind.unknown': 'Type not yet known',
  'attachments.kind.other': 'Another type',
  'attachments.visibility': 'Visible to',
  'attachments.download': 'Download',
  'attachments.downloadName': 'Download {name}',
  'attachments.upload': 'Upload an attachment',
  'attachments.file': 'File (PDF, JPEG, PNG or DOCX, at most 20 MB)',
  'attachments.attachTo': 'Attach to',
  'attachments.visibilityDefault': 'Default (see below)',
  'attachments.visibilityHint':
    'Default: the agencies, except complaint documents of a case whose complainant is hidden and activity reports, which stay with central. The agencies concerned: for complaint documents, those the case is forwarded to; for a response, the agency that answered; for an activity report, only those the activity was held with.',
  'attachments.changeVisibility': 'Change who sees {name}',
  'attachments.submit': 'Upload',
  'attachments.uploaded': 'Attachment {name} saved.',
  'attachments.refusedFile': 'Attachment {name} was refused: {why}',
  'attachments.tooLarge': 'The file is larger than 20 MB.',
  'attachments.chooseFile': 'Choose a file first.',
  'attachmentStatus.uploading': 'Uploading',
  'attachmentStatus.available': 'Available',
  'attachmentStatus.refused': 'Refused',
  'attachments.refusedWhy':
    'its content is not PDF, JPEG, PNG or Word (DOCX); the type is read from the content, not the name.',
  'attachments.scanRefusedWhy': 'it did not pass the virus check; upload a clean copy again.',
  'attachments.mailCentralOnly':
    'The original e-mail is always central only: it shows who complained and their address, even when the identity is hidden.',
  'attachments.followUpMailCentralOnly':
    'A follow-up e-mail is always central only: it shows who complained and their address, even when the identity is hidden.',
  'visibility.central': 'Central only',
  'visibility.agencies': 'The agencies concerned',

  'step.forwarding': 'Forwarding letter',
  'step.invitation': 'Invitation letter',
  'step.invitation_moved': 'Rescheduling letter',
  'step.invitation_cancelled': 'Cancellation of invitation',
  'event.forwarding_letter': 'Forwarding letter written',
  'event.invitation_letter': 'Activity letter written',
  'caseLetters.title': 'Letters',
  'caseLetters.number': 'Number',
  'caseLetters.oldestFirst': 'Oldest first.',
  'letterPdf.button': 'Download PDF',
  'letterPdf.label': 'Download PDF of letter {name}',

  'documentSettings.title': 'Document settings',
  'documentSettings.numbering': 'Numbering',
  'documentSettings.agendaPattern': 'Agenda number pattern',
  'documentSettings.letterPattern': 'Letter number pattern',
  'documentSettings.patternHint':
    'Must contain {seq} and {year}, and a letter or {month-roman}; may use {month}. Numbers already given stay.',
  'documentSettings.letterhead': 'Letterhead',
  'documentSettings.ministry': 'Ministry',
  'documentSettings.unit': 'Unit',
  'documentSettings.address': 'Address',
  'documentSettings.city': 'City (where letters are signed)',
  'documentSettings.phone':
    'Telephone (printed on the letterhead and named in intervention letters)',
  'documentSettings.email':
    'E-mail (printed on the letterhead, named in intervention letters, and where answers to letters’ e-mails go)',
  'documentSettings.signatory': 'Signatory',
  'documentSettings.signatoryName': 'Name',
  'documentSettings.position': 'Position',
  'documentSettings.nip': 'NIP',
  'documentSettings.tembusan': 'Copies (tembusan), one per line',
  'documentSettings.submit': 'Save settings',
  'documentSettings.savedSince':
    'Another admin saved the document settings while you were editing them, so your changes were not saved. Load the latest version, then make them again.',
} satisfies Record<DocumentsMessageKey, string>;
