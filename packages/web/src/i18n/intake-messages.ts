/**
 * The texts of the intake pages (the public complaint form, the import), kept apart so the
 * main dictionary stays one file per area of the console; spread into messages.ts.
 */
export const intakeId = {
  'nav.complain': 'Sampaikan pengaduan',
  'nav.import': 'Impor register',
  'channel.web': 'Formulir daring',

  'complain.title': 'Sampaikan pengaduan',
  'complain.intro':
    'Pengaduan Anda diterima Asisten Deputi Pengaduan Masyarakat, Kementerian Sekretariat Negara, lalu diverifikasi sebelum diteruskan kepada instansi terkait.',
  'complain.anonymous': 'Kirim tanpa identitas (anonim)',
  'complain.anonymousHint':
    'Kami tidak dapat menghubungi Anda; ikuti perkembangan dengan kode lacak.',
  'complain.identityHidden': 'Rahasiakan identitas saya dari instansi yang diadukan',
  'complain.identityHiddenHint':
    'Instansi tidak melihat nama, NIK, dan kontak Anda. Perihal dan uraian diteruskan apa adanya: jangan tuliskan identitas Anda di sana.',
  'complain.confidential': 'Laporan rahasia',
  'complain.confidentialHint': 'Halaman lacak hanya menampilkan status, tanpa rincian.',
  'complain.you': 'Identitas Anda',
  'complain.what': 'Isi pengaduan',
  'complain.files': 'Lampiran (tidak wajib)',
  'complain.filesHint':
    'Foto atau pindaian bukti: paling banyak 3 berkas PDF, JPEG, atau PNG, seluruhnya tidak lebih dari 4 MB.',
  'complain.filesRule':
    'Lampiran harus berupa paling banyak 3 berkas PDF, JPEG, atau PNG, seluruhnya tidak lebih dari 4 MB.',
  'complain.filesUnreadable': 'Berkas tidak dapat dibaca. Pilih lagi berkasnya.',
  'complain.proof': 'Pemeriksaan anti-spam',
  'complain.proofHint':
    'Perangkat Anda mengerjakan hitungan singkat untuk membuktikan Anda bukan mesin pengirim spam; tidak ada data yang dikirim ke pihak lain.',
  'complain.proofMissing': 'Tunggu hingga pemeriksaan anti-spam selesai, lalu kirim lagi.',
  'complain.proofAgain':
    'Pemeriksaan anti-spam sudah kedaluwarsa dan sedang diulang; pengaduan Anda dikirim begitu selesai.',
  'complain.proofStuck':
    'Pemeriksaan anti-spam belum berhasil setelah beberapa kali diulang. Pastikan tanggal dan jam di perangkat Anda benar (atur otomatis), lalu centang lagi “Saya bukan robot” dan tekan “Kirim pengaduan”.',
  'complain.submit': 'Kirim pengaduan',
  'complain.receivedTitle': 'Pengaduan diterima',
  'complain.code': 'Kode lacak Anda',
  'complain.editsLeftOut':
    'Pengaduan Anda sudah diterima seperti saat pertama dikirim, sebelum sambungan terputus; perubahan yang Anda buat sesudahnya tidak ikut terkirim.',
  'complain.keepCode':
    'Simpan kode ini, dan jangan berikan kepada siapa pun: siapa yang memegangnya dapat melacak dan menanggapi pengaduan atas nama Anda. Kami tidak dapat mengirimkannya ulang.',
  'complain.copy': 'Salin kode',
  'complain.copied': 'Kode tersalin. Tempel di catatan yang Anda simpan.',
  'complain.receipt': 'Tanda terima',
  'complain.print': 'Cetak tanda terima',
  'complain.track': 'Lacak pengaduan ini',
  'complain.verifyBy': 'Diverifikasi paling lambat',
  'complain.keptInTab':
    'Di perangkat ini, tanda terima ini dapat dibuka lagi selama tab ini terbuka, juga sesudah Kembali atau muat ulang. Di komputer bersama, tutup tab ini sesudah kodenya Anda catat.',
  'complain.another': 'Kirim pengaduan lain',
  'complain.sentTitle': 'Pengaduan Anda sudah terkirim',
  'complain.sentBody':
    'Pengaduan “{subject}” sudah kami terima; jangan dikirim lagi agar tidak tercatat dua kali. Kode lacaknya ada pada tanda terima.',
  'complain.sentShow': 'Lihat tanda terima',

  'import.title': 'Impor register pengaduan',
  'import.intro':
    'Unggah register lama (XLSX atau CSV; judul register di atas judul kolom, seperti “BUKU AGENDA SURAT MASUK”, boleh tetap ada). Pilih kolom untuk setiap isian, periksa dengan uji coba, lalu impor. Baris yang sudah pernah diimpor (nomor surat, tanggal diterima dan nama pengadu yang sama, atau nomor rujukan yang sama) tidak digandakan.',
  'import.file': 'Berkas register',
  'import.column': 'Kolom',
  'import.none': '— tidak ada —',
  'import.externalSystem': 'Sistem asal nomor rujukan (mis. lapor)',
  'import.defaultChannel': 'Saluran untuk baris tanpa kolom saluran',
  'import.dryRun': 'Uji coba (tanpa menyimpan)',
  'import.run': 'Impor',
  'import.row': 'Baris',
  'import.rowKey': 'Nomor surat atau rujukan',
  'import.unnumbered': 'Surat tanpa nomor',
  'import.anonymous': 'Anonim',
  'import.openCase': 'Lihat pengaduan',
  'import.openCaseOfRow': 'Lihat pengaduan dari baris {row}',
  'import.outcome': 'Hasil',
  'import.outcome.ok': 'Siap diimpor',
  'import.outcome.created': 'Diimpor',
  'import.outcome.exists': 'Sudah ada',
  'import.outcome.error': 'Galat',
  'import.outcome.pending': 'Belum diproses',
  'import.pending':
    '{pending} baris belum diproses (waktu permintaan habis, atau penyimpanan sedang gagal). Tekan “Lanjutkan impor”: baris yang sudah diimpor tidak digandakan.',
  'import.continue': 'Lanjutkan impor',
  'import.summary': '{ok} siap, {created} diimpor, {exists} sudah ada, {error} galat',
  'import.onlyErrors': 'Tampilkan hanya baris galat ({error})',
  'import.field.receivedAt': 'Tanggal diterima',
  'import.field.subject': 'Perihal',
  'import.field.description': 'Uraian',
  'import.field.channel': 'Saluran',
  'import.field.complainant.name': 'Nama pengadu',
  'import.field.complainant.idNumber': 'NIK',
  'import.field.complainant.email': 'Surel',
  'import.field.complainant.phone': 'Telepon',
  'import.field.complainant.address': 'Alamat',
  'import.field.respondent': 'Terlapor',
  'import.field.location.province': 'Provinsi',
  'import.field.location.regency': 'Kabupaten/kota',
  'import.field.letterNumber': 'Nomor surat',
  'import.field.letterDate': 'Tanggal surat',
  'import.letterDateHint':
    'Tanggal yang tertulis pada surat. Bersama nomornya, surat masuk tercatat pada pengaduan (nomor, tanggal, dan pengirim: nama pengadu, atau Anonim): dapat dicari menurut nomornya dan dikutip dalam surat penerusan. Tanpa kolom ini, nomor surat hanya tercatat pada riwayat pengaduan.',
  'import.field.externalRef.id': 'Nomor rujukan (mis. LAPOR!)',
} as const;

export const intakeEn = {
  'nav.complain': 'Make a complaint',
  'nav.import': 'Import register',
  'channel.web': 'Online form',

  'complain.title': 'Make a complaint',
  'complain.intro':
    'Your complaint goes to the complaint unit of the Ministry of State Secretariat, which verifies it before forwarding it to the agency concerned.',
  'complain.anonymous': 'Send without identity (anonymous)',
  'complain.anonymousHint': 'We cannot contact you; follow it with the tracking code.',
  'complain.identityHidden': 'Hide my identity from the agency complained about',
  'complain.identityHiddenHint':
    'The agency will not see your name, ID number or contacts. The subject and description are passed on as written: do not put your identity there.',
  'complain.confidential': 'Confidential report',
  'complain.confidentialHint': 'The tracking page shows the status only, no details.',
  'complain.you': 'About you',
  'complain.what': 'Your complaint',
  'complain.files': 'Attachments (optional)',
  'complain.filesHint':
    'Photos or scans as evidence: up to 3 PDF, JPEG or PNG files, 4 MB together at most.',
  'complain.filesRule': 'Attachments must be at most 3 PDF, JPEG or PNG files, 4 MB together.',
  'complain.filesUnreadable': 'The file could not be read. Choose it again.',
  'complain.proof': 'Anti-spam check',
  'complain.proofHint':
    'Your device does a short computation to show it is not a spam robot; nothing is sent to anyone else.',
  'complain.proofMissing': 'Wait for the anti-spam check to finish, then send again.',
  'complain.proofAgain':
    'The anti-spam check had expired and is being done again; your complaint is sent as soon as it finishes.',
  'complain.proofStuck':
    'The anti-spam check did not succeed after several tries. Make sure your device’s date and time are right (set automatically), then tick “I’m not a robot” again and press “Send complaint”.',
  'complain.submit': 'Send complaint',
  'complain.receivedTitle': 'Complaint received',
  'complain.code': 'Your tracking code',
  'complain.editsLeftOut':
    'Your complaint was received as first sent, before the connection dropped; the changes you made after that were not sent.',
  'complain.keepCode':
    'Keep this code, and give it to no one: whoever holds it can follow and answer your complaint in your name. We cannot send it again.',
  'complain.copy': 'Copy the code',
  'complain.copied': 'Code copied. Paste it into a note you keep.',
  'complain.receipt': 'Receipt',
  'complain.print': 'Print the receipt',
  'complain.track': 'Follow this complaint',
  'complain.verifyBy': 'Verified by',
  'complain.keptInTab':
    'On this device, this receipt can be opened again while this tab stays open, after Back or a reload too. On a shared computer, close this tab once you have noted the code.',
  'complain.another': 'Send another complaint',
  'complain.sentTitle': 'Your complaint was sent',
  'complain.sentBody':
    'We have received the complaint “{subject}”; do not send it again, or it would be recorded twice. Its tracking code is on the receipt.',
  'complain.sentShow': 'Show the receipt',

  'import.title': 'Import a complaint register',
  'import.intro':
    'Upload the existing register (XLSX or CSV; title rows above the column titles, such as “BUKU AGENDA SURAT MASUK”, may stay). Choose the column for each field, check with a dry run, then import. Rows imported before (same letter number, date received and complainant name, or same reference) are not doubled.',
  'import.file': 'Register file',
  'import.column': 'Column',
  'import.none': '— none —',
  'import.externalSystem': 'System of the reference numbers (e.g. lapor)',
  'import.defaultChannel': 'Channel of rows without a channel column',
  'import.dryRun': 'Dry run (nothing saved)',
  'import.run': 'Import',
  'import.row': 'Row',
  'import.rowKey': 'Letter or reference number',
  'import.unnumbered': 'Letter without a number',
  'import.anonymous': 'Anonymous',
  'import.openCase': 'Open the complaint',
  'import.openCaseOfRow': 'Open the complaint of row {row}',
  'import.outcome': 'Outcome',
  'import.outcome.ok': 'Ready',
  'import.outcome.created': 'Imported',
  'import.outcome.exists': 'Already there',
  'import.outcome.error': 'Error',
  'import.outcome.pending': 'Not reached yet',
  'import.pending':
    '{pending} rows were not processed (the request’s time ran out, or saving failed for now). Press “Continue import”: rows already imported are not doubled.',
  'import.continue': 'Continue import',
  'import.summary': '{ok} ready, {created} imported, {exists} already there, {error} errors',
  'import.onlyErrors': 'Show only the rows with errors ({error})',
  'import.field.receivedAt': 'Date received',
  'import.field.subject': 'Subject',
  'import.field.description': 'Description',
  'import.field.channel': 'Channel',
  'import.field.complainant.name': 'Complainant name',
  'import.field.complainant.idNumber': 'ID number (NIK)',
  'import.field.complainant.email': 'Email',
  'import.field.complainant.phone': 'Phone',
  'import.field.complainant.address': 'Address',
  'import.field.respondent': 'Respondent',
  'import.field.location.province': 'Province',
  'import.field.location.regency': 'Regency/city',
  'import.field.letterNumber': 'Letter number',
  'import.field.letterDate': 'Letter date',
  'import.letterDateHint':
    'The date written on the letter. With its number, the incoming letter is kept on the complaint (number, date, and sender: the complainant’s name, or Anonim): it can be searched by its number and is cited in the forwarding letter. Without this column, the letter number is kept in the complaint’s history only.',
  'import.field.externalRef.id': 'Reference number (e.g. LAPOR!)',
} satisfies Record<keyof typeof intakeId, string>;
