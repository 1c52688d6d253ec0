/**
 * Every text the console shows. Indonesian first (the users' language); English for the same
 * keys — `satisfies` makes a missing English text a compile error.
 */
import { intakeEn, intakeId } from './intake-messages';
import { documentsEn, documentsId, type DocumentsMessageKey } from './documents-messages';

const id = {
  'nav.label': 'Navigasi utama',
  'nav.skip': 'Lewati ke konten',
  'nav.language': 'Bahasa',
  'nav.signOut': 'Keluar',
  'nav.track': 'Lacak pengaduan',
  'nav.queue': 'Antrean',
  'nav.letters': 'Surat',
  'nav.desk': 'Meja kerja',
  'nav.cases': 'Pengaduan',
  'nav.worklist': 'Penugasan',
  'worklist.title': 'Penugasan instansi',
  // The desk's lists the worklist opens on (its cards' "Lihat semua"), said as what it holds.
  'worklist.listNewlyOverdue': 'Lewat tenggat sejak hari kerja sebelumnya.',
  'worklist.listNewlyOverdueOn': 'Lewat tenggat {target} sejak hari kerja sebelumnya.',
  'worklist.listDueWithin': 'Tenggat dalam {n} hari kerja, belum lewat.',
  'worklist.listAwaitingReforward': 'Bukan kewenangan, menunggu penerusan ulang.',
  'worklist.clearList': 'Tampilkan semua penugasan',
  // The list as filtered, every page, as a file central sends to agencies.
  'worklist.xlsx': 'Unduh Excel',
  'worklist.csv': 'Unduh CSV',
  'worklist.tooLarge':
    'Daftar ini memuat terlalu banyak penugasan untuk satu berkas. Saring per instansi atau per status, lalu unduh lagi.',
  'nav.stats': 'Statistik',
  'nav.agencies': 'Instansi',
  'nav.calendar': 'Kalender',
  'nav.policies': 'Kebijakan SLA',

  'common.loading': 'Memuat…',
  'common.loadMore': 'Muat lebih banyak',
  'common.working': 'Memproses…',
  'common.empty': 'Tidak ada data.',
  'common.none': 'Tidak ada.',
  'common.saved': 'Tersimpan.',
  'common.reloadLatest': 'Muat versi terbaru',
  'common.technicalDetail': 'Rincian teknis (untuk operator)',
  'common.notFound': 'Halaman tidak ditemukan.',

  'problem.network':
    'Tidak dapat menghubungi server. Periksa koneksi lalu coba lagi; isian Anda tetap tersimpan di formulir.',
  'problem.requestId': 'ID permintaan',
  'problem.validation_failed': 'Ada isian yang belum benar: lihat keterangan di setiap isian.',
  'problem.fieldsListed': 'Ada isian yang belum benar:',
  'problem.unauthorized': 'Sesi Anda berakhir. Silakan masuk kembali.',
  'problem.forbidden': 'Anda tidak berwenang melakukan tindakan ini.',
  'problem.not_found': 'Data yang dicari tidak ditemukan, atau bukan milik instansi Anda.',
  'problem.already_exists': 'Data ini sudah ada, atau permintaan serupa masih menunggu keputusan.',
  'problem.precondition_failed':
    'Data ini baru saja ditambahkan orang lain, jadi isian Anda belum disimpan. Muat ulang halaman untuk melihatnya, lalu putuskan apakah tetap ingin menggantinya.',
  'problem.invalid_transition':
    'Tindakan ini tidak dapat dilakukan pada status pengaduan sekarang. Muat ulang halaman untuk melihat statusnya.',
  'problem.version_conflict':
    'Data ini baru saja diubah orang lain. Muat ulang halaman, lalu coba lagi.',
  'problem.idempotency_key_reused':
    'Permintaan ini sudah pernah diterima dengan isi lain, jadi mungkin sudah tersimpan. Periksa dulu, misalnya cari pengaduannya di daftar, sebelum mengirim lagi agar tidak tercatat dua kali.',
  'problem.limit_exceeded':
    'Batas tercapai: isian terlalu banyak atau terlalu panjang untuk disimpan. Kurangi, lalu coba lagi.',
  'problem.limit.pauses':
    'Tenggat penugasan ini sudah 50 kali dihentikan sementara, batas untuk satu penerusan. Bila perlu waktu lagi, ajukan perpanjangan.',
  'problem.limit.extension_requests':
    'Penugasan ini sudah 20 kali meminta perpanjangan, batas untuk satu penerusan. Hubungi Asdep Pengaduan Masyarakat.',
  'problem.limit.attachments':
    'Pengaduan ini sudah memuat lampiran sebanyak batasnya (30 berkas), jadi berkas ini tidak dapat ditambahkan; lampiran yang sudah tersimpan tidak dapat dikeluarkan. Bila dokumen ini tetap perlu disampaikan, hubungi Asdep Pengaduan Masyarakat. Agar tidak terulang, gabungkan beberapa dokumen menjadi satu PDF sebelum mengunggah.',
  'problem.limit.import_rows':
    'Register ini memuat lebih dari 500 baris, batas sekali impor. Bagi menjadi beberapa berkas, paling banyak 500 baris per berkas, lalu impor satu per satu.',
  'problem.limit.open_activities':
    'Pengaduan ini sudah memuat 50 kegiatan pemantauan yang belum selesai, batas untuk satu pengaduan. Laporkan kegiatan yang sudah dilaksanakan atau batalkan yang tidak diperlukan, lalu coba lagi.',
  'problem.service_unavailable':
    'Layanan sedang sibuk. Coba lagi sebentar lagi; isian Anda tetap tersimpan di formulir.',
  // A download the malware scan has not cleared (409 scan_pending, 422 scan_refused).
  'problem.scan_pending': 'Berkas masih diperiksa antivirus; coba unduh lagi dalam satu–dua menit.',
  'problem.scan_refused':
    'Berkas ini tidak lolos pemeriksaan antivirus dan tidak dapat diunduh; unggah ulang salinan yang bersih.',
  // The public pages' own words (`problemSentence(…, 'public')`), where the officers' would
  // send a complainant to their agency, a list or an admin they do not have.
  'publicProblem.not_found':
    'Kode lacak tidak ditemukan. Periksa kembali kode pada tanda terima Anda, lalu coba lagi.',
  'publicProblem.idempotency_key_reused':
    'Pengaduan ini sudah pernah terkirim dan sudah kami terima, jadi jangan kirim lagi agar tidak tercatat dua kali. Tanda terimanya tidak dapat ditampilkan ulang di sini, tetapi pengaduan Anda tetap akan diverifikasi.',
  'publicProblem.internal_error':
    'Layanan pengaduan sedang mengalami gangguan. Coba lagi dalam beberapa menit; yang sudah Anda ketik tetap ada di halaman ini.',
  'publicProblem.http_error':
    'Permintaan ini tidak dapat diproses sekarang. Coba lagi dalam beberapa menit tanpa memuat ulang halaman; yang sudah Anda ketik tetap ada di halaman ini.',

  'signIn.title': 'Masuk',
  'signIn.local': 'Runtime lokal: pilih pengguna demo.',
  'signIn.cognito': 'Masuk dengan akun yang diberikan administrator Asdep Dumas.',
  'signIn.button': 'Masuk',

  'role.central_admin': 'Admin pusat',
  'role.central_officer': 'Petugas pusat',
  'role.agency_coordinator': 'Koordinator instansi',
  'role.agency_officer': 'Petugas instansi',
  'zone.Asia/Jakarta': 'WIB',
  'zone.Asia/Makassar': 'WITA',
  'zone.Asia/Jayapura': 'WIT',
  'zoneOffset.Asia/Jakarta': 'WIB (UTC+7)',
  'zoneOffset.Asia/Makassar': 'WITA (UTC+8)',
  'zoneOffset.Asia/Jayapura': 'WIT (UTC+9)',

  'status.received': 'Diterima',
  'status.needs_info': 'Perlu kelengkapan',
  'status.verified': 'Terverifikasi',
  'status.rejected': 'Ditolak',
  'status.forwarded': 'Diteruskan',
  'status.in_follow_up': 'Ditindaklanjuti',
  'status.resolved': 'Selesai',
  'status.reopened': 'Dibuka kembali',
  'status.closed': 'Ditutup',
  'state.pending': 'Menunggu',
  'state.acknowledged': 'Diterima instansi',
  'state.responded': 'Ditanggapi',
  'state.completed': 'Tuntas',
  'state.redirected': 'Bukan kewenangan',
  'state.withdrawn': 'Ditarik',
  'channel.letter': 'Surat',
  'channel.email': 'Surel',
  'channel.walk_in': 'Datang langsung',
  'channel.lapor': 'SP4N-LAPOR!',
  'channel.social_media': 'Media sosial',
  'channel.other': 'Lainnya',
  'target.acknowledge': 'Konfirmasi penerimaan',
  'target.followUp': 'Tindak lanjut',
  'target.resolution': 'Penyelesaian',
  'target.reply_window': 'Masa tanggapan pengadu',
  'target.verification': 'Verifikasi dan penerusan',
  'type.light': 'Ringan',
  'type.normative': 'Normatif',
  'type.examination': 'Pemeriksaan',
  'outcome.resolved': 'Terselesaikan',
  'outcome.unresolved': 'Tidak terselesaikan',
  'outcome.withdrawn': 'Dicabut',
  'decision.accept': 'Terima',
  'decision.needs_info': 'Minta kelengkapan',
  'decision.reject': 'Tolak',
  'responseKind.progress': 'Perkembangan',
  'responseKind.final': 'Tindak lanjut akhir',
  'level.1': 'Surat pengingat I',
  'level.2': 'Surat pengingat II',
  'level.3': 'Surat penegasan',
  'level.4': 'Intervensi pusat',
  'level.other': 'Tingkat {n}',
  'step.warning': 'Peringatan dini',
  'step.reminder_1': 'Surat pengingat I',
  'step.reminder_2': 'Surat pengingat II',
  'step.reminderNumbered': 'Surat pengingat {n}',
  'step.formal_warning': 'Surat penegasan',
  'step.central_intervention': 'Intervensi pusat',
  'action.warning': 'Peringatan',
  'action.reminder': 'Pengingat',
  'action.formal_warning': 'Penegasan',
  'action.central_intervention': 'Intervensi pusat',
  'party.agency': 'Penghubung instansi',
  'party.agency_head': 'Pimpinan instansi',
  'party.focal_point': 'Penghubung instansi koordinator',
  'party.central': 'Pusat',
  'relativeTo.due': 'dari tenggat',
  'relativeTo.previous': 'dari langkah sebelumnya',
  'clock.fresh': 'Mulai baru saat diteruskan ulang',
  'clock.inherit': 'Mewarisi tanggal penerusan pertama',
  'activity.initial_evaluation': 'Evaluasi awal',
  'activity.clarification': 'Klarifikasi',
  'activity.confirmation': 'Konfirmasi',
  'activity.coordination': 'Koordinasi',
  'activity.mediation': 'Mediasi',
  'activity.investigation': 'Investigasi',
  'activity.case_conference': 'Gelar kasus',
  'activityStatus.proposed': 'Diusulkan',
  'activityStatus.planned': 'Direncanakan',
  'activityStatus.done': 'Selesai',
  'activityStatus.cancelled': 'Dibatalkan',
  'letterStatus.pending': 'Antre',
  'letterStatus.sent': 'Terkirim',
  'letterStatus.failed': 'Gagal',
  'letterStatus.cancelled': 'Tidak dikirim',
  'letterVoid.ended': 'penugasannya sudah berakhir',
  'letterVoid.paused': 'tenggatnya sedang dihentikan sementara',
  'letterVoid.targets_met': 'target yang disebut sudah dipenuhi',
  'letterVoid.not_overdue': 'tenggatnya sudah diperpanjang',
  'letterVoid.deadline_passed': 'tenggat yang diperingatkan sudah lewat',
  'letterVoid.deadline_moved': 'tenggat yang diperingatkan sudah berubah',
  'letters.cancelled': 'tidak berlaku lagi saat jam kirim tiba:',
  'agencyKind.ministry': 'Kementerian',
  'agencyKind.agency': 'Lembaga',
  'agencyKind.local_government': 'Pemerintah daerah',
  'agencyKind.soe': 'BUMN',
  'agencyKind.other': 'Lainnya',
  'dayKind.national_holiday': 'Libur nasional',
  'dayKind.collective_leave': 'Cuti bersama',
  'dayKind.other': 'Lainnya',
  'event.case_registered': 'Pengaduan dicatat',
  'event.case_verified': 'Diverifikasi',
  'event.case_rejected': 'Ditolak',
  'event.case_needs_info': 'Diminta kelengkapan',
  'event.case_restated': 'Dirumuskan ulang untuk instansi',
  'event.case_status_changed': 'Status berubah',
  'event.case_closed': 'Ditutup',
  'event.assignment_forwarded': 'Diteruskan ke instansi',
  'event.assignment_acknowledged': 'Diterima instansi',
  'event.response_submitted': 'Tanggapan instansi',
  'event.assignment_redirected': 'Bukan kewenangan instansi',
  'event.assignment_withdrawn': 'Penerusan ditarik',
  'event.escalation_step': 'Langkah eskalasi',
  'event.escalation_skipped': 'Langkah eskalasi dilewati',
  'skipReason.target_met': 'karena sudah dipenuhi',
  'skipReason.deadline_passed': 'karena tenggatnya sudah lewat',
  'skipReason.caught_up': 'karena instansi sudah menyusul',
  'skipReason.ended': 'karena penugasan sudah berakhir',
  'event.extension_requested': 'Permintaan perpanjangan',
  'event.extension_approved': 'Perpanjangan disetujui',
  'event.extension_refused': 'Perpanjangan ditolak',
  'event.assignment_paused': 'Tenggat dihentikan sementara',
  'event.assignment_resumed': 'Tenggat dilanjutkan',
  'event.deadlines_recomputed': 'Tenggat dihitung ulang',
  'event.activity_planned': 'Kegiatan direncanakan',
  'event.activity_proposed': 'Kegiatan diusulkan',
  'event.activity_reported': 'Kegiatan dilaporkan',
  'event.activity_cancelled': 'Kegiatan dibatalkan',
  'event.activity_scheduled': 'Kegiatan dijadwalkan',
  'event.complainant_replied': 'Tanggapan pengadu',
  'event.assignment_delegated': 'Didelegasikan',
  'event.reply_window_ended': 'Masa tanggapan berakhir',
  'event.redirect_settled': 'Tidak perlu diteruskan ulang',
  'event.letter_resent': 'Surat dikirim ulang',
  'event.letter_dismissed': 'Surat gagal ditandai sudah ditangani',
  'event.attachment_visibility_changed': 'Akses lampiran diubah',
  'actor.escalation': 'Sistem eskalasi',
  'actor.complainant': 'Pengadu',

  'deadline.met': 'Tepat waktu',
  'deadline.met_late': 'Terlambat',
  'deadline.overdue': 'Lewat tenggat',
  'deadline.due_soon': 'Segera',
  'deadline.open': 'Berjalan',

  'filters.label': 'Saring',
  'filters.state': 'Status penugasan',
  'filters.status': 'Status',
  'filters.all': 'Semua',
  'filters.any': 'Tidak disaring',
  'filters.overdueTarget': 'Lewat tenggat pada',
  'filters.overdueOnly': 'Hanya yang lewat tenggat',
  'filters.members': 'Termasuk unit anggota',
  'filters.heldBy': 'Dipegang unit',
  'filters.heldByNone': 'Belum didelegasikan',
  'filters.apply': 'Terapkan',
  'filters.labelActive': 'Saring ({n} aktif)',

  'queue.title': 'Antrean pengaduan',
  'queue.case': 'Pengaduan',
  'queue.agency': 'Instansi',
  'queue.state': 'Status',
  'queue.next': 'Tenggat berikutnya',
  'queue.level': 'Eskalasi',

  'case.received': 'diterima',
  'case.trackingCode': 'Kode lacak',
  'case.confidential': 'Rahasia',
  'case.complaint': 'Pengaduan',
  'case.agencyDescription': 'Uraian untuk instansi (dirumuskan pusat)',
  'case.rejection': 'Alasan penolakan untuk pengadu',
  'case.rejectionNoReason': '(tidak dituliskan)',
  'case.complainant': 'Pengadu',
  'case.identityHidden': 'Identitas pengadu dirahasiakan',
  'case.identityPartEnded':
    'Identitas pengadu tidak ditampilkan lagi: bagian instansi Anda dalam pengaduan ini sudah berakhir.',
  'case.identityHiddenFromAgencies': 'dirahasiakan dari instansi',
  'case.respondent': 'Pihak teradu',
  'case.location': 'Lokasi',
  'case.type': 'Jenis pengaduan',
  'case.verificationDue': 'Batas verifikasi dan penerusan',
  'case.legalLimit': 'Batas akhir penyelesaian menurut peraturan',
  'case.legalLimitPassed': 'Lewat batas peraturan',
  'case.legalLimitHint':
    'Dalam hari kalender sejak berkas pengaduan lengkap (Perpres 76/2013: 60 hari), terpisah dari tenggat hari kerja tiap instansi.',
  'case.replyWindow': 'Batas tanggapan pengadu',
  'case.replyWindowHint':
    'Pengadu dapat menilai jawaban akhir sampai saat itu; bila tidak menanggapi, kasus ditutup otomatis sebagai selesai.',
  'case.verificationStopped':
    'Berhenti sementara: menunggu kelengkapan dari pengadu. Dihitung lagi sejak pengaduan diterima setelah dilengkapi.',
  'case.closure': 'Penutupan',
  'case.closedSatisfied': 'Pengadu menyatakan puas atas jawaban instansi.',
  'case.closedUnanswered':
    'Pengadu tidak menanggapi sampai batas tanggapannya berakhir; ditutup otomatis.',
  'case.infoRequest': 'Diminta kepada pengadu',
  'case.timeline': 'Riwayat',
  'case.timelineNewestFirst': 'Terbaru di atas.',

  'activities.title': 'Kegiatan pemantauan',
  'activities.order':
    'Yang belum dilaksanakan atau belum dilaporkan lebih dulu, yang terdekat di atas; lalu yang sudah selesai atau dibatalkan, terbaru di atas.',
  'activities.earlier':
    'Kegiatan yang lebih lama, yang sudah selesai atau dibatalkan, tidak ditampilkan di sini: tercatat di Riwayat.',
  'activities.unscheduled': 'Belum dijadwalkan',
  'comingActivities.title': 'Kegiatan yang akan datang',
  'comingActivities.for': 'untuk {agency}',
  'activities.report': 'Laporan pelaksanaan',
  'activities.cancellation': 'Alasan pembatalan',

  'assignment.title': 'Penugasan: {agency}',
  'assignment.ours': 'Penugasan kami:',
  'assignment.oursOf': 'Penugasan {agency}:',
  // An agency's answers beside its assignment (components/agency-answers.tsx).
  'answers.show': 'Jawaban {agency}',
  'answers.none': 'Belum ada jawaban dari instansi ini.',
  'answers.answer': 'Jawaban',
  'assignment.instructions': 'Arahan dari pusat',
  'assignment.redirected': 'Dinyatakan bukan kewenangan: {reason}',
  'assignment.paused': 'Dihentikan sementara',

  'deadlines.inherited':
    'Tenggat dihitung sejak {from}, penerusan pertama pengaduan ini, bukan sejak penerusannya kepada instansi ini ({forwarded}): pengaduan diteruskan ulang setelah instansi lain menyatakan bukan kewenangannya.',
  'deadlines.inheritedFrom':
    'Tenggat dihitung sejak {from}, saat pengaduan ini diteruskan kepada {agency}, bukan sejak penerusannya kepada instansi ini ({forwarded}): {agency} menyatakan bukan kewenangannya.',
  'deadlines.title': 'Tenggat',
  'deadlines.zone': 'Waktu {zone}; dihitung dalam hari kerja.',
  'deadlines.metAt': 'dipenuhi',
  'deadlines.daysLeft': 'tinggal {days} hari kerja lagi',
  'deadlines.lastDay': 'hari ini hari kerja terakhir',
  'deadlines.daysLate': 'terlambat {days} hari kerja',
  'deadlines.how': 'Bagaimana dihitung',
  'deadlines.countedFrom': 'Dihitung sejak',
  'deadlines.workingDays': '{days} hari kerja (kebijakan: {policy})',
  'deadlines.extension': 'Perpanjangan +{days} hari kerja',
  'deadlines.pause': 'Dihentikan sementara +{days} hari kerja',
  'deadlines.lastWorkingDay': 'Hari kerja terakhir:',
  'deadlines.skipped': 'Hari libur yang dilewati:',
  'deadlines.noHolidays': 'Tidak ada hari libur dalam rentang ini.',
  'deadlines.paused': 'Dihentikan',
  'deadlines.stillPaused': 'masih dihentikan',
  'deadlines.uncovered': 'Kalender libur tahun {years} belum diisi: tenggat bisa bergeser.',
  'ladder.title': 'Tahapan eskalasi',
  'ladder.taken': 'Sudah dilakukan',
  'ladder.toCome': 'Akan datang',
  'ladder.folded': 'Tahapan eskalasi ({count})',

  'actions.acknowledge': 'Konfirmasi penerimaan',
  'actions.respond': 'Kirim tanggapan',
  'actions.responseKind': 'Jenis tanggapan',
  'actions.message': 'Isi tanggapan',
  'actions.send': 'Kirim',
  'actions.save': 'Simpan',
  'actions.decisionNote': 'Catatan untuk instansi',
  'actions.decisionNoteHint':
    'Instansi membacanya di riwayat pengaduan bersama keputusan ini, misalnya apa yang perlu dilampirkan.',
  'actions.redirect': 'Bukan kewenangan kami',
  'actions.reason': 'Alasan',
  'actions.suggestedAgency': 'Instansi yang berwenang',
  'actions.suggestedAgencyHint': 'Bila diketahui: ketik sebagian namanya, lalu pilih.',
  'actions.extension': 'Minta perpanjangan waktu',
  'actions.workingDays': 'Tambahan hari kerja',
  'actions.decideExtension': 'Permintaan perpanjangan {days} hari kerja: {reason}',
  'actions.decision': 'Keputusan',
  'actions.decide': 'Putuskan',
  'actions.approve': 'Setujui',
  'actions.refuse': 'Tolak',
  'actions.note': 'Catatan',
  'actions.pause': 'Hentikan tenggat sementara',
  'actions.pauseReason': 'Alasan (misalnya menunggu data dari pengadu)',
  'actions.pauseAsk': 'Yang diminta dari pengadu (jika menunggu pengadu)',
  'actions.pauseAskHint':
    'Ditampilkan kepada pengadu di halaman lacak atas nama instansi Anda, dengan alamat Asdep Pengaduan Masyarakat untuk mengirimkannya, selama tenggat dihentikan. Alasan di atas tidak ditampilkan. Laporan rahasia tidak menampilkannya: mintalah melalui Asdep.',
  'actions.reforwardedSince':
    'Instansi Anda baru saja menerima penerusan baru pengaduan ini dari pusat, dengan instruksi yang mungkin berbeda. Isian Anda belum dikirim dan tetap di formulir: muat versi terbaru, baca instruksinya, lalu kirim lagi.',
  'actions.withdraw': 'Tarik penugasan',
  'actions.withdrawReason': 'Alasan penarikan',
  'actions.withdrawHint':
    'Untuk penerusan yang keliru, atau instansi yang dibubarkan: penugasannya berakhir, pengingatnya berhenti, dan alasannya tercatat di riwayat. Teruskan lagi ke instansi yang tepat bila perlu.',
  'actions.withdrawLast':
    'Ini satu-satunya instansi pada pengaduan ini: setelah ditarik, pengaduan kembali ke daftar “perlu diteruskan”.',
  'actions.resume': 'Lanjutkan tenggat',

  'caseActions.title': 'Tindakan pusat',
  'caseActions.verify': 'Verifikasi dan klasifikasi',
  'caseActions.decision': 'Keputusan verifikasi',
  'caseActions.typeHint': 'Wajib bila diterima.',
  'caseActions.category': 'Kategori',
  'caseActions.subject': 'Perihal (dirumuskan ulang)',
  'caseActions.subjectHint':
    'Instansi melihat perihal ini: rumuskan ulang bila perlu, misalnya tanpa nama pengadu. Dikirim hanya bila diubah.',
  'caseActions.settleRedirect': 'Tidak perlu diteruskan ulang: {agency}',
  'caseActions.settleRedirectHint':
    'Instansi ini menyatakan bukan kewenangannya. Bila instansi lain yang menangani sudah cukup, pengaduan tidak perlu diteruskan ulang: pengaduan selesai setelah jawaban akhir mereka, dan pengadu dapat menanggapinya.',
  'caseActions.settleRedirectAlone':
    'Tidak ada instansi lain pada pengaduan ini: teruskan ke instansi yang berwenang (bukan {agency}), atau tutup pengaduan.',
  'caseActions.settleRedirectReason': 'Alasan',
  'caseActions.settleRedirectGone':
    '“Bukan kewenangan kami” dari {agency} sudah diselesaikan atau dijawab dengan penerusan sejak Anda mulai mengisi formulir ini. Alasan Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'caseActions.settleRedirectSubmit': 'Tidak perlu diteruskan ulang',
  'caseActions.identityHidden': 'Rahasiakan identitas pengadu dari instansi',
  'caseActions.identityHiddenHint':
    'Bila pengadu memintanya (UU 25/2009 pasal 42): instansi tidak melihat nama, NIK, telepon, surel, dan alamatnya, dan berkas yang datang bersama pengaduan hanya untuk pusat.',
  'caseActions.description': 'Uraian untuk instansi',
  'caseActions.descriptionHint':
    'Instansi membaca uraian ini, bukan teks asli pengadu (yang tetap hanya untuk pusat): hapus nama, NIK, telepon, alamat, dan tanda tangan. Dikirim hanya bila diubah.',
  'caseActions.descriptionRequired':
    'Rumuskan uraian untuk instansi tanpa identitas pengadu: teks surel memuat tanda tangan pengirimnya.',
  'restate.title': 'Rumuskan ulang untuk instansi',
  'restate.hint':
    'Instansi membaca perihal dan uraian ini di kasusnya, di pencariannya, dan di surat berikutnya. Surat yang sudah dibuat tetap dengan teksnya. Riwayat mencatat perubahannya, dan rumusan sebelumnya tetap dapat dibaca pusat.',
  'restate.withheld':
    'Instansi belum dapat membaca uraian pengaduan ini: identitas pengadu dirahasiakan dan teks surelnya memuat tanda tangan pengirim. Hapus nama, telepon, alamat, dan tanda tangan dari uraian di bawah, lalu simpan.',
  'restate.submit': 'Simpan rumusan',
  'restate.queuesBehind':
    'Perihal baru belum tampil di antrean semua instansi (penyimpanan sebelumnya terputus): simpan sekali lagi untuk menyelesaikannya.',
  'restate.savedSince':
    'Pengaduan ini berubah sejak formulir dibuka (rumusan petugas lain, atau tindakan instansi). Rumusan Anda belum disimpan: salin bila perlu, muat versi terbaru, lalu simpan lagi.',
  'restate.nothing': 'Ubah perihal atau uraian untuk instansi: belum ada yang diubah.',
  'caseActions.rejectReason': 'Alasan untuk pengadu',
  'caseActions.rejectReasonHint':
    'Ditampilkan kepada pengadu di halaman lacak, misalnya lembaga yang berwenang menanganinya. Catatan di bawah tetap untuk pusat.',
  'caseActions.rejectReasonHintConfidential':
    'Laporan rahasia: alasan ini TIDAK ditampilkan di halaman lacak (hanya statusnya); pusat menyimpannya. Sampaikan sendiri kepada pengadu bila perlu.',
  'caseActions.missing': 'Yang perlu dilengkapi pengadu',
  'caseActions.missingHint':
    'Wajib bila meminta kelengkapan. Ditampilkan kepada pengadu di halaman lacak: jangan tulis catatan internal.',
  'caseActions.missingHintConfidential':
    'Wajib bila meminta kelengkapan. Laporan rahasia: permintaan ini TIDAK ditampilkan di halaman lacak. Sampaikan sendiri kepada pengadu melalui kontaknya: {contact}.',
  'caseActions.missingHintUnreachable':
    'Wajib bila meminta kelengkapan. Laporan rahasia: permintaan ini TIDAK ditampilkan di halaman lacak, dan pengadu tidak meninggalkan kontak.',
  'caseActions.missingNobodyTells':
    'Laporan rahasia tanpa kontak pengadu: tidak ada yang dapat memberi tahu pengadu apa yang perlu dilengkapi, sehingga pengaduan akan menunggu tanpa akhir. Terima atau tolak pengaduan berdasarkan yang sudah ada.',
  'caseActions.missingRequired': 'Tuliskan apa yang perlu dikirim pengadu.',
  'caseActions.rejectReasonRequired': 'Tuliskan alasan penolakan untuk pengadu.',
  'caseActions.forward': 'Teruskan ke instansi',
  'caseActions.reforward': 'Teruskan (ulang) ke instansi',
  'caseActions.forwardButton': 'Teruskan',
  'caseActions.agencies': 'Instansi tujuan',
  'caseActions.suggested': 'disarankan',
  'caseActions.instructionsFor': 'Arahan untuk {agency}',
  'caseActions.plan': 'Rencanakan kegiatan pemantauan',
  'caseActions.activityHiddenIdentity':
    'Identitas pengadu dirahasiakan dari instansi: instansi yang ikut membaca peserta, rencana, dan laporan kegiatan ini. Jangan tuliskan nama, NIK, telepon, atau alamat pengadu (tulis misalnya “pengadu”).',
  'caseActions.activityKind': 'Jenis kegiatan',
  'caseActions.scheduledAt': 'Jadwal',
  'caseActions.planText': 'Rencana',
  'caseActions.venue': 'Tempat',
  'caseActions.venueHint':
    'Disebutkan dalam surat undangan kepada setiap instansi (tanpa tempat: alamat kantor pada kop surat). Instansi menerima surat undangan saat kegiatan diberi waktu, dan surat perubahan atau pembatalan bila waktunya diubah atau kegiatan dibatalkan.',
  'caseActions.activityAgencies': 'Instansi yang terlibat',
  'caseActions.activityAgenciesNone': 'Belum ada instansi: kegiatan ini hanya terlihat oleh pusat.',
  'caseActions.activityAddAgency': 'Tambah instansi',
  'caseActions.activityOnCase': 'Menangani pengaduan ini',
  'caseActions.activityAgenciesHint':
    'Instansi yang dipilih melihat kegiatan ini dan riwayatnya, sehingga harus menangani pengaduan ini (atau menjadi instansi koordinator dari unit yang menanganinya): instansi pada pengaduan ini ditawarkan lebih dulu. Awalnya: instansi yang penugasannya masih berjalan.',
  'caseActions.participants': 'Peserta',
  'caseActions.participantsHint': 'Satu peserta per baris: nama dan jabatan atau unitnya.',
  'caseActions.participantN': 'Peserta ke-{n}',
  'caseActions.report': 'Laporkan: {kind}',
  'caseActions.heldAt': 'Dilaksanakan pada',
  'caseActions.outcome': 'Hasil',
  'caseActions.summary': 'Ringkasan',
  'caseActions.activityWith': '{kind} dengan {agency}',
  'caseActions.schedule': 'Jadwalkan: {kind}',
  'caseActions.reschedule': 'Ubah jadwal: {kind}',
  'caseActions.cancelActivity': 'Batalkan: {kind}',
  'caseActions.cancelReason': 'Alasan pembatalan',
  'caseActions.cancelReasonHint':
    'Misalnya: instansi sudah menanggapi, klarifikasi tidak diperlukan lagi.',
  'caseActions.cancelSubmit': 'Batalkan kegiatan',
  'caseActions.close': 'Tutup pengaduan',
  'caseActions.outcomeSelect': 'Hasil akhir',
  'caseActions.closeCallsOff':
    'Menutup pengaduan ini membatalkan kegiatan pemantauan yang belum dilaksanakan: yang diusulkan, yang belum diberi jadwal, dan yang jadwalnya belum tiba.',
  'caseActions.closeCallsOffList': 'Kegiatan yang akan dibatalkan',
  'caseActions.closeUnscheduled': 'tanpa jadwal',
  'caseActions.closeCancellationLetters':
    'Instansi yang telah menerima surat undangan untuk kegiatan tersebut akan menerima surat pembatalan.',
  'caseActions.closeReportFirst':
    'Bila salah satunya sudah dilaksanakan (misalnya klarifikasi lewat telepon yang tidak pernah diberi jadwal), laporkan dahulu: setelah pengaduan ditutup, kegiatan itu dibatalkan dan tidak dapat dilaporkan lagi. Kegiatan yang jadwalnya sudah lewat tidak dibatalkan dan tetap dapat dilaporkan.',
  'caseActions.schedulePlanHint': 'Rencana yang dikosongkan tidak menghapus rencana yang ada.',
  // Central's irreversible actions ask first, the close says what it withdraws, and the result
  // line says what was done (audit s23 #1, #4, #7).
  'actionForm.cancel': 'Batal',
  // A form whose action the case, read again, no longer allows: its text kept until discarded.
  'caseActions.formGone':
    'Pengaduan ini sudah berstatus “{status}” sejak Anda mulai mengisi formulir ini, jadi tindakan ini tidak dapat dilakukan lagi. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'actionForm.discard': 'Buang isian',
  'actionForm.discarded': 'Isian dibuang.',
  'actionForm.readAgain':
    'Pengaduan ini berubah sejak halaman dimuat, dan sudah dimuat ulang. Periksa isian Anda terhadap keadaannya sekarang, lalu kirim lagi.',
  'caseActions.verifySubmit.accept': 'Terima',
  'caseActions.verifySubmit.needs_info': 'Minta kelengkapan',
  'caseActions.verifySubmit.reject': 'Tolak pengaduan',
  'caseActions.rejectConfirm':
    'Tolak pengaduan ini? Penolakan tidak dapat dibatalkan: pengaduan tidak dapat diverifikasi atau diteruskan lagi.',
  'caseActions.rejectConfirmYes': 'Ya, tolak pengaduan',
  'caseActions.verified.accept': 'Diterima; pengaduan siap diteruskan ke instansi.',
  'caseActions.verified.needs_info': 'Pengadu diminta melengkapi pengaduannya.',
  'caseActions.verified.reject': 'Pengaduan ditolak.',
  'caseActions.forwardedTo': 'Diteruskan ke {agencies}.',
  'caseActions.closeWithdraws': 'Menutup pengaduan menarik penugasan yang masih terbuka:',
  'caseActions.closeWithdrawsList': 'Penugasan yang akan ditarik',
  'caseActions.closeWithdrawsItem': '{agency}: akan ditarik; pengingatnya berhenti.',
  'caseActions.closeLapses': 'Permintaan perpanjangan {days} hari kerja gugur tanpa keputusan.',
  'caseActions.closeSettles':
    '{agency}: “bukan kewenangan kami” dianggap selesai tanpa penerusan ulang.',
  'caseActions.closeNoFinalAnswer':
    'Belum ada jawaban akhir dari {agencies}. Menutup sebagai “Terselesaikan” mencatat pengaduan ini selesai tanpa jawaban mereka.',
  'caseActions.closeConfirm':
    'Tutup pengaduan sebagai “{outcome}”? Pusat tidak dapat membukanya kembali.',
  'caseActions.closeConfirmWithdraws':
    'Tutup pengaduan sebagai “{outcome}” dan tarik penugasan {agencies}? Pusat tidak dapat membukanya kembali.',
  'caseActions.closeConfirmYes': 'Ya, tutup pengaduan',
  'caseActions.closeConfirmReplyWindow': 'Menutup sekarang juga mengakhiri masa tanggapan pengadu.',
  'caseActions.closeReplyWindowUntil': 'Pengadu masih dapat menanggapi jawaban akhir sampai',
  'caseActions.closeReplyWindowEnds':
    'Menutup sekarang mengakhiri kesempatan itu: pengadu tidak dapat lagi menyatakan puas atau tidak puas (yang membuka kembali pengaduan) di halaman lacaknya.',
  'caseActions.closed': 'Ditutup sebagai “{outcome}”.',
  'caseActions.closedWithdrawn': 'Ditutup sebagai “{outcome}”; penugasan {agencies} ditarik.',
  'caseActions.closeSavedSince':
    'Pengaduan ini baru saja diubah petugas lain (diteruskan atau dijawab instansi), jadi belum ditutup. Muat versi terbaru, periksa daftar instansi yang akan ditarik, lalu tutup lagi.',
  'caseActions.closeReopenedSince':
    'Pengadu menyatakan belum puas sejak halaman ini dimuat, sehingga pengaduan ini dibuka kembali dan belum ditutup. Muat versi terbaru untuk membaca tanggapannya, lalu putuskan apakah pengaduan perlu diteruskan ulang.',
  'caseActions.verifySavedSince':
    'Petugas lain baru saja memutuskan atau mengubah pengaduan ini (misalnya meminta kelengkapan). Keputusan Anda belum disimpan dan isiannya tetap di formulir: muat versi terbaru untuk melihat keputusannya.',
  'caseActions.activitySavedSince':
    'Petugas lain baru saja mengubah kegiatan ini (jadwal atau pesertanya, atau melaporkan atau membatalkannya), jadi perubahan Anda belum disimpan dan isiannya tetap di formulir. Muat versi terbaru untuk melihat perubahannya.',
  'caseActions.activityNoLongerOpen':
    'Kegiatan ini sudah dilaporkan atau dibatalkan petugas lain (atau pengaduannya sudah ditutup), jadi tidak dapat diubah lagi. Muat ulang halaman untuk melihat keadaannya.',
  // An activity's form still holding text when the activity, read again, is no longer open.
  'caseActions.activityGoneReported':
    'Kegiatan ini sudah dilaporkan oleh rekan Anda sejak Anda mulai mengisi formulir ini, jadi tindakan ini tidak dapat dilakukan lagi. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'caseActions.activityGoneReportedHere':
    'Anda sudah melaporkan kegiatan ini, jadi tindakan ini tidak dapat dilakukan lagi. Isian di formulir ini belum terkirim; buang bila tidak diperlukan lagi.',
  'caseActions.activityGoneCancelled':
    'Kegiatan ini sudah dibatalkan sejak Anda mulai mengisi formulir ini (alasannya: “{reason}”), jadi tindakan ini tidak dapat dilakukan lagi. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'caseActions.activityGoneCancelledNoReason':
    'Kegiatan ini sudah dibatalkan sejak Anda mulai mengisi formulir ini, jadi tindakan ini tidak dapat dilakukan lagi. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'caseActions.activityGoneCancelledHere':
    'Anda sudah membatalkan kegiatan ini, jadi tindakan ini tidak dapat dilakukan lagi. Isian di formulir ini belum terkirim; buang bila tidak diperlukan lagi.',
  'actions.withdrawConfirm':
    'Tarik penugasan {agency}? Pengingatnya berhenti dan permintaan perpanjangannya gugur. Penarikan tidak dapat dibatalkan; untuk melibatkannya lagi, teruskan ulang pengaduan kepadanya.',
  'actions.withdrawConfirmYes': 'Ya, tarik penugasan',
  // An agency's two actions that end its assignment ask first too: only central can undo them.
  'actions.redirectConfirm':
    'Penugasan ini akan diakhiri dan dikembalikan ke Asdep Pengaduan Masyarakat untuk diteruskan ke instansi yang berwenang; pengingat tenggatnya berhenti. Tindakan ini tidak dapat dibatalkan.',
  'actions.redirectConfirmYes': 'Ya, kembalikan penugasan',
  'actions.finalConfirm':
    'Ini tindak lanjut akhir: penugasan selesai dan tidak dapat ditambah jawaban atau lampiran lagi. Tindakan ini tidak dapat dibatalkan.',
  'actions.finalConfirmYes': 'Ya, kirim tindak lanjut akhir',
  'actions.withdrawn': 'Penugasan {agency} ditarik.',
  'actions.extensionApproved': 'Disetujui untuk {agency}. Tenggat baru: {deadlines}.',
  'actions.extensionApprovedNone': 'Disetujui untuk {agency}.',
  'actions.extensionRefused': 'Ditolak untuk {agency}; tenggatnya tidak berubah.',

  'desk.title': 'Meja kerja hari ini',
  'desk.register': 'Catat pengaduan baru',
  'desk.toVerify': 'Pengaduan baru untuk diverifikasi',
  'desk.verifyBy': 'verifikasi paling lambat',
  'desk.bulkMail': 'Surel massal (milis/buletin): kemungkinan bukan pengaduan',
  'desk.toForward': 'Sudah diverifikasi, belum diteruskan',
  'desk.forwardBy': 'teruskan paling lambat',
  'desk.awaitingComplainant': 'Menunggu kelengkapan dari pengadu',
  'desk.askedOn': 'diminta',
  'desk.overdueByAgency': 'Lewat tenggat per instansi',
  'desk.overdueCount': 'Jumlah lewat tenggat',
  'desk.overdueSummary': '{n} penugasan lewat tenggat di {agencies} instansi.',
  'desk.overdueSummaryPartial':
    'Dihitung dari {n} penugasan pertama yang lewat tenggat, di {agencies} instansi; masih ada lagi.',
  'desk.newlyOverdue': 'Baru lewat tenggat (sejak hari kerja sebelumnya)',
  'desk.dueSoon': 'Jatuh tempo dalam 2 hari kerja',
  'desk.redirected': 'Bukan kewenangan: menunggu penerusan ulang',
  'desk.reopened': 'Dibuka kembali oleh pengadu',
  'desk.updatedAt': 'diperbarui',
  'desk.proposals': 'Usulan klarifikasi dari eskalasi',
  'desk.proposedAt': 'diusulkan',
  'desk.activities': 'Kegiatan pemantauan yang belum dilaporkan',
  'desk.unscheduled': 'belum dijadwalkan',
  'desk.withAgencies': 'dengan {agency}',
  'desk.toReport': 'Belum dilaporkan',
  'desk.failedLetters': 'Surat gagal terkirim',
  'desk.failedAttempts': 'gagal setelah {attempts} kali percobaan',
  'desk.failedTo': 'kepada {to}',
  'desk.resend': 'Kirim ulang',
  'desk.resent':
    'Surat untuk {agency} dikirim ulang kepada {to}; surat akan terkirim dalam 15 menit.',
  'desk.resendNotNeeded':
    'Surat ini tidak dikirim ulang: sudah dikirim ulang sebelumnya, atau isinya tidak berlaku lagi (penugasannya sudah berakhir, target yang disebut sudah dipenuhi, tenggatnya diperpanjang atau sedang dihentikan sementara, atau tenggat yang diperingatkan sudah lewat). Tandai sudah ditangani bila tidak perlu dikirim.',
  'desk.resendNoAddress':
    '{agency} belum memiliki alamat surel untuk surat ini. Tambahkan di halaman Instansi, lalu kirim ulang.',
  'letters.sendsAt': 'akan dikirim mulai',
  'letters.refused': 'ditolak: {reason}',
  'letters.failed': 'tidak terkirim: {reason}',
  'letters.refusedAddresses': 'alamat yang ditolak: {addresses}',
  'letters.partlyRefused':
    'tidak sampai ke {addresses}: alamat surelnya ditolak (alamat atau domainnya tidak ada)',
  'letters.handled': 'ditangani tanpa kirim ulang',
  'letters.reached':
    'dikirim ulang ke alamat yang belum menerimanya; sebelumnya sampai ke {addresses}',
  'desk.dismiss': 'Tandai sudah ditangani tanpa kirim ulang',
  'desk.dismissNote': 'Bagaimana surat ini ditangani',
  'desk.dismissHint':
    'Misalnya: disampaikan langsung atau melalui telepon, atau tidak diperlukan lagi karena penugasannya sudah berakhir.',
  'desk.dismissSubmit': 'Tandai sudah ditangani',
  'desk.dismissed':
    'Surat untuk {agency} ditandai sudah ditangani; catatannya tersimpan di riwayat pengaduan.',
  'letterFailure.no_address': 'penerimanya belum punya alamat surel',
  'letterFailure.address_refused':
    'alamat surel penerimanya ditolak (alamat atau domainnya tidak ada)',
  'letterFailure.mailer': 'layanan surel menolak mengirimnya',
  'desk.failedGroup': '{n} surat tidak terkirim',
  'desk.failedSummary': '{n} surat gagal terkirim untuk {agencies} instansi',
  'desk.failedLatest': 'terakhir {at}',
  'desk.failedWhy': 'Sebab: {reason}.',
  'desk.failedAddresses': 'Dikirim ke {to}.',
  'desk.failedUnchanged':
    'Alamat yang ditolak masih tercatat untuk {agency}: kirim ulang setelah alamatnya diperbaiki.',
  'desk.fixHintOfficer':
    'Hubungi {agency} untuk menanyakan alamat surel yang benar. Minta admin pusat memperbaiki alamat surel {agency} ({to} ditolak), lalu kirim ulang.',
  'desk.fixHintOfficerNoAddress':
    'Minta admin pusat menambahkan kontak {agency} yang dituju surat ini (misalnya pimpinan instansi atau instansi koordinatornya), lalu kirim ulang.',
  'desk.fixHintAdmin': 'Periksa dan perbaiki alamat surel {agency} ({to} ditolak) di',
  'desk.fixHintAdminNoAddress':
    'Tambahkan kontak {agency} yang dituju surat ini (misalnya pimpinan instansi atau instansi koordinatornya) di',
  'desk.fixHintAdminAfter': ', lalu kirim ulang.',
  'desk.agenciesPage': 'halaman Instansi',
  'desk.resendHintOfficer':
    'Minta admin pusat memperbaiki alamat surel {agency}, lalu kirim ulang surat ini.',
  'desk.resendNoAddressOfficer':
    '{agency} belum memiliki alamat surel untuk surat ini. Minta admin pusat menambahkannya, lalu kirim ulang.',
  'desk.resendAll': 'Kirim ulang semua ({n})',
  'desk.resendAllAsk':
    'Kirim ulang {n} surat untuk {agency} ke alamatnya sekarang? Surat yang isinya sudah tidak berlaku (misalnya tenggat yang diperingatkan sudah lewat) tidak dikirim, tetapi ditutup dengan catatan di riwayat pengaduannya.',
  'desk.resendAllYes': 'Ya, kirim ulang',
  'desk.resendAllProgress': 'Memproses {done} dari {total} surat…',
  'desk.resendAllDone': '{agency}: {parts}.',
  'desk.resendAllResent': '{n} dikirim ulang',
  'desk.resendAllClosed': '{n} ditutup karena sudah tidak berlaku',
  'desk.resendAllHandled': '{n} sudah ditangani sebelumnya',
  'desk.resendAllNoAddress': '{n} belum dapat dikirim karena penerimanya belum punya alamat surel',
  'desk.resendAllNothing': 'tidak ada surat yang diproses',
  'desk.resendAllStopped':
    'Terhenti setelah {done} dari {total} surat; tekan lagi untuk meneruskan.',
  'desk.closedNote':
    'Ditutup tanpa kirim ulang: isi surat ini sudah tidak berlaku lagi ketika surat-surat yang gagal untuk instansi ini dikirim ulang sekaligus (misalnya tenggat yang diperingatkan sudah lewat atau berubah, target yang disebut sudah dipenuhi, atau penugasannya sudah berakhir).',
  'desk.failedOneByOne': 'Lihat suratnya satu per satu',
  'desk.failedPartial': 'Dihitung dari {n} surat gagal yang terlama; masih ada lagi.',
  'desk.latestFailed': 'surat terakhir tidak terkirim: {reason}',
  'ladder.letterFailed': 'Surat tidak terkirim: {reason}',
  'ladder.letterPending': 'surat masih antre, belum terkirim',
  'ladder.letterRefused': 'Surat belum terkirim: {reason}',
  'ladder.letterPartlyRefused':
    'Surat tidak sampai ke {addresses}: alamat surelnya ditolak (alamat atau domainnya tidak ada)',
  'ladder.letterPartlyRefusedUnnamed':
    'Surat tidak sampai ke sebagian penerimanya: alamat surelnya ditolak',
  'ladder.letterRetry': 'dicoba lagi',
  'ladder.letterHeld': 'Surat belum terkirim; akan dikirim mulai',
  'ladder.letterCancelled': 'Surat tidak dikirim: {reason}',

  'search.label': 'Cari pengaduan',
  'search.agencies': 'Instansi yang cocok',
  'search.agencyCases': 'Pengaduan yang diteruskan kepadanya',
  'search.agencyAssignments': 'Penugasannya',
  'search.agenciesMore': '{n} instansi lain juga cocok; tambahkan kata untuk mempersempit.',
  'search.hint.central':
    'Kata (perihal, uraian, terlapor, lokasi, nama pengadu) atau nomor: kode lacak, nomor agenda, nomor surat, NIK, telepon, surel.',
  'search.hint.agency':
    'Kata dari perihal, uraian, terlapor atau lokasi pengaduan yang disalurkan kepada instansi Anda.',
  'search.submit': 'Cari',
  'search.results': 'Hasil pencarian “{q}”, terbaru lebih dulu',
  'search.matchedBy': 'Cocok pada',
  // A column's title: `case.received` is the word inside a sentence ("· diterima <date>").
  'search.received': 'Diterima',
  'search.none': 'Tidak ada pengaduan yang cocok.',
  'search.count': '{n} hasil untuk “{q}”',
  'search.match.words': 'Kata',
  'search.match.trackingCode': 'Kode lacak',
  'search.match.agendaNumber': 'Nomor agenda',
  'search.match.letterNumber': 'Nomor surat',
  'search.match.externalRef': 'Referensi eksternal',
  'search.match.idNumber': 'NIK',
  'search.match.phone': 'Telepon',
  'search.match.email': 'Surel',
  'cases.title': 'Daftar pengaduan',
  'cases.total': '{n} pengaduan',
  'cases.subject': 'Perihal',
  'cases.agencies': 'Instansi',
  'cases.received': 'Diterima',
  'cases.csv': 'Unduh CSV pengaduan',
  // The cases page's button: the export's default period, whatever the list's filters show.
  'cases.csvThisYear': 'Unduh CSV pengaduan tahun ini',
  'cases.csvTooLarge':
    'Periode ini memuat terlalu banyak pengaduan untuk satu berkas CSV. Unduh per periode yang lebih pendek, misalnya per bulan, dengan memilih tanggalnya di halaman Statistik.',
  // The same spreadsheets as Excel workbooks (numbers read in the officer's locale).
  'cases.xlsx': 'Unduh Excel pengaduan',
  'cases.xlsxThisYear': 'Unduh Excel pengaduan tahun ini',
  'cases.xlsxTooLarge':
    'Periode ini memuat terlalu banyak pengaduan untuk satu berkas Excel. Unduh per periode yang lebih pendek, misalnya per bulan, dengan memilih tanggalnya di halaman Statistik.',

  'caseNew.title': 'Catat pengaduan',
  'caseNew.channel': 'Saluran',
  'caseNew.laporId': 'Nomor laporan SP4N-LAPOR!',
  'caseNew.receivedAt': 'Diterima pada',
  'caseNew.receivedAtHint': 'Kosongkan bila diterima sekarang.',
  'caseNew.complainant': 'Pengadu',
  'caseNew.name': 'Nama',
  'caseNew.idNumber': 'NIK',
  'caseNew.email': 'Surel',
  'caseNew.phone': 'Telepon',
  'caseNew.address': 'Alamat',
  'caseNew.identityHidden': 'Rahasiakan identitas dari instansi',
  'caseNew.identityHiddenHint': 'Instansi tidak akan melihat nama dan kontak pengadu.',
  'caseNew.confidential': 'Pengaduan rahasia',
  'caseNew.confidentialHint': 'Halaman lacak hanya menampilkan status.',
  'caseNew.subject': 'Perihal',
  'caseNew.description': 'Uraian pengaduan',
  'caseNew.respondent': 'Pihak teradu',
  'caseNew.province': 'Provinsi',
  'caseNew.regency': 'Kabupaten/kota',
  'caseNew.submit': 'Simpan pengaduan',

  'stats.title': 'Statistik kinerja instansi',
  'stats.from': 'Dari tanggal',
  'stats.to': 'Sampai tanggal',
  'stats.show': 'Tampilkan',
  'stats.csv': 'Unduh CSV statistik',
  'stats.xlsx': 'Unduh Excel statistik',
  'stats.period': 'Periode {from} s.d. {to}',
  'stats.minimumSample':
    'sampel minimum {n} untuk diperingkat (sampel = diteruskan − bukan kewenangan − ditarik sebelum tenggat)',
  'stats.agency': 'Instansi',
  'stats.assigned': 'Diteruskan',
  'stats.responded': 'Ditanggapi',
  'stats.onTime': 'Tepat waktu',
  'stats.completed': 'Tuntas',
  'stats.responseRate': 'Tingkat tanggapan',
  'stats.onTimeRate': 'Tingkat tepat waktu',
  'stats.acknowledgeOnTimeRate': 'Tingkat konfirmasi tepat waktu',
  'stats.acknowledgeOnTimeRateHint':
    'Konfirmasi penerimaan (atau tanggapan tanpa konfirmasi lebih dulu) sampai tenggat konfirmasi, dibagi sampel (diteruskan − bukan kewenangan − ditarik sebelum tenggat).',
  'stats.median': 'Median hari kerja ke tanggapan pertama',
  'stats.total': 'Semua instansi',
  'stats.belowSample': 'sampel kecil',
  'stats.nothingForwarded': 'tidak ada pengaduan diteruskan',
  'stats.nothingForwardedHint':
    'Tidak ada pengaduan yang diteruskan ke instansi ini pada periode ini: tidak ada tingkat yang dapat dihitung.',
  'stats.rankedNone':
    'Tidak ada peringkat pada periode ini: hanya {agency} yang mencapai sampel minimum {n}, sedangkan peringkat membandingkan sedikitnya dua instansi.',
  'stats.belowSampleHint':
    'Sampel {n} (diteruskan − bukan kewenangan − ditarik sebelum tenggat) di bawah minimum {min}: tidak diperingkat.',
  'stats.chart': 'Tingkat tanggapan dan tepat waktu per instansi',
  'stats.redirected': 'Bukan kewenangan',
  'stats.withdrawn': 'Ditarik sebelum tenggat',
  'stats.withdrawnHint':
    'Ditarik pusat (atau pengaduan ditutup) sebelum tenggat tindak lanjut, belum ditanggapi: tidak dihitung dalam sampel.',
  'stats.rank': 'Peringkat',
  'stats.none':
    'Tidak ada pengaduan yang diteruskan ke instansi pada periode ini: tidak ada tingkat tanggapan yang dapat dihitung.',

  'letters.title': 'Log surat dan notifikasi',
  'letters.titleAgency': 'Surat untuk instansi Anda',
  'letters.total': '{n} surat',
  'letters.agency': 'Instansi',
  'letters.read': 'Baca surat',
  'letters.to': 'Kepada',
  'letters.cc': 'Tembusan',
  'letters.delegated': 'Dikirim kepada {agency}; penugasannya didelegasikan kepada instansi Anda.',
  'letters.delegatedUnsent':
    'Ditujukan kepada {agency}; penugasannya didelegasikan kepada instansi Anda.',
  // The Letters page's filters; a status's words name the badge the letters carry, then what it means.
  'letters.filterStatus': 'Status',
  'letters.filterStep': 'Tahap',
  'letters.status.failed': 'Gagal (tidak terkirim)',
  'letters.status.pending': 'Antre (menunggu dikirim)',
  'letters.status.sent': 'Terkirim',
  'letters.status.cancelled': 'Tidak dikirim (dibatalkan)',
  'letters.dateFrom': 'Dari tanggal',
  'letters.dateTo': 'Sampai tanggal',
  'letters.periodHint': 'Menurut tanggal surat: hari kerja surat itu dikirim.',
  'letters.show': 'Tampilkan',
  'letters.clear': 'Hapus saringan',
  'letters.total.failed': '{n} surat tidak terkirim',
  'letters.total.pending': '{n} surat menunggu dikirim',
  'letters.total.sent': '{n} surat terkirim',
  'letters.total.cancelled': '{n} surat dibatalkan',
  'letters.countStep': 'tahap {step}',
  'letters.countPeriod': 'bertanggal {from} s.d. {to}',
  'letters.countFrom': 'bertanggal sejak {from}',
  'letters.countTo': 'bertanggal sampai {to}',

  'agencies.title': 'Instansi',
  'agencies.id': 'Kode',
  'agencies.idHint': 'Huruf kecil, angka dan tanda hubung (mis. kanwil-bpn-ntt).',
  'agencies.name': 'Nama',
  'agencies.kind': 'Jenis',
  'agencies.zone': 'Zona waktu',
  'agencies.focalPoint': 'Instansi koordinator',
  'agencies.focalPointOf': 'Instansi koordinator untuk {agency}',
  'agencies.savedSince':
    'Admin lain telah menyimpan perubahan {agency} sementara Anda mengubahnya, jadi perubahan Anda tidak disimpan dan isiannya tetap di formulir. Muat versi terbarunya, lalu ubah lagi.',
  'agencies.noFocalPoint': 'Tidak ada (mandiri)',
  'agencies.focalPointHint': 'Cari nama instansinya. Kosongkan untuk instansi mandiri.',
  'agencies.add': 'Tambah instansi',
  'agencies.find': 'Cari instansi',
  'agencies.findHint': 'Ketik namanya untuk menampilkan satu instansi; kosongkan untuk semua.',
  'agencies.edit': 'Ubah nama atau zona waktu {agency}',
  'agencies.zoneHint':
    'Tenggat dan surat instansi ini berakhir pada hari kerjanya di zona ini. Mengubahnya menghitung ulang tenggat penugasan yang masih berjalan.',
  'agencies.contacts': 'Kontak',
  'agencies.contact': 'Kontak {n}',
  'agencies.contactName': 'Nama kontak',
  'agencies.contactEmail': 'Surel kontak',
  'agencies.contactKind': 'Jenis kontak',
  'agencies.contactKindHint':
    'Penghubung menerima setiap pemberitahuan dan surat pengingat; pimpinan hanya ditembuskan pada surat penegasan dan intervensi pusat. Minimal satu penghubung.',
  'agencies.addContact': 'Tambah kontak',
  'agencies.removeContact': 'Hapus kontak {n}',
  'agencies.editContacts': 'Ubah kontak {agency}',
  'contactKind.liaison': 'Penghubung',
  'contactKind.head': 'Pimpinan',

  'calendar.title': 'Kalender hari libur',
  'calendar.year': 'Tahun',
  'calendar.add': 'Tambah hari libur / cuti bersama',
  'calendar.date': 'Tanggal',
  'calendar.dateRequired': 'Isi tanggal terlebih dahulu.',
  'calendar.kind': 'Jenis',
  'calendar.name': 'Keterangan',
  'calendar.remove': 'Hapus',
  'calendar.removeDay': 'Hapus {name}',
  'calendar.daysOf': 'Hari libur tahun {year}',
  'desk.calendarUndeclared':
    'Hari libur tahun {year} belum dinyatakan lengkap di kalender: tenggat yang jatuh pada tahun itu dihitung tanpa hari libur yang belum diisi, dan ditandai “bisa bergeser”.',
  'desk.calendarOpen': 'Buka kalender hari libur',
  'desk.calendarAskAdmin': 'Minta admin pusat mengisinya.',
  'calendar.undeclared':
    'Hari libur tahun {year} belum dinyatakan lengkap, jadi tenggat yang jatuh pada tahun itu ditandai “bisa bergeser”. Setelah semua hari libur nasional dan cuti bersama tahun itu diisi, nyatakan lengkap.',
  'calendar.declare': 'Nyatakan hari libur {year} lengkap',
  'calendar.declared':
    'Hari libur {year} dinyatakan lengkap. Tenggat penugasan terbuka diperiksa ulang:',
  'calendar.isDeclared': 'Hari libur tahun {year} sudah dinyatakan lengkap.',
  'calendar.saved': '{date} disimpan. Tenggat penugasan terbuka dihitung ulang:',
  'calendar.replaced':
    '{date} diganti: sebelumnya “{name}”. Tenggat penugasan terbuka dihitung ulang:',
  'calendar.removed': '{date} dihapus. Tenggat penugasan terbuka dihitung ulang:',
  'calendar.exists':
    '{date} sudah ada di kalender sebagai “{name}” ({kind}). Menyimpan akan menggantinya.',
  'calendar.replace': 'Ganti',
  // Another admin at work on the calendar meanwhile (the list read again, said in a sentence).
  'calendar.removedAlready':
    '{date} (“{name}”) sudah tidak ada di kalender: sudah dihapus, oleh admin lain atau di jendela lain. Daftar hari libur sudah dimuat ulang.',
  'calendar.addedMeanwhile':
    '{date} baru saja ditambahkan oleh admin lain sebagai “{name}” ({kind}), jadi isian Anda belum disimpan. Daftar hari libur sudah dimuat ulang; tekan “Ganti” bila tetap ingin menggantinya dengan isian Anda.',
  'calendar.changedMeanwhile':
    '{date} baru saja diubah oleh admin lain menjadi “{name}” ({kind}), jadi isian Anda belum disimpan. Daftar hari libur sudah dimuat ulang; tekan “Ganti” bila tetap ingin menggantinya dengan isian Anda.',
  'calendar.removedMeanwhile':
    '{date} baru saja dihapus oleh admin lain, jadi isian Anda belum disimpan. Daftar hari libur sudah dimuat ulang; tekan “Simpan” bila tetap ingin menambahkannya.',
  'calendarPaste.title': 'Tempel daftar hari libur setahun',
  'calendarPaste.list': 'Daftar hari (satu hari per baris)',
  'calendarPaste.hint':
    'Tanggal lalu keterangannya, misalnya “2027-01-01 Tahun Baru 2027 Masehi” atau “1 Januari 2027 Tahun Baru 2027 Masehi”; dua kolom (tanggal dan keterangan) yang disalin dari lembar kerja juga bisa. Baris yang menyebut “cuti bersama” dicatat sebagai cuti bersama.',
  'calendarPaste.kind': 'Jenis untuk baris lainnya',
  'calendarPaste.preview': 'Hari yang akan disimpan',
  'calendarPaste.line': 'Baris',
  'calendarPaste.toSave': '{n} hari baru akan disimpan sekaligus, dalam satu perubahan:',
  'calendarPaste.noneNew': 'Tidak ada hari baru dalam daftar ini.',
  'calendarPaste.leftOut': 'Baris yang dilewati',
  'calendarPaste.unreadable': 'Baris yang tidak terbaca',
  'calendarPaste.inCalendar':
    'Baris {line}: {date} sudah ada di kalender sebagai “{name}” ({kind}); baris ini dilewati.',
  'calendarPaste.repeated': 'Baris {line}: {date} sudah ada di baris {first}; baris ini dilewati.',
  // A day another admin added since the page read the calendar (read again before sending).
  'calendarPaste.theirs': 'baris {line} ({date}, kini “{name}”)',
  'calendarPaste.addedMeanwhile':
    'Daftar ini belum disimpan: sejak kalender dimuat, admin lain menambahkan hari yang akan tergantikan oleh {n} baris Anda: {days}. Kalender sudah dimuat ulang dan baris itu kini dilewati; periksa daftarnya, lalu simpan lagi.',
  // A day another admin saved between that read and the save (the API's 409, by its entry).
  'calendarPaste.lineDay': 'baris {line} ({date})',
  'calendarPaste.changedMeanwhile':
    'Daftar ini belum disimpan: admin lain baru saja mengubah hari pada {n} baris Anda: {days}. Kalender sudah dimuat ulang; periksa daftarnya, lalu simpan lagi.',
  'calendarPaste.noDate':
    'Baris {line} tidak terbaca: “{text}” tidak diawali tanggal. Tulis tanggalnya di depan, misalnya 2027-01-01 atau 1 Januari 2027.',
  'calendarPaste.noSuchDay':
    'Baris {line} tidak terbaca: tanggal pada “{text}” tidak ada di kalender.',
  'calendarPaste.noName':
    'Baris {line}: {date} tanpa keterangan. Tulis nama hari liburnya setelah tanggal.',
  'calendarPaste.lineDate': 'Tanggal pada baris {line}',
  'calendarPaste.lineName': 'Keterangan pada baris {line}',
  'calendarPaste.lineKind': 'Jenis pada baris {line}',
  'calendarPaste.save': 'Simpan {n} hari',
  'calendarPaste.saveList': 'Simpan daftar',
  'calendarPaste.empty': 'Tempel daftar harinya terlebih dahulu.',
  'calendarPaste.nothing':
    'Tidak ada hari baru untuk disimpan: semua hari dalam daftar sudah ada di kalender.',
  'calendarPaste.fixFirst':
    'Belum ada yang disimpan: {n} baris tidak terbaca. Perbaiki atau hapus baris itu terlebih dahulu.',
  'calendarPaste.confirm':
    'Simpan {n} hari sekaligus? {deadlines} tenggat pada {assignments} penugasan yang masih berjalan akan bergeser.',
  'calendarPaste.confirmYes': 'Ya, simpan {n} hari',
  'calendarPaste.saved':
    '{n} hari disimpan ({from} s.d. {to}). Tenggat penugasan terbuka dihitung ulang sekali untuk semuanya:',

  'policies.title': 'Kebijakan SLA dan tahapan eskalasi',
  'policies.policy': 'Kebijakan {id}',
  'policies.default': 'Kebijakan standar',
  'policies.targets': 'Target hari kerja',
  'policies.verification': 'Verifikasi (pusat)',
  'policies.acknowledge': 'Konfirmasi penerimaan',
  'policies.followUp': 'Tindak lanjut',
  'policies.resolution': 'Penyelesaian — {type}',
  'policies.replyWindow': 'Masa tanggapan pengadu',
  'policies.legalLimit': 'Batas akhir menurut peraturan (hari kalender)',
  'policies.minimumSample': 'Sampel minimum statistik',
  'policies.reforwardClock': 'Jam saat diteruskan ulang',
  'policies.ladder': 'Tahapan eskalasi',
  'policies.step': 'Langkah {n}',
  'policies.addStep': 'Tambah langkah',
  'policies.removeStep': 'Hapus langkah {n}',
  'policies.offset': 'Selisih hari kerja',
  'policies.relativeTo': 'Dihitung',
  'policies.action': 'Tindakan',
  'policies.actionKept':
    'Langkah yang sudah disimpan tetap melakukan tindakan ini. Untuk tindakan lain, hapus langkah ini lalu tambahkan langkah baru.',
  'policies.recipients': 'Penerima',
  'policies.cc': 'Tembusan',
  'policies.saved': '{name} tersimpan. Tenggat penugasan terbuka dihitung ulang:',
  'policies.savedSince':
    'Admin lain telah menyimpan {name} sementara Anda mengubahnya, jadi perubahan Anda tidak disimpan. Muat versi terbarunya, lalu ubah lagi.',
  'job.listing': 'Mendata penugasan terbuka yang terdampak: {total} sejauh ini…',
  'job.running': '{done} dari {total} penugasan diproses, {failed} gagal.',
  'job.completed':
    'Selesai: {total} penugasan diproses, {moved} bergeser tenggatnya, {failed} gagal.',
  'job.failed':
    'Terhenti setelah {done} dari {total} penugasan ({failed} gagal). Tekan “Lanjutkan” untuk meneruskannya.',
  'job.carryOn': 'Lanjutkan',
  'job.stalled':
    'Tidak ada kemajuan sejak {at}: pekerjaan ini tampaknya terhenti. Tekan “Lanjutkan” untuk meneruskannya.',
  'job.retryFailed': 'Proses ulang yang gagal',
  'job.superseded': 'Digantikan oleh perubahan yang lebih baru, yang menghitung ulang semuanya.',
  'job.failures': '{n} penugasan gagal dihitung ulang',
  'agencies.unavailable':
    'Nama instansi belum dapat dimuat, jadi ditandai “…”. Dicoba lagi otomatis.',
  'agencies.reload': 'Muat ulang nama instansi',
  'session.agencyUnavailable':
    'Data instansi Anda belum dapat dimuat (dicoba lagi otomatis): sementara itu waktu ditampilkan dalam WIB.',
  'job.failuresShown': 'Ditampilkan {shown} pertama dari {n}.',
  'job.failedOne':
    'tenggatnya belum dihitung ulang; sampaikan rincian teknis di bawah kepada operator.',
  'jobMember.listing': 'Mendata penugasan yang didelegasikan kepada unit ini: {total} sejauh ini…',
  'jobMember.running': '{done} dari {total} penugasan yang didelegasikan diproses, {failed} gagal.',
  'jobMember.completed':
    'Selesai: {moved} penugasan dikembalikan ke instansi koordinator yang ditinggalkan, {failed} gagal.',
  'jobMember.failed':
    'Terhenti setelah {done} dari {total} penugasan yang didelegasikan ({failed} gagal). Tekan “Lanjutkan” untuk meneruskannya.',
  'jobMember.superseded':
    'Digantikan oleh pemindahan yang lebih baru, yang mengembalikan semuanya.',
  'jobMember.failures': '{n} penugasan gagal dikembalikan',
  'jobMember.failedOne':
    'belum dikembalikan ke instansi koordinator; sampaikan rincian teknis di bawah kepada operator.',

  'track.title': 'Lacak pengaduan',
  'track.code': 'Kode lacak',
  'track.find': 'Lacak',
  'track.unknown': 'Kode lacak tidak ditemukan. Periksa kembali kode pada tanda terima Anda.',
  'track.status': 'Status',
  'track.outcome': 'Hasil penutupan',
  'track.received': 'Diterima',
  'track.nextVerify': 'Asdep Pengaduan Masyarakat sedang memverifikasi pengaduan Anda.',
  'track.nextVerifyBy':
    'Asdep Pengaduan Masyarakat sedang memverifikasi pengaduan Anda, paling lambat',
  'track.nextForward':
    'Pengaduan Anda sudah diverifikasi dan akan diteruskan kepada instansi terkait.',
  'track.nextAgencies':
    'Pengaduan Anda sudah diteruskan kepada instansi terkait. Jawaban mereka akan tampil di halaman ini.',
  'track.nextAgenciesConfidential':
    'Pengaduan Anda sudah diteruskan kepada instansi terkait dan sedang ditindaklanjuti.',
  'track.answersDueBy': 'Instansi yang dituju diminta menjawab paling lambat',
  'track.replyTitle': 'Tanggapan Anda atas tindak lanjut',
  'track.replyUntil': 'Anda dapat menanggapi sampai',
  'track.replyUntilThen': 'Tanpa tanggapan sampai saat itu, pengaduan ini ditutup.',
  'track.satisfied': 'Apakah Anda puas dengan tindak lanjutnya?',
  'track.yes': 'Ya, puas',
  'track.no': 'Tidak puas',
  'track.rating': 'Penilaian (1 = buruk, 5 = sangat baik)',
  'track.message': 'Pesan (opsional)',
  'track.send': 'Kirim tanggapan',
  'track.thanks': 'Terima kasih, tanggapan Anda sudah kami terima.',
  'track.replyRefused':
    'Tanggapan Anda tidak dapat diterima: masa tanggapan sudah berakhir, atau pengaduan ini sudah ditanggapi atau ditutup sejak halaman ini dibuka. Status terbarunya tampil di atas.',
  'track.replyIntro': 'Penilaian Anda adalah atas jawaban instansi di atas.',
  'track.replyIntroConfidential': 'Penilaian Anda adalah atas penyelesaian pengaduan ini.',
  'track.answersTitle': 'Jawaban instansi',
  'track.answersIntro': 'Baca jawaban instansi berikut sebelum memberi penilaian.',
  'track.noAnswers': 'Belum ada jawaban dari instansi.',
  'track.earlierSteps':
    'Sebagian tahapan di antaranya tidak ditampilkan (yang tersimpan hanya tahapan pertama dan yang terakhir).',
  'track.earlierAnswers':
    'Ditampilkan {n} jawaban terbaru. Jawaban sebelumnya dapat Anda tanyakan kepada Asdep Pengaduan Masyarakat.',
  'track.answersConfidential':
    'Laporan ini rahasia, sehingga jawaban instansi tidak ditampilkan di halaman ini. Anda tetap dapat memberi penilaian atas penyelesaiannya.',
  'track.reopened':
    'Anda menyatakan belum puas. Pengaduan Anda dibuka kembali dan sedang ditinjau Asdep Pengaduan Masyarakat untuk diteruskan kembali kepada instansi terkait.',
  'track.rejectedTitle': 'Pengaduan tidak dapat ditindaklanjuti',
  'track.rejectedReason':
    'Asdep Pengaduan Masyarakat tidak dapat menindaklanjuti pengaduan ini, dengan alasan:',
  'track.rejectedGeneric':
    'Asdep Pengaduan Masyarakat memutuskan pengaduan ini tidak dapat ditindaklanjuti. Anda dapat menanyakan alasannya kepada kontak di bawah.',
  'track.contact':
    'Untuk bertanya, menambah keterangan, atau mencabut pengaduan, hubungi {name} melalui surel {email} dengan menyebutkan nomor agenda pada tanda terima Anda, atau perihal dan tanggal pengaduan (bukan kode lacak).',
  // A closed complaint can no longer be added to or withdrawn: only asked about.
  'track.contactClosed':
    'Untuk bertanya tentang pengaduan ini, hubungi {name} melalui surel {email} dengan menyebutkan nomor agenda pada tanda terima Anda, atau perihal dan tanggal pengaduan (bukan kode lacak).',
  'track.infoTitle': 'Kelengkapan yang diperlukan',
  'track.infoIntro':
    'Sebelum pengaduan Anda dapat diverifikasi, Asdep Pengaduan Masyarakat memerlukan:',
  'track.infoGeneric':
    'Asdep Pengaduan Masyarakat memerlukan kelengkapan informasi sebelum pengaduan Anda dapat diverifikasi.',
  'track.infoAsked': 'Diminta pada',
  'track.infoHow':
    'Kirimkan melalui surel ke {email} ({name}), atau dengan surat ke alamat tempat Anda menyampaikan pengaduan,',
  'track.infoHowGeneric':
    'Kirimkan kepada Asdep Pengaduan Masyarakat melalui saluran tempat Anda menyampaikan pengaduan,',
  // Where a letter goes: the unit's own address (a web form's complainant has no other).
  'track.infoHowPost':
    'Kirimkan melalui surel ke {email} ({name}), atau dengan surat ke {address},',
  'track.infoHowPostOnly': 'Kirimkan dengan surat ke {address},',
  // An agency waiting for the complainant (its deadlines paused) asks them for something.
  'track.agencyRequestsTitle': 'Permintaan instansi kepada Anda',
  'track.agencyRequestAsks': '{agency} meminta:',
  'track.agencyRequestsPaused':
    'Tenggat instansi tersebut dihentikan sementara sampai kiriman Anda diterima. Kiriman Anda diteruskan oleh Asdep Pengaduan Masyarakat.',
  'track.infoReference': 'dengan mencantumkan nomor agenda pengaduan Anda:',
  'track.infoReferenceGeneric':
    'dengan menyebutkan perihal dan tanggal pengaduan Anda (bukan kode lacak).',
  'track.infoKeepCode':
    'Kode lacak adalah kunci pengaduan Anda: jangan berikan kepada pihak lain, termasuk instansi yang diadukan.',
  // ---- issue 14-b: desk completeness, queues, delegation, admin ----
  'list.items': 'seluruhnya',
  'list.unread': 'baru',
  'desk.extensions': 'Permintaan perpanjangan menunggu keputusan',
  'desk.extensionAsked': '{agency} meminta {days} hari kerja',
  'desk.overdueSince': 'melewati tenggat {date}',
  'actions.extensionIfApproved': 'Jika disetujui: tenggat menjadi',
  'desk.openCase': 'Buka pengaduan',
  'actions.extensionStillLate': 'sudah lewat: instansi tetap terlambat',
  'desk.summary': 'Perlu perhatian hari ini',
  'desk.summaryNone': 'Tidak ada: {lists}.',
  'desk.summaryFailed': 'tidak dapat dimuat',
  'desk.summaryOverdue': '{n} penugasan lewat tenggat di {agencies} instansi',
  'desk.seeAll': 'Lihat semua ({n})',
  'desk.showAll': 'Tampilkan semua ({n})',
  'desk.showAllAgencies': 'Tampilkan semua {n} instansi',
  'desk.short.received': 'pengaduan baru',
  'desk.short.verified': 'belum diteruskan',
  'desk.short.needs_info': 'menunggu kelengkapan pengadu',
  'desk.short.reopened': 'dibuka kembali',
  'desk.short.extensions': 'permintaan perpanjangan',
  'desk.short.overdueByAgency': 'lewat tenggat',
  'desk.short.newlyOverdue': 'baru lewat tenggat',
  'desk.short.dueSoon': 'jatuh tempo dalam 2 hari kerja',
  'desk.short.redirected': 'bukan kewenangan',
  'desk.short.proposals': 'usulan klarifikasi',
  'desk.short.activities': 'kegiatan belum dilaporkan',
  'queue.forwarded': 'Diteruskan',
  'queue.heldBy': 'Dikerjakan oleh {agency}',
  'queue.heldBySince': 'Dikerjakan oleh {agency} sejak {at}',
  'queue.delegatedBy': 'Didelegasikan oleh {agency}',
  'queue.delegatedBySince': 'Didelegasikan oleh {agency} sejak {at}',
  'queue.total': '{n} penugasan',
  // How the case of an agency's row or assignment ended or went on (the API's `caseNotice`).
  'caseNotice.closed_by_central':
    'Ditutup oleh Asdep Pengaduan Masyarakat pada {at} sebagai “{outcome}”',
  'caseNotice.closed_satisfied': 'Ditutup pada {at}: pengadu menyatakan puas',
  'caseNotice.closed_unanswered':
    'Ditutup pada {at}: pengadu tidak menanggapi sampai batas tanggapannya berakhir',
  'caseNotice.reopened_unsatisfied': 'Dibuka kembali pada {at}: pengadu belum puas',
  'caseNotice.withdrawnByClose':
    'Penugasan ini ditarik karena pengaduan ditutup oleh Asdep Pengaduan Masyarakat pada {at} sebagai “{outcome}”',
  'timeline.withdrawnByClose': 'Pengaduan ditutup oleh Asdep Pengaduan Masyarakat: {outcome}',
  'bulk.select': 'Pilih: {subject}',
  'bulk.selectColumn': 'Pilih',
  'bulk.selectAll': 'Pilih semua yang ditampilkan dan menunggu konfirmasi penerimaan',
  'bulk.acknowledge': 'Konfirmasi penerimaan yang dipilih ({n})',
  'bulk.progress': 'Mengonfirmasi {done} dari {n}…',
  'bulk.done': '{n} penugasan dikonfirmasi diterima.',
  'bulk.failed': '{n} penugasan tidak dikonfirmasi:',
  'bulk.notPending':
    'tidak dapat dikonfirmasi lagi karena penugasan ini sudah ditarik atau dialihkan.',
  'bulk.notOurs':
    'tidak dapat dikonfirmasi karena penugasan ini sudah tidak ada pada instansi Anda: sejak antrean dimuat, pengaduannya diteruskan ulang ke instansi lain atau penugasannya ditarik.',
  'bulk.row': 'Nomor agenda {agenda}, “{subject}”',
  'bulk.rowUntitled': 'Pengaduan nomor agenda {agenda} (tanpa perihal)',
  'filters.ended': 'Termasuk yang tuntas, dialihkan dan ditarik',
  'delegate.return': 'Bukan wilayah kami: kembalikan ke koordinator {agency}',
  'delegate.returnHint':
    'Koordinator mendelegasikannya ke unit yang tepat, atau menjawab untuk instansinya. Bila pengaduan ini bukan kewenangan instansi sama sekali, pakai “Bukan kewenangan kami”.',
  'delegate.returnReason': 'Alasan',
  'delegate.returnSubmit': 'Kembalikan ke koordinator',
  'delegate.returnedPage': 'Pengaduan ini sudah dikembalikan ke koordinator instansi Anda.',
  'delegate.backToQueue': 'Kembali ke antrean',
  // The case read again answers 404 to an agency that had it open: no longer its to read.
  'case.goneTakenBack':
    'Pengaduan ini sudah tidak ada pada unit Anda: sejak halaman ini dimuat, {agency} mengambilnya kembali atau mendelegasikannya ke unit lain, jadi unit Anda tidak dapat membukanya lagi.',
  'case.goneNotOurs':
    'Pengaduan ini sudah tidak ada pada instansi Anda: sejak halaman ini dimuat, pengaduan ini dipindahkan, jadi instansi Anda tidak dapat membukanya lagi.',
  'case.goneUnsent': 'Isian yang Anda ketik di halaman ini belum terkirim.',
  // Opened afresh, the case answers 404 naming the focal point (`takenBackBy`): this unit held it.
  'case.takenBack':
    'Pengaduan ini sudah tidak ada pada unit Anda: delegasinya dari {agency} sudah berakhir (diambil kembali, dialihkan ke unit lain, atau dikembalikan), jadi unit Anda tidak dapat membukanya lagi.',
  'delegate.returned': 'Dikembalikan ke koordinator {agency}.',
  'delegate.title': 'Delegasikan ke unit anggota',
  'delegate.member': 'Unit anggota',
  'delegate.submit': 'Delegasikan',
  'delegate.held': 'Didelegasikan ke {agency}.',
  'delegate.heldSince': 'Didelegasikan ke {agency} sejak {at}.',
  'assignment.acknowledgedBy': 'Penerimaan dikonfirmasi oleh {agency} pada {at}.',
  // Above a focal point's acknowledgement and forms while a unit holds its assignment: the unit
  // may be writing its own answer at that moment.
  'delegate.answeringHeld':
    'Pengaduan ini sedang dipegang {unit}, yang mungkin sedang menulis tanggapannya sendiri. Konfirmasi atau tanggapan yang Anda kirim menjadi milik {agency}; {unit} akan melihatnya.',
  'delegate.takeBack': 'Ambil kembali dari {agency}',
  'delegate.takeBackConfirm':
    'Ambil kembali dari {agency}? {agency} tidak lagi dapat membuka pengaduan ini, dan yang sedang ditulisnya tidak terkirim. Anda dapat mendelegasikannya lagi nanti.',
  'delegate.takeBackYes': 'Ya, ambil kembali',
  'delegate.takenBack': 'Diambil kembali dari {agency}.',
  'delegate.formGoneHeld':
    'Penugasan ini sudah didelegasikan ke {agency} sejak Anda mulai mengisi formulir ini, jadi tidak dapat didelegasikan lagi. Isian Anda belum terkirim; ambil kembali dulu bila tetap ingin mendelegasikannya, atau buang bila tidak diperlukan lagi.',
  'delegate.returnGoneTakenBack':
    'Penugasan ini sudah tidak didelegasikan ke unit Anda: sejak Anda mulai mengisi, {agency} mengambilnya kembali atau mendelegasikannya ke unit lain, jadi tidak perlu dikembalikan lagi. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'delegate.savedSince':
    'Penugasan ini baru saja dipindahkan koordinator lain (didelegasikan ke unit lain, atau diambil kembali), jadi tidak ada yang diubah. Muat versi terbaru untuk melihat siapa yang memegangnya.',
  'calendar.confirmRemove':
    'Hapus {name} ({date})? {deadlines} tenggat pada {assignments} penugasan yang masih berjalan akan bergeser.',
  'calendar.confirmYes': 'Ya, hapus',
  'calendar.cancel': 'Batal',
  'calendar.checking': 'Menghitung tenggat yang akan bergeser…',
  'calendar.noHolidays':
    'Tahun {year} belum punya hari libur: tenggat yang jatuh pada tahun itu dihitung tanpa hari libur nasional dan cuti bersama.',
  // ---- issue 14-a: plain messages, agencies by name, dates --------------------------------
  'problem.unsupported_media_type':
    'Jenis berkas ini tidak diterima. Unggah PDF, JPEG, PNG atau DOCX.',
  'problem.rate_limited':
    'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar, lalu coba lagi.',
  'problem.payload_too_large':
    'Isian terlalu besar untuk dikirim. Persingkat teksnya, lalu coba lagi.',
  'problem.http_error':
    'Server tidak dapat memproses permintaan ini. Muat ulang halaman, lalu coba lagi.',
  'problem.internal_error':
    'Terjadi kesalahan di server. Coba lagi; bila berulang, sampaikan ID permintaan di bawah kepada admin.',
  'form.summary': 'Periksa isian berikut:',
  'field.counter': '{n} dari {max} karakter',
  // A date field's value in words (the browser's own order of day and month misleads).
  'field.dateTimeWords': '{date}, pukul {time}',
  'field.dateTimeZoneWords': '{date}, pukul {time} {zone}',
  // A field the officer changed that a colleague changed too meanwhile (the record read again).
  'field.changedUnderneath':
    'Rekan Anda mengubah isian ini sejak Anda mulai mengisi formulir. Isian Anda tetap di atas dan belum terkirim; isian rekan sekarang:',
  'field.theirsEmpty': '(dikosongkan)',
  'field.ticked': 'Dicentang',
  'field.unticked': 'Tidak dicentang',
  'field.takeTheirs': 'Pakai isian rekan',
  'field.takeTheirsFor': 'Pakai isian rekan untuk {label}',
  'field.keepMine': 'Tetap pakai isian saya',
  'field.keepMineFor': 'Tetap pakai isian saya untuk {label}',
  'fieldError.changedUnderneath':
    '{label} diubah rekan Anda sejak Anda mulai mengisi: pilih “Pakai isian rekan” atau “Tetap pakai isian saya” sebelum menyimpan.',
  'fieldError.field': 'Isian ini',
  'fieldError.required': '{label} wajib diisi.',
  'fieldError.choose': '{label} wajib dipilih.',
  'fieldError.tooShort': '{label} minimal {n} karakter.',
  'fieldError.tooLong': '{label} paling banyak {n} karakter.',
  'fieldError.tooSmall': '{label} paling kecil {n}.',
  'fieldError.tooBig': '{label} paling besar {n}.',
  'fieldError.tooFew': '{label}: pilih paling sedikit {n}.',
  'fieldError.tooMany': '{label}: paling banyak {n}.',
  'fieldError.email': '{label} bukan alamat surel yang benar (contoh: nama@contoh.go.id).',
  'fieldError.date': '{label} bukan tanggal dan jam yang benar.',
  'fieldError.format': '{label} tidak sesuai format.',
  'fieldError.integer': '{label} harus bilangan bulat.',
  'fieldError.invalid': '{label} tidak dapat diterima.',
  'fieldError.unknownField':
    'Formulir mengirim isian yang tidak dikenal. Muat ulang halaman, lalu coba lagi.',
  'fieldError.nik': '{label} terdiri dari 16 angka.',
  'fieldError.phone':
    '{label} bukan nomor telepon yang benar (contoh: 0812 3456 7890 atau +62 812 3456 7890).',
  'fieldError.agencyId':
    '{label} hanya berisi huruf kecil, angka dan tanda hubung, 2 sampai 40 karakter.',
  'fieldError.stepName':
    '{label} diawali huruf kecil, lalu huruf kecil, angka atau garis bawah, paling banyak 40 karakter (contoh: surat_penegasan).',
  'fieldError.requiredToAccept': '{label} wajib dipilih bila pengaduan diterima.',
  'fieldError.onlyNeedsInfo': '{label} hanya diisi bila meminta kelengkapan kepada pengadu.',
  'fieldError.onlyReject': '{label} hanya diisi bila pengaduan ditolak.',
  'fieldError.agenciesDiffer': 'Setiap instansi hanya dapat dipilih satu kali.',
  'fieldError.activityAgencyNotOnCase':
    'Instansi ini tidak menangani pengaduan ini, sehingga tidak dapat membuka kegiatannya: teruskan dulu pengaduan kepadanya.',
  'fieldError.activityAgencyPartEnded':
    'Instansi ini tidak lagi menangani pengaduan ini (penugasannya ditarik, atau dialihkan dan sudah diselesaikan), sehingga tidak lagi membaca kegiatannya: teruskan ulang pengaduan kepadanya bila ia perlu ikut.',
  'fieldError.oneLiaison':
    'Minimal satu kontak berjenis penghubung: surat peringatan dan pengingat dikirim kepadanya.',
  'fieldError.ladderShape':
    'Urutan tahapan eskalasi belum benar: peringatan dini sebelum tenggat (hari negatif), lalu langkah pertama dari tenggat (0 atau lebih) dan langkah berikutnya dari langkah sebelumnya (1 atau lebih); nama setiap langkah berbeda.',
  'fieldError.unknownAgency': '{label}: instansi ini tidak terdaftar.',
  'fieldError.future': '{label} tidak boleh di masa depan.',
  'fieldError.agencyNameTaken':
    '{label} sudah dipakai instansi lain; bedakan namanya, misalnya dengan nama provinsi atau kotanya.',
  'fieldError.agencyIdTaken': '{label} sudah dipakai instansi lain; pilih kode lain.',
  'fieldError.agencyIdReserved': '{label} “none” tidak dapat dipakai; pilih kode lain.',
  'fieldError.notMemberUnit':
    'Unit ini bukan (lagi) unit anggota instansi Anda: mungkin baru dipindahkan oleh admin. Daftar unit dimuat ulang; pilih unit lain.',
  'fieldError.letterAfterReceipt':
    '{label} jatuh sesudah tanggal surat diterima: apakah hari dan bulannya tertukar?',
  'fieldError.complaintAddress':
    'Alamat ini menerima pengaduan: balasan instansi akan tercatat sebagai pengaduan baru. Isi kotak surat unit yang dibaca petugas.',
  'fieldError.fromAfterTo': '{label} tidak boleh sesudah tanggal akhir.',
  'fieldError.numberPattern':
    '{label} harus memuat penanda nomor urut; penanda bulan (angka Romawi atau angka) dan tahun boleh dipakai.',
  'fieldError.numberPatternAmbiguous':
    '{label} harus memuat penanda nomor urut dan tahun, serta huruf atau bulan Romawi: tanpa tahun nomornya berulang tiap tahun, dan angka saja terbaca sebagai tanggal di lembar kerja.',
  'fieldError.laporNeedsRef': 'Pengaduan dari SP4N-LAPOR! wajib menyebutkan nomor laporannya.',
  'fieldError.importRowKey': 'Baris ini tidak punya nomor surat maupun nomor rujukan.',
  'fieldError.sameKeyAsRow': 'Nomor surat/rujukan sama dengan baris {row}; hapus salah satu.',
  'fieldError.yearRange': '{label} harus tanggal antara tahun 2000 dan 2100.',
  'fieldError.partyOnce': '{label}: setiap pihak paling banyak sekali.',
  'fieldError.importDate':
    '{label} bukan tanggal (TTTT-BB-HH, HH/BB/TTTT, 2 Maret 2026, atau sel tanggal).',
  'fieldError.importNoSuchDay':
    '{label}: tanggal ini tidak ada di kalender (misalnya 31 April); periksa hari dan bulannya.',
  'fieldError.importNameWithIdentity':
    '{label} wajib diisi bila baris memuat NIK, telepon, surel, atau alamat pengadu.',
  'fieldError.importNumberCell':
    '{label} tersimpan sebagai sel angka di Excel, yang membulatkan NIK dan menghapus angka 0 di depan nomor telepon: format kolom ini sebagai Teks, lalu ketik ulang isinya.',
  'fieldError.importChannel':
    '{label} tidak dikenal. Tulis salah satu: Surat, Surel, Datang langsung, SP4N-LAPOR!, Media sosial, Formulir pengaduan daring, atau Lainnya.',
  'fieldError.importDuplicateColumn':
    '{label}: berkas ini punya lebih dari satu kolom dengan judul itu. Ubah judul kolom-kolom itu agar berbeda, lalu pilih kolom yang dimaksud.',
  'import.fileTooLarge':
    'Berkas ini terlalu besar untuk sekali impor: paling banyak {max} KB dan 500 baris per berkas. Bagi register menjadi beberapa berkas, lalu impor satu per satu.',
  'import.missingColumns':
    'Kolom ini tidak ada di berkas: {missing}. Judul kolom di berkas: {columns}. Pilih kolom dari judul itu, lalu jalankan uji coba lagi.',
  'import.missingColumn': '{label} (“{title}”)',
  'import.fileColumns': 'Judul kolom di berkas ini: {columns}.',
  'import.stale':
    'Pemetaan kolom, sistem asal, atau saluran berubah sejak laporan ini dibuat. Jalankan uji coba lagi sebelum mengimpor.',
  'fieldError.requiredUnlessAnonymous': '{label} wajib diisi, kecuali pengaduan anonim.',
  'fieldError.anonymousNoIdentity': 'Pengaduan anonim tidak memuat identitas pengadu.',
  'fieldError.mapRequired': 'Pilih kolom untuk tanggal diterima, perihal dan uraian.',
  'fieldError.mapRowKey': 'Pilih kolom kunci baris: nomor surat atau nomor rujukan eksternal.',
  'fieldError.externalSystem': '{label} wajib diisi bila ada kolom nomor rujukan eksternal.',
  'fieldError.server': '{label} ditolak server. Periksa kembali isian ini.',
  'fieldError.dayTwice': '{label}: hari yang sama sudah ada di daftar ini.',
  'fieldError.savedStepKeepsAction':
    '{label}: langkah yang sudah disimpan tetap melakukan tindakannya. Hapus langkah ini lalu tambahkan langkah baru.',
  'picker.search': 'Ketik nama instansi…',
  'picker.results': '{n} instansi cocok.',
  'picker.none': 'Tidak ada instansi yang cocok.',
  'picker.more': '…dan {n} lainnya: ketik lebih banyak untuk mempersempit.',
  'picker.chosen': 'Instansi dipilih',
  'picker.remove': 'Hapus {agency}',
  'picker.change': 'Ganti instansi ({agency})',
  'picker.unpicked': '{label}: pilih instansi dari daftar, atau kosongkan kolom ini.',
  'caseActions.addAgency': 'Cari dan tambah instansi',
  'caseActions.agenciesHint':
    'Ketik sebagian nama instansi, pilih dengan panah dan Enter. Setiap instansi dapat diberi arahan sendiri.',
  'case.untitled': 'Pengaduan tanpa perihal',
  'deadlines.countedFromDate':
    'Dihitung sejak {date}; hitungan dimulai pada hari kerja berikutnya.',
  'actions.extensionPending':
    'Permintaan perpanjangan {days} hari kerja masih menunggu keputusan pusat. Permintaan baru dapat dikirim setelah diputuskan.',
  'actions.extensionMoves':
    'Yang diperpanjang: batas waktu yang belum dipenuhi ({deadlines}). Bila pusat menyetujui, setiap batas itu mundur sebanyak hari kerja yang diminta, dihitung dengan hari libur instansi Anda, dan batas yang baru tampil di sini.',
  'timeline.statusChange': 'Status: {from} → {to}',
  'timeline.mailFiles': '{count} berkas dalam surel, {attached} dilampirkan',
  'timeline.mailFilesSome':
    '{count} berkas dalam surel, {attached} dilampirkan (selebihnya hanya ada di surel asli)',
  'timeline.followUpFilesSome':
    '{count} berkas dalam surel, {attached} dilampirkan (selebihnya hanya ada di surel lanjutan)',
  'timeline.mailViaList':
    'Diterima lewat grup atau milis: alamat pengirim bisa jadi alamat grupnya; periksa surel asli',
  'timeline.mailForwardedBy':
    'Diteruskan oleh petugas {by}: pengadu, perihal, isi dan berkas diambil dari surel yang diteruskannya',
  'timeline.mailForwardNote': 'Catatan petugas: “{note}”',
  'timeline.reforwardedTo': 'Diteruskan ulang ke {agency}',
  'timeline.resentTo': 'dikirim ulang kepada {to}',
  'timeline.letterDated': 'suratnya bertanggal {date}',
  'timeline.activityPrevious': 'sebelumnya {at}',
  'timeline.attachmentShared': 'Lampiran “{name}” dibuka untuk instansi',
  'timeline.attachmentWithheld': 'Lampiran “{name}” dikembalikan hanya untuk pusat',
  'timeline.suggested': 'Disarankan: {agency}',
  'timeline.askedComplainant': 'Diminta dari pengadu: “{asked}”',
  'timeline.workingDays': '{days} hari kerja',
  'timeline.resumedNoMove': 'Tenggat tidak bergeser: jeda pada hari kerja belum genap satu hari',
  'timeline.recomputedNoMove': 'Tenggat tidak bergeser',
  'timeline.moved': '{target}: {from} → {to}',
  'timeline.returnedBy': 'Dikembalikan ke koordinator oleh {agency}',
  'timeline.delegatedTo': 'Didelegasikan ke {agency}',
  'timeline.takenBack': 'Ditarik kembali oleh instansi koordinator',
  'timeline.memberLeft':
    'Kembali ke instansi koordinator: {agency} tidak lagi menjadi unit anggotanya',
  'timeline.satisfied': 'Puas, nilai {rating} dari 5',
  'timeline.restatedSubject': 'Perihal: {subject}',
  'timeline.showAll': 'Tampilkan selengkapnya',
  'timeline.showLess': 'Tampilkan lebih sedikit',
  'timeline.restatedDescription': 'Uraian untuk instansi diganti',
  'timeline.subjectRestated': 'Perihal dirumuskan ulang',
  'timeline.previousSubject': 'Perihal sebelumnya: {subject}',
  'timeline.previousDescription': 'Sebelumnya dibaca instansi: “{text}”',
  'timeline.notSatisfied': 'Tidak puas, nilai {rating} dari 5',
  // A complainant's follow-up e-mail that joined their case (or answered one that had ended).
  'event.complainant_mail': 'Surel lanjutan dari pengadu',
  // The e-mail intake mailed the complainant their receipt (central's alone).
  'event.mail_receipt_sent': 'Tanda terima dikirim ke pengadu',
  'event.mail_receipt_failed': 'Tanda terima tidak terkirim ke pengadu',
  'timeline.mailReceiptFailed':
    'Alamat surel pengadu masih menolaknya tiga hari setelah pengaduan dicatat; pengiriman dihentikan. Bila perlu, beri tahu pengadu nomor agenda dan kode lacaknya dengan cara lain.',
  'timeline.mailReceiptSent':
    'Nomor agenda, batas waktu verifikasi dan kode lacak dikirim lewat surel ke alamat pengirim pengaduan ini',
  'timeline.mailOriginalNotKept':
    'Surel asli tidak dilampirkan: pengaduan ini sudah memuat 30 lampiran',
  'timeline.followUpNotKept':
    'Surel lanjutan tidak dilampirkan: pengaduan ini sudah memuat 30 lampiran',
  'timeline.followUpOf': 'Surel ini membalas pengaduan {ref}, yang sudah ditolak atau ditutup',
  'timeline.followUpUnverified':
    'Surel ini mengaku membalas pengaduan {ref} dari alamat pengadunya, tetapi pengirimnya tidak dapat diverifikasi (alamat pengirim mudah dipalsukan), jadi tidak digabungkan ke pengaduan itu; periksa surel asli sebelum menindaklanjutinya',
  'desk.complainantAnswered': 'pengadu membalas',
  'track.ratingLabel': 'Penilaian',
  'track.satisfiedLabel': 'Puas atau tidak puas',
  // A paused clock (audit s22 #2): its open targets, and the line under the assignment's heading.
  'deadline.paused': 'Dihentikan sementara',
  'assignment.pausedSince': 'Tenggat dihentikan sementara sejak {since}',
  'assignment.pausedClock': 'Tenggat dihentikan sementara',
  'assignment.pausedMoves': 'tanggal bergeser saat dilanjutkan',
  // A form on an assignment that, read again, no longer allows it: its text kept until discarded.
  'assignment.formGone':
    'Penugasan ini sudah berstatus “{state}” sejak Anda mulai mengisi formulir ini, jadi tindakan ini tidak dapat dilakukan lagi. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'assignment.pauseGone':
    'Tenggat penugasan ini sudah dihentikan sementara sejak Anda mulai mengisi formulir ini, jadi tidak dapat dihentikan lagi. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'assignment.extensionLapsed':
    'Permintaan perpanjangan ini gugur: penugasan sudah berstatus “{state}” sejak Anda mulai mengisi keputusan ini, jadi tidak dapat diputuskan lagi. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'assignment.extensionDecided':
    'Permintaan perpanjangan ini tidak lagi menunggu keputusan: sejak Anda mulai mengisi, rekan Anda sudah memutuskannya (lihat Riwayat) atau penugasan diteruskan ulang. Isian Anda belum terkirim; buang bila tidak diperlukan lagi.',
  'actions.acknowledgeReadAgain':
    'Penerimaan tidak dapat dikonfirmasi: penugasan ini berubah sejak halaman dimuat, dan sudah dimuat ulang. Keadaannya sekarang tertera pada kartu ini.',
  // An ended assignment takes no more files (audit s22 #1); unsent text survives an expired
  // session's trip to sign-in (audit s22 #3).
  'attachments.closed': 'Lampiran tidak dapat ditambahkan lagi: penugasan sudah selesai.',
  'attachments.closedRefused':
    'Lampiran tidak dapat ditambahkan: penugasan ini sudah selesai (tindak lanjut akhir terkirim, dialihkan, atau ditarik). Lampiran harus diunggah sebelum tindak lanjut akhir dikirim.',
  'actions.finalAttachFirst':
    'Pilih lampirannya (surat jawaban, bukti) di bawah sebelum menekan Kirim: sesudah tindak lanjut akhir, lampiran tidak dapat ditambahkan.',
  // The agency's files are chosen in its answer form and go on its one "Kirim", stored before
  // the answer: with an upload of their own, answers went without them, for good after a final one.
  'attachments.answerFiles':
    'Lampiran (PDF, JPEG, PNG atau DOCX, masing-masing paling besar 20 MB)',
  'attachments.answerFilesHint':
    'Surat jawaban, foto atau bukti lain; boleh beberapa berkas. Berkas diunggah saat Anda menekan Kirim, sebelum tanggapannya terkirim.',
  'attachments.answerFilesChosen': '{n} berkas akan dikirim bersama tanggapan ini:',
  'attachments.answerFilesLost':
    'Berkas yang tadi dipilih belum terkirim dan tidak ikut dipulihkan: {names}. Pilih lagi sebelum mengirim.',
  'attachments.answerFileStoring': 'sedang diunggah…',
  'attachments.answerFileStored': 'tersimpan sebagai lampiran',
  'attachments.answerFileFailed': 'belum terunggah',
  'attachments.answerFileRemove': 'Hapus {name}',
  'attachments.remove': 'Hapus',
  'attachments.tooLargeNamed':
    '{names} lebih dari 20 MB, jadi tidak ikut dipilih. Perkecil berkasnya (misalnya pindai ulang dengan resolusi lebih rendah), lalu pilih lagi.',
  'attachments.answerNotSent':
    'Tanggapan belum dikirim: lampiran {name} tidak dapat diunggah. {why}',
  'actions.finalWithFiles': 'Lampiran yang ikut terkirim: {files}.',
  'actions.finalNoFiles':
    'Tanpa lampiran: bila ada surat jawaban atau bukti, pilih Batal lalu pilih berkasnya pada isian Lampiran.',
  'actions.sentWithFiles': 'Tersimpan, dengan lampiran {files}.',
  'attachments.uploadWithAnswer':
    'Lampiran dipilih pada formulir “Kirim tanggapan” di kartu penugasan di atas dan terunggah bersama tanggapannya.',
  'forms.draftRestored': 'Isian yang belum terkirim dipulihkan.',
  // Only what holds: some forms keep no draft (audit s23 #3); those that do say so.
  'signIn.expired':
    'Sesi Anda berakhir; silakan masuk kembali. Formulir yang menyimpan isian yang belum terkirim memulihkannya dengan keterangan “Isian yang belum terkirim dipulihkan.”; formulir tanpa keterangan itu perlu diisi ulang.',
  // Central's register and desk (audit s23 #2): oldest first puts the soonest verify-and-forward
  // deadline on top. The complainant's details on the case page, each on its line (#5).
  'cases.order': 'Urutan',
  'cases.orderNewest': 'Terbaru dulu',
  'cases.orderOldest': 'Terlama diterima dulu',
  'case.complainantIdNumber': 'NIK pengadu',
  'case.complainantEmail': 'Surel pengadu',
  'case.complainantPhone': 'Telepon pengadu',
  'case.complainantAddress': 'Alamat pengadu',
  // Central's case page: what the search finds by the complainant's NIK, phone or e-mail.
  'case.otherCases': 'Pengaduan lain dari pengadu ini',
  'case.otherCasesNone': 'Tidak ada pengaduan lain.',
  ...intakeId,
} as const;

export type MessageKey = keyof typeof id | DocumentsMessageKey;

const en = {
  'nav.label': 'Main navigation',
  'nav.skip': 'Skip to content',
  'nav.language': 'Language',
  'nav.signOut': 'Sign out',
  'nav.track': 'Track a complaint',
  'nav.queue': 'Queue',
  'nav.letters': 'Letters',
  'nav.desk': 'Desk',
  'nav.cases': 'Complaints',
  'nav.worklist': 'Assignments',
  'worklist.title': 'Agencies’ assignments',
  'worklist.listNewlyOverdue': 'Overdue since the previous working day.',
  'worklist.listNewlyOverdueOn': 'Overdue on {target} since the previous working day.',
  'worklist.listDueWithin': 'Due within {n} working days, not yet overdue.',
  'worklist.listAwaitingReforward': 'Not theirs, awaiting a re-forward.',
  'worklist.clearList': 'Show every assignment',
  'worklist.xlsx': 'Download Excel',
  'worklist.csv': 'Download CSV',
  'worklist.tooLarge':
    'This list holds too many assignments for one file. Filter it by agency or by state, then download again.',
  'nav.stats': 'Statistics',
  'nav.agencies': 'Agencies',
  'nav.calendar': 'Calendar',
  'nav.policies': 'SLA policies',

  'common.loading': 'Loading…',
  'common.loadMore': 'Load more',
  'common.working': 'Working…',
  'common.empty': 'Nothing here.',
  'common.none': 'None.',
  'common.saved': 'Saved.',
  'common.reloadLatest': 'Load the latest version',
  'common.technicalDetail': 'Technical detail (for the operator)',
  'common.notFound': 'Page not found.',

  'problem.network':
    'Could not reach the server. Check the connection and try again; what you typed is still in the form.',
  'problem.requestId': 'Request id',
  'problem.validation_failed': 'Some fields need attention: see the note at each one.',
  'problem.fieldsListed': 'Some fields need attention:',
  'problem.unauthorized': 'Your session ended. Please sign in again.',
  'problem.forbidden': 'You are not allowed to do this.',
  'problem.not_found': 'This was not found, or it is not your agency’s.',
  'problem.already_exists':
    'This already exists, or a similar request is still awaiting a decision.',
  'problem.precondition_failed':
    'Someone else has just added this, so yours was not saved. Reload the page to see it, then decide whether to replace it all the same.',
  'problem.invalid_transition':
    'This is not possible in the complaint’s current state. Reload the page to see it.',
  'problem.version_conflict': 'Someone else just changed this. Reload the page, then try again.',
  'problem.idempotency_key_reused':
    'This request was already received with other content, so it may already be saved. Check first, for example look for the complaint in the list, before sending again so it is not recorded twice.',
  'problem.limit_exceeded':
    'A limit was reached: too many items, or too long to store. Shorten it, then try again.',
  'problem.limit.pauses':
    'This assignment’s deadlines have been paused 50 times, the limit for one forwarding. If more time is needed, ask for an extension.',
  'problem.limit.extension_requests':
    'This assignment has asked for more time 20 times, the limit for one forwarding. Contact the complaint unit (Asdep Pengaduan Masyarakat).',
  'problem.limit.attachments':
    'This complaint holds as many attachments as it may (30 files), so this file cannot be added; attachments already stored cannot be taken out. If the document must still be delivered, contact the complaint unit (Asdep Pengaduan Masyarakat). To avoid this, combine several documents into one PDF before uploading.',
  'problem.limit.import_rows':
    'This register has more than 500 rows, the limit of one import. Split it into several files of at most 500 rows each and import them one at a time.',
  'problem.limit.open_activities':
    'This complaint holds 50 monitoring activities not yet finished, the limit for one complaint. Report those already held or cancel those not needed, then try again.',
  'problem.service_unavailable':
    'The service is busy. Try again shortly; your input is kept in the form.',
  // A download the malware scan has not cleared (409 scan_pending, 422 scan_refused).
  'problem.scan_pending':
    'The file is still being checked for viruses; try downloading it again in a minute or two.',
  'problem.scan_refused':
    'This file did not pass the virus check and cannot be downloaded; upload a clean copy again.',
  'publicProblem.not_found':
    'The tracking code was not found. Check the code on your receipt, then try again.',
  'publicProblem.idempotency_key_reused':
    'This complaint was already sent and we have received it, so do not send it again or it would be recorded twice. Its receipt cannot be shown here again, but your complaint will still be verified.',
  'publicProblem.internal_error':
    'The complaint service has a problem. Try again in a few minutes; what you typed stays on this page.',
  'publicProblem.http_error':
    'This request cannot be handled now. Try again in a few minutes without reloading the page; what you typed stays on this page.',

  'signIn.title': 'Sign in',
  'signIn.local': 'Embedded runtime: pick a demo user.',
  'signIn.cognito': 'Sign in with the account the Asdep Dumas administrator gave you.',
  'signIn.button': 'Sign in',

  'role.central_admin': 'Central admin',
  'role.central_officer': 'Central officer',
  'role.agency_coordinator': 'Agency coordinator',
  'role.agency_officer': 'Agency officer',
  'zone.Asia/Jakarta': 'WIB',
  'zone.Asia/Makassar': 'WITA',
  'zone.Asia/Jayapura': 'WIT',
  'zoneOffset.Asia/Jakarta': 'WIB (UTC+7)',
  'zoneOffset.Asia/Makassar': 'WITA (UTC+8)',
  'zoneOffset.Asia/Jayapura': 'WIT (UTC+9)',

  'status.received': 'Received',
  'status.needs_info': 'Needs information',
  'status.verified': 'Verified',
  'status.rejected': 'Rejected',
  'status.forwarded': 'Forwarded',
  'status.in_follow_up': 'In follow-up',
  'status.resolved': 'Resolved',
  'status.reopened': 'Reopened',
  'status.closed': 'Closed',
  'state.pending': 'Pending',
  'state.acknowledged': 'Acknowledged',
  'state.responded': 'Responded',
  'state.completed': 'Completed',
  'state.redirected': 'Not ours',
  'state.withdrawn': 'Withdrawn',
  'channel.letter': 'Letter',
  'channel.email': 'Email',
  'channel.walk_in': 'Walk-in',
  'channel.lapor': 'SP4N-LAPOR!',
  'channel.social_media': 'Social media',
  'channel.other': 'Other',
  'target.acknowledge': 'Acknowledgement',
  'target.followUp': 'Follow-up',
  'target.resolution': 'Resolution',
  'target.reply_window': 'Complainant reply window',
  'target.verification': 'Verification and forwarding',
  'type.light': 'Light',
  'type.normative': 'Normative',
  'type.examination': 'Examination',
  'outcome.resolved': 'Resolved',
  'outcome.unresolved': 'Unresolved',
  'outcome.withdrawn': 'Withdrawn',
  'decision.accept': 'Accept',
  'decision.needs_info': 'Ask for information',
  'decision.reject': 'Reject',
  'responseKind.progress': 'Progress',
  'responseKind.final': 'Final follow-up',
  'level.1': 'Reminder I',
  'level.2': 'Reminder II',
  'level.3': 'Formal warning',
  'level.4': 'Central intervention',
  'level.other': 'Level {n}',
  'step.warning': 'Early warning',
  'step.reminder_1': 'Reminder I',
  'step.reminder_2': 'Reminder II',
  'step.reminderNumbered': 'Reminder {n}',
  'step.formal_warning': 'Formal warning',
  'step.central_intervention': 'Central intervention',
  'action.warning': 'Warning',
  'action.reminder': 'Reminder',
  'action.formal_warning': 'Formal warning',
  'action.central_intervention': 'Central intervention',
  'party.agency': 'Agency liaison',
  'party.agency_head': 'Agency head',
  'party.focal_point': 'Focal point liaison',
  'party.central': 'Central',
  'relativeTo.due': 'from the deadline',
  'relativeTo.previous': 'from the previous step',
  'clock.fresh': 'Starts afresh on re-forward',
  'clock.inherit': 'Inherits the first forwarding date',
  'activity.initial_evaluation': 'Initial evaluation',
  'activity.clarification': 'Clarification',
  'activity.confirmation': 'Confirmation',
  'activity.coordination': 'Coordination',
  'activity.mediation': 'Mediation',
  'activity.investigation': 'Investigation',
  'activity.case_conference': 'Case conference',
  'activityStatus.proposed': 'Proposed',
  'activityStatus.planned': 'Planned',
  'activityStatus.done': 'Done',
  'activityStatus.cancelled': 'Cancelled',
  'letterStatus.pending': 'Queued',
  'letterStatus.sent': 'Sent',
  'letterStatus.failed': 'Failed',
  'letterStatus.cancelled': 'Not sent',
  'letterVoid.ended': 'its assignment had ended',
  'letterVoid.paused': 'its clock was paused',
  'letterVoid.targets_met': 'the targets it names were met',
  'letterVoid.not_overdue': 'its deadline was extended',
  'letterVoid.deadline_passed': 'the deadline it warned of had passed',
  'letterVoid.deadline_moved': 'the deadline it warned of had moved',
  'letters.cancelled': 'no longer true when its time to go came:',
  'agencyKind.ministry': 'Ministry',
  'agencyKind.agency': 'Agency',
  'agencyKind.local_government': 'Local government',
  'agencyKind.soe': 'State-owned enterprise',
  'agencyKind.other': 'Other',
  'dayKind.national_holiday': 'National holiday',
  'dayKind.collective_leave': 'Collective leave (cuti bersama)',
  'dayKind.other': 'Other',
  'event.case_registered': 'Complaint registered',
  'event.case_verified': 'Verified',
  'event.case_rejected': 'Rejected',
  'event.case_needs_info': 'Information requested',
  'event.case_restated': 'Restated for the agencies',
  'event.case_status_changed': 'Status changed',
  'event.case_closed': 'Closed',
  'event.assignment_forwarded': 'Forwarded to agency',
  'event.assignment_acknowledged': 'Acknowledged by agency',
  'event.response_submitted': 'Agency response',
  'event.assignment_redirected': 'Agency says not theirs',
  'event.assignment_withdrawn': 'Forwarding withdrawn',
  'event.escalation_step': 'Escalation step',
  'event.escalation_skipped': 'Escalation step skipped',
  'skipReason.target_met': 'as it had been met',
  'skipReason.deadline_passed': 'as its deadline had passed',
  'skipReason.caught_up': 'as the agency had caught up',
  'skipReason.ended': 'as the assignment had ended',
  'event.extension_requested': 'Extension requested',
  'event.extension_approved': 'Extension approved',
  'event.extension_refused': 'Extension refused',
  'event.assignment_paused': 'Deadlines paused',
  'event.assignment_resumed': 'Deadlines resumed',
  'event.deadlines_recomputed': 'Deadlines recomputed',
  'event.activity_planned': 'Activity planned',
  'event.activity_proposed': 'Activity proposed',
  'event.activity_reported': 'Activity reported',
  'event.activity_cancelled': 'Activity cancelled',
  'event.activity_scheduled': 'Activity scheduled',
  'event.complainant_replied': 'Complainant replied',
  'event.assignment_delegated': 'Delegated',
  'event.reply_window_ended': 'Reply window ended',
  'event.redirect_settled': 'No re-forward needed',
  'event.letter_resent': 'Letter sent again',
  'event.letter_dismissed': 'Failed letter marked handled',
  'event.attachment_visibility_changed': 'Attachment access changed',
  'actor.escalation': 'Escalation system',
  'actor.complainant': 'Complainant',

  'deadline.met': 'On time',
  'deadline.met_late': 'Late',
  'deadline.overdue': 'Overdue',
  'deadline.due_soon': 'Due soon',
  'deadline.open': 'Open',

  'filters.label': 'Filters',
  'filters.state': 'Assignment state',
  'filters.status': 'Status',
  'filters.all': 'All',
  'filters.any': 'No filter',
  'filters.overdueTarget': 'Overdue on',
  'filters.overdueOnly': 'Overdue only',
  'filters.members': 'Include member units',
  'filters.heldBy': 'Held by unit',
  'filters.heldByNone': 'Not delegated yet',
  'filters.apply': 'Apply',
  'filters.labelActive': 'Filters ({n} on)',

  'queue.title': 'Complaint queue',
  'queue.case': 'Complaint',
  'queue.agency': 'Agency',
  'queue.state': 'State',
  'queue.next': 'Next deadline',
  'queue.level': 'Escalation',

  'case.received': 'received',
  'case.trackingCode': 'Tracking code',
  'case.confidential': 'Confidential',
  'case.complaint': 'Complaint',
  'case.agencyDescription': 'The complaint as the agencies read it (restated by central)',
  'case.rejection': 'Why it was rejected, for the complainant',
  'case.rejectionNoReason': '(none written)',
  'case.complainant': 'Complainant',
  'case.identityHidden': 'Complainant identity withheld',
  'case.identityPartEnded':
    'The complainant’s identity is no longer shown: your agency’s part in this complaint has ended.',
  'case.identityHiddenFromAgencies': 'withheld from agencies',
  'case.respondent': 'Respondent',
  'case.location': 'Location',
  'case.type': 'Complaint type',
  'case.verificationDue': 'Verify and forward by',
  'case.legalLimit': 'Legal limit for settling it',
  'case.legalLimitPassed': 'Past the legal limit',
  'case.legalLimitHint':
    'In calendar days from a complete file (Perpres 76/2013: 60 days), apart from each agency’s working-day deadlines.',
  'case.replyWindow': 'Complainant may reply until',
  'case.replyWindowHint':
    'The complainant may rate the final answers until then; without a reply, the case closes itself as resolved.',
  'case.verificationStopped':
    'Stopped: waiting for the complainant to complete the complaint. Counted again from its acceptance once completed.',
  'case.closure': 'Closure',
  'case.closedSatisfied': 'The complainant said they were satisfied with the agencies’ answers.',
  'case.closedUnanswered':
    'The complainant did not reply before their reply window ended; closed automatically.',
  'case.infoRequest': 'Asked of the complainant',
  'case.timeline': 'Timeline',
  'case.timelineNewestFirst': 'Newest first.',

  'activities.title': 'Monitoring activities',
  'activities.order':
    'Those not yet held or not yet reported first, the nearest at the top; then those done or cancelled, newest at the top.',
  'activities.earlier':
    'Older activities, done or cancelled, are not shown here: they are recorded in the History.',
  'activities.unscheduled': 'Not scheduled yet',
  'comingActivities.title': 'Coming activities',
  'comingActivities.for': 'for {agency}',
  'activities.report': 'Report',
  'activities.cancellation': 'Why it was cancelled',

  'assignment.title': 'Assignment: {agency}',
  'assignment.ours': 'Our assignment:',
  'assignment.oursOf': 'Assignment of {agency}:',
  'answers.show': 'Answers from {agency}',
  'answers.none': 'No answer from this agency yet.',
  'answers.answer': 'Answer',
  'assignment.instructions': 'Central’s instructions',
  'assignment.redirected': 'Declared not theirs: {reason}',
  'assignment.paused': 'Paused',

  'deadlines.inherited':
    'The deadlines count from {from}, the complaint’s first forwarding, not from its forwarding to this agency ({forwarded}): it was forwarded again after another agency said it was not theirs.',
  'deadlines.inheritedFrom':
    'The deadlines count from {from}, when this complaint was forwarded to {agency}, not from its forwarding to this agency ({forwarded}): {agency} said it was not theirs.',
  'deadlines.title': 'Deadlines',
  'deadlines.zone': '{zone} time; counted in working days.',
  'deadlines.metAt': 'met',
  'deadlines.daysLeft': '{days} working {days|day|days} left',
  'deadlines.lastDay': 'today is the last working day',
  'deadlines.daysLate': '{days} working {days|day|days} late',
  'deadlines.how': 'How was this computed',
  'deadlines.countedFrom': 'Counted from',
  'deadlines.workingDays': '{days} working {days|day|days} (policy: {policy})',
  'deadlines.extension': 'Extension +{days} working {days|day|days}',
  'deadlines.pause': 'Paused +{days} working {days|day|days}',
  'deadlines.lastWorkingDay': 'Last working day:',
  'deadlines.skipped': 'Holidays skipped:',
  'deadlines.noHolidays': 'No holidays in this span.',
  'deadlines.paused': 'Paused',
  'deadlines.stillPaused': 'still paused',
  'deadlines.uncovered': 'No holiday calendar for {years} yet: the deadline may move.',
  'ladder.title': 'Escalation ladder',
  'ladder.taken': 'Taken',
  'ladder.toCome': 'To come',
  'ladder.folded': 'Escalation ladder ({count})',

  'actions.acknowledge': 'Acknowledge receipt',
  'actions.respond': 'Send a response',
  'actions.responseKind': 'Kind of response',
  'actions.message': 'Response',
  'actions.send': 'Send',
  'actions.save': 'Save',
  'actions.decisionNote': 'Note for the agency',
  'actions.decisionNoteHint':
    'The agency reads it in the case’s timeline with this decision, for example what to attach.',
  'actions.redirect': 'Not ours',
  'actions.reason': 'Reason',
  'actions.suggestedAgency': 'Competent agency',
  'actions.suggestedAgencyHint': 'If known: type part of its name, then choose it.',
  'actions.extension': 'Request more time',
  'actions.workingDays': 'Extra working days',
  'actions.decideExtension': 'Extension request of {days} working {days|day|days}: {reason}',
  'actions.decision': 'Decision',
  'actions.decide': 'Decide',
  'actions.approve': 'Approve',
  'actions.refuse': 'Refuse',
  'actions.note': 'Note',
  'actions.pause': 'Pause deadlines',
  'actions.pauseReason': 'Reason (e.g. waiting for the complainant)',
  'actions.pauseAsk': 'What the complainant is asked to send (when waiting for them)',
  'actions.pauseAskHint':
    'Shown to the complainant on their tracking page under your agency’s name, with the complaint unit’s address to send it to, while the deadlines are paused. The reason above is not shown. A confidential report does not show it: ask through the complaint unit.',
  'actions.reforwardedSince':
    'Central has just forwarded this complaint to your agency again, perhaps with other instructions. Yours is not sent and stays in the form: load the latest version, read the instructions, then send again.',
  'actions.withdraw': 'Withdraw the assignment',
  'actions.withdrawReason': 'Reason for withdrawing',
  'actions.withdrawHint':
    'For a forwarding made by mistake, or an agency dissolved: the assignment ends, its reminders stop, and the reason is kept in the history. Forward again to the right agency if needed.',
  'actions.withdrawLast':
    'This is the only agency on the complaint: once withdrawn, the complaint goes back to the “to forward” list.',
  'actions.resume': 'Resume deadlines',

  'caseActions.title': 'Central actions',
  'caseActions.verify': 'Verify and classify',
  'caseActions.decision': 'Verification decision',
  'caseActions.typeHint': 'Required to accept.',
  'caseActions.category': 'Category',
  'caseActions.subject': 'Subject (restated)',
  'caseActions.subjectHint':
    'The agencies see this subject: restate it if needed, for example without the complainant’s name. Sent only when changed.',
  'caseActions.settleRedirect': 'No re-forward needed: {agency}',
  'caseActions.settleRedirectHint':
    'This agency said the complaint is not theirs. When the agencies handling it are enough, it needs no re-forward: the complaint is settled once their final answers are in, and the complainant may reply to them.',
  'caseActions.settleRedirectAlone':
    'No other agency has this complaint: forward it to the agency that should act (not {agency}), or close it.',
  'caseActions.settleRedirectReason': 'Reason',
  'caseActions.settleRedirectGone':
    '“Not ours” from {agency} was settled, or answered by a forward, since you began this form. Your reason was not sent; discard it when you no longer need it.',
  'caseActions.settleRedirectSubmit': 'No re-forward needed',
  'caseActions.identityHidden': 'Hide the complainant’s identity from the agencies',
  'caseActions.identityHiddenHint':
    'When the complainant asks for it (UU 25/2009 art. 42): the agencies see no name, ID number, phone, e-mail or address, and the files that came with the complaint stay with central.',
  'caseActions.description': 'The complaint for the agencies',
  'caseActions.descriptionHint':
    'The agencies read this text, not the complainant’s own (which stays with central): take out the name, ID number, phone, address and signature. Sent only when changed.',
  'caseActions.descriptionRequired':
    'Restate the complaint for the agencies without the complainant’s identity: an e-mail’s text carries its sender’s signature.',
  'restate.title': 'Restate for the agencies',
  'restate.hint':
    'The agencies read this subject and text in their case, their search and the next letters. Letters already written keep their text. The timeline records the change, and central can still read the earlier wording.',
  'restate.withheld':
    'The agencies cannot read this complaint yet: the complainant’s identity is hidden and the e-mail’s text carries the sender’s signature. Take the name, phone, address and signature out of the text below, then save.',
  'restate.submit': 'Save the restatement',
  'restate.queuesBehind':
    'The new subject does not show in every agency’s queue yet (the last save was cut short): save once more to finish it.',
  'restate.savedSince':
    'This complaint changed since the form was opened (another officer’s restatement, or an agency’s action). Yours is not saved: copy it if needed, load the latest version, then save again.',
  'restate.nothing':
    'Change the subject or the complaint for the agencies: nothing has been changed.',
  'caseActions.rejectReason': 'Reason for the complainant',
  'caseActions.rejectReasonHint':
    'Shown to the complainant on the tracking page, for example the body that can handle it. The note below stays with central.',
  'caseActions.rejectReasonHintConfidential':
    'Confidential report: this reason is NOT shown on the tracking page (its status only); central keeps it. Tell the complainant yourself if needed.',
  'caseActions.missing': 'What the complainant must send',
  'caseActions.missingHint':
    'Required when asking for information. Shown to the complainant on the tracking page: no internal notes.',
  'caseActions.missingHintConfidential':
    'Required when asking for information. Confidential report: this request is NOT shown on the tracking page. Tell the complainant yourself, through their contact: {contact}.',
  'caseActions.missingHintUnreachable':
    'Required when asking for information. Confidential report: this request is NOT shown on the tracking page, and the complainant left no contact.',
  'caseActions.missingNobodyTells':
    'Confidential report without the complainant’s contact: nobody can tell the complainant what is missing, so the complaint would wait with no end. Accept or reject it on what it has.',
  'caseActions.missingRequired': 'Say what the complainant must send.',
  'caseActions.rejectReasonRequired': 'Say why the complaint is rejected, for the complainant.',
  'caseActions.forward': 'Forward to agencies',
  'caseActions.reforward': 'Forward (again) to agencies',
  'caseActions.forwardButton': 'Forward',
  'caseActions.agencies': 'Agencies',
  'caseActions.suggested': 'suggested',
  'caseActions.instructionsFor': 'Instructions for {agency}',
  'caseActions.plan': 'Plan a monitoring activity',
  'caseActions.activityHiddenIdentity':
    'The complainant’s identity is hidden from the agencies: the agencies taking part read this activity’s participants, plan and report. Do not write the complainant’s name, ID number, phone or address (write, for example, “the complainant”).',
  'caseActions.activityKind': 'Kind of activity',
  'caseActions.scheduledAt': 'Scheduled',
  'caseActions.planText': 'Plan',
  'caseActions.venue': 'Venue',
  'caseActions.venueHint':
    'Named in the invitation letter to each agency (none: the office address on the letterhead). The agencies get an invitation letter once the activity has a time, and a letter when the time changes or the activity is cancelled.',
  'caseActions.activityAgencies': 'Agencies taking part',
  'caseActions.activityAgenciesNone': 'No agency yet: only central sees this activity.',
  'caseActions.activityAddAgency': 'Add an agency',
  'caseActions.activityOnCase': 'Has this complaint',
  'caseActions.activityAgenciesHint':
    'The agencies chosen see this activity and its history, so each must have this complaint (or be the focal point of a unit that has it): the complaint’s agencies are offered first. At first: those whose assignment is still open.',
  'caseActions.participants': 'Participants',
  'caseActions.participantsHint': 'One participant a line: name and position or unit.',
  'caseActions.participantN': 'Participant {n}',
  'caseActions.report': 'Report: {kind}',
  'caseActions.heldAt': 'Held at',
  'caseActions.outcome': 'Outcome',
  'caseActions.summary': 'Summary',
  'caseActions.activityWith': '{kind} with {agency}',
  'caseActions.schedule': 'Schedule: {kind}',
  'caseActions.reschedule': 'Reschedule: {kind}',
  'caseActions.cancelActivity': 'Cancel: {kind}',
  'caseActions.cancelReason': 'Why it is cancelled',
  'caseActions.cancelReasonHint':
    'For example: the agency has answered, the clarification is no longer needed.',
  'caseActions.cancelSubmit': 'Cancel the activity',
  'caseActions.close': 'Close the complaint',
  'caseActions.outcomeSelect': 'Outcome',
  'caseActions.closeCallsOff':
    'Closing this case cancels its monitoring activities not yet held: those proposed, those without a date, and those whose date has not come yet.',
  'caseActions.closeCallsOffList': 'Activities that will be cancelled',
  'caseActions.closeUnscheduled': 'no date',
  'caseActions.closeCancellationLetters':
    'The agencies that received an invitation letter for one of them will receive a letter cancelling it.',
  'caseActions.closeReportFirst':
    'If one of them has already taken place (a clarification by phone that was never given a date, say), report it first: once the case is closed it is cancelled and can no longer be reported. Activities whose date has passed are not cancelled and can still be reported.',
  'caseActions.schedulePlanHint': 'Emptying the plan does not remove the plan already written.',
  // Central's irreversible actions ask first, the close says what it withdraws, and the result
  // line says what was done (audit s23 #1, #4, #7).
  'actionForm.cancel': 'Cancel',
  'caseActions.formGone':
    'This complaint has become “{status}” since you began this form, so this action can no longer be taken. What you typed was not sent; discard it when you no longer need it.',
  'actionForm.discard': 'Discard what you typed',
  'actionForm.discarded': 'Discarded.',
  'actionForm.readAgain':
    'This complaint changed since the page was loaded, and has been read again. Check what you typed against it as it is now, then send again.',
  'caseActions.verifySubmit.accept': 'Accept',
  'caseActions.verifySubmit.needs_info': 'Ask for information',
  'caseActions.verifySubmit.reject': 'Reject the complaint',
  'caseActions.rejectConfirm':
    'Reject this complaint? A rejection cannot be undone: the complaint can no longer be verified or forwarded.',
  'caseActions.rejectConfirmYes': 'Yes, reject the complaint',
  'caseActions.verified.accept':
    'Accepted; the complaint is ready to be forwarded to the agencies.',
  'caseActions.verified.needs_info': 'The complainant was asked to complete the complaint.',
  'caseActions.verified.reject': 'The complaint was rejected.',
  'caseActions.forwardedTo': 'Forwarded to {agencies}.',
  'caseActions.closeWithdraws': 'Closing the complaint withdraws the assignments still open:',
  'caseActions.closeWithdrawsList': 'Assignments to be withdrawn',
  'caseActions.closeWithdrawsItem': '{agency}: will be withdrawn; its reminders stop.',
  'caseActions.closeLapses':
    'Its request for {days} more working {days|day|days} lapses undecided.',
  'caseActions.closeSettles': '{agency}: its “not ours” is settled without a re-forward.',
  'caseActions.closeNoFinalAnswer':
    'No final answer yet from {agencies}. Closing as “Resolved” records the complaint as settled without their answer.',
  'caseActions.closeConfirm': 'Close the complaint as “{outcome}”? Central cannot reopen it.',
  'caseActions.closeConfirmWithdraws':
    'Close the complaint as “{outcome}” and withdraw the assignments of {agencies}? Central cannot reopen it.',
  'caseActions.closeConfirmYes': 'Yes, close the complaint',
  'caseActions.closeConfirmReplyWindow': 'Closing now also ends the complainant’s reply window.',
  'caseActions.closeReplyWindowUntil': 'The complainant may still reply to the final answers until',
  'caseActions.closeReplyWindowEnds':
    'Closing now ends that: they can no longer say on their tracking page whether they are satisfied (not satisfied would reopen the complaint).',
  'caseActions.closed': 'Closed as “{outcome}”.',
  'caseActions.closedWithdrawn':
    'Closed as “{outcome}”; the assignments of {agencies} were withdrawn.',
  'caseActions.closeSavedSince':
    'Another officer has just changed this complaint (forwarded it, or an agency answered), so it is not closed. Load the latest version, check the agencies that will be withdrawn, then close again.',
  'caseActions.closeReopenedSince':
    'The complainant has said they are not satisfied since this page was loaded, so the complaint was reopened and is not closed. Load the latest version to read their reply, then decide whether to forward it again.',
  'caseActions.verifySavedSince':
    'Another officer has just decided on or changed this complaint (e.g. asked for what is missing). Your decision is not saved and stays in the form: load the latest version to see theirs.',
  'caseActions.activitySavedSince':
    'Another officer has just changed this activity (its date or participants, or reported or cancelled it), so your change is not saved and stays in the form. Load the latest version to see theirs.',
  'caseActions.activityNoLongerOpen':
    'This activity was already reported or cancelled by another officer (or the complaint was closed), so it can no longer be changed. Reload the page to see where it stands.',
  'caseActions.activityGoneReported':
    'A colleague reported this activity since you began this form, so this action can no longer be taken. What you typed was not sent; discard it when you no longer need it.',
  'caseActions.activityGoneReportedHere':
    'You reported this activity, so this action can no longer be taken. What is typed in this form was not sent; discard it when you no longer need it.',
  'caseActions.activityGoneCancelled':
    'This activity was cancelled since you began this form (the reason: “{reason}”), so this action can no longer be taken. What you typed was not sent; discard it when you no longer need it.',
  'caseActions.activityGoneCancelledNoReason':
    'This activity was cancelled since you began this form, so this action can no longer be taken. What you typed was not sent; discard it when you no longer need it.',
  'caseActions.activityGoneCancelledHere':
    'You cancelled this activity, so this action can no longer be taken. What is typed in this form was not sent; discard it when you no longer need it.',
  'actions.withdrawConfirm':
    'Withdraw the assignment of {agency}? Its reminders stop and a request for more time lapses. A withdrawal cannot be undone; to involve the agency again, forward the complaint to it again.',
  'actions.withdrawConfirmYes': 'Yes, withdraw the assignment',
  'actions.redirectConfirm':
    'This assignment will end and go back to the complaint unit (Asdep Pengaduan Masyarakat) to be forwarded to the competent agency; its deadline reminders stop. This cannot be undone.',
  'actions.redirectConfirmYes': 'Yes, hand the assignment back',
  'actions.finalConfirm':
    'This is the final follow-up: the assignment ends and takes no more answers or attachments. This cannot be undone.',
  'actions.finalConfirmYes': 'Yes, send the final follow-up',
  'actions.withdrawn': 'The assignment of {agency} was withdrawn.',
  'actions.extensionApproved': 'Approved for {agency}. New deadlines: {deadlines}.',
  'actions.extensionApprovedNone': 'Approved for {agency}.',
  'actions.extensionRefused': 'Refused for {agency}; its deadlines stay as they were.',

  'desk.title': 'Today’s desk',
  'desk.register': 'Register a complaint',
  'desk.toVerify': 'New complaints to verify',
  'desk.verifyBy': 'verify by',
  'desk.bulkMail': 'Bulk mail (mailing list or newsletter): likely not a complaint',
  'desk.toForward': 'Verified, not yet forwarded',
  'desk.forwardBy': 'forward by',
  'desk.awaitingComplainant': 'Waiting for the complainant’s missing details',
  'desk.askedOn': 'asked',
  'desk.overdueByAgency': 'Overdue by agency',
  'desk.overdueCount': 'Overdue',
  'desk.overdueSummary':
    '{n} overdue {n|assignment|assignments} at {agencies} {agencies|agency|agencies}.',
  'desk.overdueSummaryPartial':
    'Counted from the first {n} overdue {n|assignment|assignments}, at {agencies} {agencies|agency|agencies}; there are more.',
  'desk.newlyOverdue': 'Newly overdue (since the previous working day)',
  'desk.dueSoon': 'Due within 2 working days',
  'desk.redirected': 'Not theirs: awaiting re-forward',
  'desk.reopened': 'Reopened by the complainant',
  'desk.updatedAt': 'updated',
  'desk.proposals': 'Clarifications proposed by escalation',
  'desk.proposedAt': 'proposed',
  'desk.activities': 'Monitoring activities not yet reported',
  'desk.unscheduled': 'not yet scheduled',
  'desk.withAgencies': 'with {agency}',
  'desk.toReport': 'To report',
  'desk.failedLetters': 'Letters that failed to send',
  'desk.failedAttempts': 'failed after {attempts} {attempts|attempt|attempts}',
  'desk.failedTo': 'to {to}',
  'desk.resend': 'Send again',
  'desk.resent': 'The letter to {agency} is sent again to {to}; it goes out within 15 minutes.',
  'desk.resendNotNeeded':
    'This letter is not sent again: it was sent again already, or what it says no longer holds (its assignment has ended, the targets it names are met, its deadline was extended or its clock is paused, or the deadline it warned of has passed). Mark it handled if it need not go.',
  'desk.resendNoAddress':
    '{agency} has no e-mail address for this letter. Add one on the Agencies page, then send it again.',
  'letters.sendsAt': 'goes out from',
  'letters.refused': 'refused: {reason}',
  'letters.failed': 'not sent: {reason}',
  'letters.refusedAddresses': 'address refused: {addresses}',
  'letters.partlyRefused':
    'did not reach {addresses}: the address was refused (no such address or domain)',
  'letters.handled': 'handled without sending again',
  'letters.reached':
    'sent again to the addresses that had not got it; it reached {addresses} before',
  'desk.dismiss': 'Mark handled without sending again',
  'desk.dismissNote': 'How this letter was handled',
  'desk.dismissHint':
    'For example: delivered by hand or by telephone, or no longer needed because its assignment has ended.',
  'desk.dismissSubmit': 'Mark handled',
  'desk.dismissed':
    'The letter to {agency} is marked handled; the note is kept in the case’s history.',
  'letterFailure.no_address': 'the party it is for has no e-mail address',
  'letterFailure.address_refused':
    'the receiving mail server refused the address (no such mailbox or domain)',
  'letterFailure.mailer': 'the mail service refused to send it',
  'desk.failedGroup': '{n} {n|letter|letters} not delivered',
  'desk.failedSummary': '{n} failed {n|letter|letters} to {agencies} {agencies|agency|agencies}',
  'desk.failedLatest': 'latest {at}',
  'desk.failedWhy': 'Why: {reason}.',
  'desk.failedAddresses': 'Sent to {to}.',
  'desk.failedUnchanged':
    'The refused address is still on record for {agency}: send again once it is corrected.',
  'desk.fixHintOfficer':
    'Call {agency} for the right e-mail address. Ask a central admin to correct {agency}’s address ({to} was refused), then send again.',
  'desk.fixHintOfficerNoAddress':
    'Ask a central admin to add the {agency} contact these letters are for (e.g. its head or its focal point), then send again.',
  'desk.fixHintAdmin': 'Check and correct {agency}’s e-mail address ({to} was refused) on the',
  'desk.fixHintAdminNoAddress':
    'Add the {agency} contact these letters are for (e.g. its head or its focal point) on the',
  'desk.fixHintAdminAfter': ', then send again.',
  'desk.agenciesPage': 'Agencies page',
  'desk.resendHintOfficer':
    'Ask a central admin to correct {agency}’s e-mail address, then send this letter again.',
  'desk.resendNoAddressOfficer':
    '{agency} has no e-mail address for this letter yet. Ask a central admin to add one, then send it again.',
  'desk.resendAll': 'Send all again ({n})',
  'desk.resendAllAsk':
    'Send {n} {n|letter|letters} to {agency} again, to its addresses as they are now? Those no longer true (say, the deadline warned of has passed) are not sent but closed, with a note in their case’s history.',
  'desk.resendAllYes': 'Yes, send again',
  'desk.resendAllProgress': 'Working on {done} of {total} letters…',
  'desk.resendAllDone': '{agency}: {parts}.',
  'desk.resendAllResent': '{n} sent again',
  'desk.resendAllClosed': '{n} closed as no longer true',
  'desk.resendAllHandled': '{n} handled already',
  'desk.resendAllNoAddress': '{n} not sent: the party {n|it is|they are} for has no e-mail address',
  'desk.resendAllNothing': 'no letter to work on',
  'desk.resendAllStopped': 'Stopped after {done} of {total} letters; press again to carry on.',
  'desk.closedNote':
    'Closed without sending again: what this letter says was no longer true when the failed letters to this agency were sent again together (say, the deadline it warned of had passed or moved, the targets it names were met, or its assignment had ended).',
  'desk.failedOneByOne': 'See the letters one by one',
  'desk.failedPartial': 'Counted from the oldest {n} failed letters; there are more.',
  'desk.latestFailed': 'latest letter not delivered: {reason}',
  'ladder.letterFailed': 'Letter not delivered: {reason}',
  'ladder.letterPending': 'letter queued, not yet delivered',
  'ladder.letterRefused': 'Letter not yet delivered: {reason}',
  'ladder.letterPartlyRefused':
    'Letter did not reach {addresses}: the address was refused (no such address or domain)',
  'ladder.letterPartlyRefusedUnnamed':
    'Letter did not reach some of its recipients: their address was refused',
  'ladder.letterRetry': 'tried again',
  'ladder.letterHeld': 'Letter not yet delivered; goes out from',
  'ladder.letterCancelled': 'Letter not sent: {reason}',

  'search.label': 'Search complaints',
  'search.agencies': 'Matching agencies',
  'search.agencyCases': 'Cases forwarded to it',
  'search.agencyAssignments': 'Its assignments',
  'search.agenciesMore': '{n} more agencies match too; add a word to narrow it.',
  'search.hint.central':
    'Words (subject, description, respondent, location, complainant name) or a number: tracking code, agenda number, letter number, NIK, phone, e-mail.',
  'search.hint.agency':
    'Words of the subject, description, respondent or location of complaints forwarded to your agency.',
  'search.submit': 'Search',
  'search.results': 'Results for “{q}”, newest first',
  'search.matchedBy': 'Matched by',
  'search.received': 'Received',
  'search.none': 'No complaint matches.',
  'search.count': '{n} {n|result|results} for “{q}”',
  'search.match.words': 'Words',
  'search.match.trackingCode': 'Tracking code',
  'search.match.agendaNumber': 'Agenda number',
  'search.match.letterNumber': 'Letter number',
  'search.match.externalRef': 'External reference',
  'search.match.idNumber': 'NIK',
  'search.match.phone': 'Phone',
  'search.match.email': 'E-mail',
  'cases.title': 'Complaints',
  'cases.total': '{n} {n|complaint|complaints}',
  'cases.subject': 'Subject',
  'cases.agencies': 'Agencies',
  'cases.received': 'Received',
  'cases.csv': 'Download cases CSV',
  'cases.csvThisYear': 'Download this year’s cases CSV',
  'cases.csvTooLarge':
    'This period holds too many cases for one CSV file. Download shorter periods, for example month by month, by choosing their dates on the Statistics page.',
  'cases.xlsx': 'Download cases Excel',
  'cases.xlsxThisYear': 'Download this year’s cases Excel',
  'cases.xlsxTooLarge':
    'This period holds too many cases for one Excel file. Download shorter periods, for example month by month, by choosing their dates on the Statistics page.',

  'caseNew.title': 'Register a complaint',
  'caseNew.channel': 'Channel',
  'caseNew.laporId': 'SP4N-LAPOR! report number',
  'caseNew.receivedAt': 'Received at',
  'caseNew.receivedAtHint': 'Leave empty if received now.',
  'caseNew.complainant': 'Complainant',
  'caseNew.name': 'Name',
  'caseNew.idNumber': 'NIK (ID number)',
  'caseNew.email': 'Email',
  'caseNew.phone': 'Phone',
  'caseNew.address': 'Address',
  'caseNew.identityHidden': 'Withhold identity from agencies',
  'caseNew.identityHiddenHint': 'Agencies will not see the complainant’s name or contacts.',
  'caseNew.confidential': 'Confidential complaint',
  'caseNew.confidentialHint': 'The tracking page shows the status only.',
  'caseNew.subject': 'Subject',
  'caseNew.description': 'Description',
  'caseNew.respondent': 'Respondent',
  'caseNew.province': 'Province',
  'caseNew.regency': 'Regency/city',
  'caseNew.submit': 'Save complaint',

  'stats.title': 'Agency performance',
  'stats.from': 'From',
  'stats.to': 'To',
  'stats.show': 'Show',
  'stats.csv': 'Download statistics CSV',
  'stats.xlsx': 'Download statistics Excel',
  'stats.period': 'Period {from} to {to}',
  'stats.minimumSample':
    'minimum sample {n} to be ranked (sample = forwarded − not ours − withdrawn before due)',
  'stats.agency': 'Agency',
  'stats.assigned': 'Forwarded',
  'stats.responded': 'Responded',
  'stats.onTime': 'On time',
  'stats.completed': 'Completed',
  'stats.responseRate': 'Response rate',
  'stats.onTimeRate': 'On-time rate',
  'stats.acknowledgeOnTimeRate': 'Acknowledged-on-time rate',
  'stats.acknowledgeOnTimeRateHint':
    'Receipt acknowledged (or a response without an acknowledgement first) by the acknowledgement deadline, over the sample (forwarded − not ours − withdrawn before due).',
  'stats.median': 'Median working days to first response',
  'stats.total': 'All agencies',
  'stats.belowSample': 'small sample',
  'stats.nothingForwarded': 'no complaint forwarded',
  'stats.nothingForwardedHint':
    'No complaint was forwarded to this agency in this period: there is no rate to compute.',
  'stats.rankedNone':
    'No ranking for this period: only {agency} reached the minimum sample of {n}, and a ranking compares at least two agencies.',
  'stats.belowSampleHint':
    'Sample {n} (forwarded − not ours − withdrawn before due) is below the minimum of {min}: not ranked.',
  'stats.chart': 'Response and on-time rates per agency',
  'stats.redirected': 'Not ours',
  'stats.withdrawn': 'Withdrawn before due',
  'stats.withdrawnHint':
    'Withdrawn by central (or the complaint closed) before the follow-up was due, unanswered: not counted in the sample.',
  'stats.rank': 'Rank',
  'stats.none':
    'No complaint was forwarded to an agency in this period: there is no response rate to compute.',

  'letters.title': 'Letters and notifications log',
  'letters.titleAgency': 'Letters to your agency',
  'letters.total': '{n} {n|letter|letters}',
  'letters.agency': 'Agency',
  'letters.read': 'Read the letter',
  'letters.to': 'To',
  'letters.cc': 'Cc',
  'letters.delegated': 'Sent to {agency}; its assignment is delegated to your agency.',
  'letters.delegatedUnsent': 'Addressed to {agency}; its assignment is delegated to your agency.',
  'letters.filterStatus': 'Status',
  'letters.filterStep': 'Step',
  'letters.status.failed': 'Failed (not delivered)',
  'letters.status.pending': 'Queued (waiting to go)',
  'letters.status.sent': 'Sent',
  'letters.status.cancelled': 'Not sent (cancelled)',
  'letters.dateFrom': 'From',
  'letters.dateTo': 'To',
  'letters.periodHint': 'By the letter’s date: the working day it goes out.',
  'letters.show': 'Show',
  'letters.clear': 'Clear the filters',
  'letters.total.failed': '{n} {n|letter|letters} not delivered',
  'letters.total.pending': '{n} {n|letter|letters} waiting to go',
  'letters.total.sent': '{n} {n|letter|letters} sent',
  'letters.total.cancelled': '{n} {n|letter|letters} cancelled',
  'letters.countStep': 'step: {step}',
  'letters.countPeriod': 'dated {from} to {to}',
  'letters.countFrom': 'dated from {from}',
  'letters.countTo': 'dated up to {to}',

  'agencies.title': 'Agencies',
  'agencies.id': 'Id',
  'agencies.idHint': 'Lowercase letters, digits and dashes (e.g. kanwil-bpn-ntt).',
  'agencies.name': 'Name',
  'agencies.kind': 'Kind',
  'agencies.zone': 'Time zone',
  'agencies.focalPoint': 'Focal point',
  'agencies.focalPointOf': 'Focal point of {agency}',
  'agencies.savedSince':
    'Another admin saved a change to {agency} while you were editing it, so your change was not saved; what you typed stays in the form. Load the latest version, then edit again.',
  'agencies.noFocalPoint': 'None (independent)',
  'agencies.focalPointHint': 'Search by the agency’s name. Leave empty for an independent agency.',
  'agencies.add': 'Add an agency',
  'agencies.find': 'Find an agency',
  'agencies.findHint': 'Type its name to show that agency alone; clear it to show them all.',
  'agencies.edit': 'Rename {agency} or change its time zone',
  'agencies.zoneHint':
    'The agency’s deadlines and letters end its working day in this zone. Changing it recomputes the deadlines of its open assignments.',
  'agencies.contacts': 'Contacts',
  'agencies.contact': 'Contact {n}',
  'agencies.contactName': 'Contact name',
  'agencies.contactEmail': 'Contact email',
  'agencies.contactKind': 'Contact kind',
  'agencies.contactKindHint':
    'Liaisons receive every warning and reminder; heads are copied only on the formal warning and central intervention. At least one liaison.',
  'agencies.addContact': 'Add a contact',
  'agencies.removeContact': 'Remove contact {n}',
  'agencies.editContacts': 'Edit the contacts of {agency}',
  'contactKind.liaison': 'Liaison',
  'contactKind.head': 'Head',

  'calendar.title': 'Holiday calendar',
  'calendar.year': 'Year',
  'calendar.add': 'Add a holiday / cuti bersama',
  'calendar.date': 'Date',
  'calendar.dateRequired': 'Fill in the date first.',
  'calendar.kind': 'Kind',
  'calendar.name': 'Name',
  'calendar.remove': 'Remove',
  'calendar.removeDay': 'Remove {name}',
  'calendar.daysOf': 'Holidays of {year}',
  'desk.calendarUndeclared':
    'The holidays of {year} are not declared complete in the calendar: deadlines falling in that year count no holiday not yet entered, and are flagged as liable to move.',
  'desk.calendarOpen': 'Open the holiday calendar',
  'desk.calendarAskAdmin': 'Ask a central admin to complete it.',
  'calendar.undeclared':
    'The holidays of {year} are not declared complete, so deadlines falling in that year are flagged as liable to move. Once every national holiday and cuti bersama of that year is in, declare it complete.',
  'calendar.declare': 'Declare the holidays of {year} complete',
  'calendar.declared':
    'The holidays of {year} are declared complete. Checking the deadlines of open assignments again:',
  'calendar.isDeclared': 'The holidays of {year} are declared complete.',
  'calendar.saved': '{date} saved. Recomputing the deadlines of open assignments:',
  'calendar.replaced':
    '{date} replaced: it was “{name}”. Recomputing the deadlines of open assignments:',
  'calendar.removed': '{date} removed. Recomputing the deadlines of open assignments:',
  'calendar.exists':
    '{date} is already in the calendar as “{name}” ({kind}). Saving will replace it.',
  'calendar.replace': 'Replace',
  'calendar.removedAlready':
    '{date} (“{name}”) is no longer in the calendar: it was removed already, by another admin or in another window. The list of holidays has been read again.',
  'calendar.addedMeanwhile':
    '{date} has just been added by another admin as “{name}” ({kind}), so yours was not saved. The list of holidays has been read again; press “Replace” to replace it with yours all the same.',
  'calendar.changedMeanwhile':
    '{date} has just been changed by another admin to “{name}” ({kind}), so yours was not saved. The list of holidays has been read again; press “Replace” to replace it with yours all the same.',
  'calendar.removedMeanwhile':
    '{date} has just been removed by another admin, so yours was not saved. The list of holidays has been read again; press “Save” to add it all the same.',
  'calendarPaste.title': 'Paste a year’s list of holidays',
  'calendarPaste.list': 'Days (one day per line)',
  'calendarPaste.hint':
    'The date, then its name, e.g. “2027-01-01 Tahun Baru 2027 Masehi” or “1 Januari 2027 Tahun Baru 2027 Masehi”; two columns (date and name) copied from a spreadsheet work too. A line that says “cuti bersama” is entered as collective leave.',
  'calendarPaste.kind': 'Kind of the other lines',
  'calendarPaste.preview': 'Days to be saved',
  'calendarPaste.line': 'Line',
  'calendarPaste.toSave': '{n} new {n|day|days} will be saved at once, in one edit:',
  'calendarPaste.noneNew': 'There are no new days in this list.',
  'calendarPaste.leftOut': 'Lines left out',
  'calendarPaste.unreadable': 'Lines that cannot be read',
  'calendarPaste.inCalendar':
    'Line {line}: {date} is already in the calendar as “{name}” ({kind}); this line is left out.',
  'calendarPaste.repeated':
    'Line {line}: {date} is already on line {first}; this line is left out.',
  'calendarPaste.theirs': 'line {line} ({date}, now “{name}”)',
  'calendarPaste.addedMeanwhile':
    'This list was not saved: since the calendar was read, another admin added days that {n} {n|line|lines} of yours would replace: {days}. The calendar has been read again and those lines are now left out; check the list, then save again.',
  'calendarPaste.lineDay': 'line {line} ({date})',
  'calendarPaste.changedMeanwhile':
    'This list was not saved: another admin has just changed the days of {n} {n|line|lines} of yours: {days}. The calendar has been read again; check the list, then save again.',
  'calendarPaste.noDate':
    'Line {line} cannot be read: “{text}” does not start with a date. Put the date first, e.g. 2027-01-01 or 1 Januari 2027.',
  'calendarPaste.noSuchDay':
    'Line {line} cannot be read: the date in “{text}” does not exist in the calendar.',
  'calendarPaste.noName':
    'Line {line}: {date} has no name. Write the holiday’s name after the date.',
  'calendarPaste.lineDate': 'The date on line {line}',
  'calendarPaste.lineName': 'The name on line {line}',
  'calendarPaste.lineKind': 'The kind on line {line}',
  'calendarPaste.save': 'Save {n} {n|day|days}',
  'calendarPaste.saveList': 'Save the list',
  'calendarPaste.empty': 'Paste the list of days first.',
  'calendarPaste.nothing':
    'There are no new days to save: every day of the list is already in the calendar.',
  'calendarPaste.fixFirst':
    'Nothing was saved: {n} {n|line cannot|lines cannot} be read. Fix or remove {n|it|them} first.',
  'calendarPaste.confirm':
    'Save {n} {n|day|days} at once? {deadlines} deadlines of {assignments} open assignments will move.',
  'calendarPaste.confirmYes': 'Yes, save {n} {n|day|days}',
  'calendarPaste.saved':
    '{n} {n|day|days} saved ({from} to {to}). The deadlines of open assignments are recomputed once for all of them:',

  'policies.title': 'SLA policies and escalation ladder',
  'policies.policy': 'Policy {id}',
  'policies.default': 'Standard policy',
  'policies.targets': 'Working-day targets',
  'policies.verification': 'Verification (central)',
  'policies.acknowledge': 'Acknowledgement',
  'policies.followUp': 'Follow-up',
  'policies.resolution': 'Resolution — {type}',
  'policies.replyWindow': 'Complainant reply window',
  'policies.legalLimit': 'Legal limit (calendar days)',
  'policies.minimumSample': 'Statistics minimum sample',
  'policies.reforwardClock': 'Clock on re-forward',
  'policies.ladder': 'Escalation ladder',
  'policies.step': 'Step {n}',
  'policies.addStep': 'Add a step',
  'policies.removeStep': 'Remove step {n}',
  'policies.offset': 'Offset in working days',
  'policies.relativeTo': 'Counted',
  'policies.action': 'Action',
  'policies.actionKept':
    'A saved step keeps this action. For another action, remove this step and add a new one.',
  'policies.recipients': 'Recipients',
  'policies.cc': 'Copy to',
  'policies.saved': '{name} saved. Recomputing the deadlines of open assignments:',
  'policies.savedSince':
    'Another admin saved {name} while you were editing it, so your changes were not saved. Load the latest version, then make them again.',
  'job.listing': 'Listing the open assignments affected: {total} so far…',
  'job.running': '{done} of {total} assignments processed, {failed} failed.',
  'job.completed': 'Done: {total} assignments processed, {moved} deadlines moved, {failed} failed.',
  'job.failed':
    'Stopped after {done} of {total} assignments ({failed} failed). Press “Carry on” to go on.',
  'job.carryOn': 'Carry on',
  'job.stalled':
    'No progress since {at}: this job seems to have stopped. Press “Carry on” to go on.',
  'job.retryFailed': 'Process the failed ones again',
  'job.superseded': 'Superseded by a newer change, which recomputes everything.',
  'job.failures': '{n} {n|assignment|assignments} could not be recomputed',
  'agencies.unavailable':
    'The agencies’ names could not be loaded yet, so they show as “…”. Trying again by itself.',
  'agencies.reload': 'Reload the agency names',
  'session.agencyUnavailable':
    'Your agency could not be loaded yet (trying again by itself): meanwhile times are shown in WIB.',
  'job.failuresShown': 'Showing the first {shown} of {n}.',
  'job.failedOne':
    'its deadlines were not recomputed; pass the technical detail below to the operator.',
  'jobMember.listing': 'Listing the assignments delegated to this unit: {total} so far…',
  'jobMember.running': '{done} of {total} delegated assignments processed, {failed} failed.',
  'jobMember.completed':
    'Done: {moved} {moved|assignment|assignments} given back to the focal point it left, {failed} failed.',
  'jobMember.failed':
    'Stopped after {done} of {total} delegated assignments ({failed} failed). Press “Carry on” to go on.',
  'jobMember.superseded': 'Superseded by a newer move, which gives everything back.',
  'jobMember.failures': '{n} {n|assignment|assignments} could not be given back',
  'jobMember.failedOne':
    'not yet given back to the focal point; pass the technical detail below to the operator.',

  'track.title': 'Track a complaint',
  'track.code': 'Tracking code',
  'track.find': 'Track',
  'track.unknown': 'Tracking code not found. Check the code on your receipt.',
  'track.status': 'Status',
  'track.outcome': 'How it was settled',
  'track.received': 'Received',
  'track.nextVerify':
    'The complaint unit (Asdep Pengaduan Masyarakat) is verifying your complaint.',
  'track.nextVerifyBy':
    'The complaint unit (Asdep Pengaduan Masyarakat) is verifying your complaint, at the latest by',
  'track.nextForward':
    'Your complaint has been verified and will be forwarded to the agencies concerned.',
  'track.nextAgencies':
    'Your complaint has been forwarded to the agencies concerned. Their answers will appear on this page.',
  'track.nextAgenciesConfidential':
    'Your complaint has been forwarded to the agencies concerned and is being followed up.',
  'track.answersDueBy': 'The agencies concerned are asked to answer by',
  'track.replyTitle': 'Your reply to the follow-up',
  'track.replyUntil': 'You can reply until',
  'track.replyUntilThen': 'Without a reply by then, this complaint is closed.',
  'track.satisfied': 'Are you satisfied with the follow-up?',
  'track.yes': 'Yes, satisfied',
  'track.no': 'Not satisfied',
  'track.rating': 'Rating (1 = poor, 5 = very good)',
  'track.message': 'Message (optional)',
  'track.send': 'Send reply',
  'track.thanks': 'Thank you, we have received your reply.',
  'track.replyRefused':
    'Your reply could not be accepted: the reply window has ended, or the complaint was replied to or closed since this page was opened. Its current status is shown above.',
  'track.replyIntro': 'You are rating the agencies’ answers above.',
  'track.replyIntroConfidential': 'You are rating how this complaint was settled.',
  'track.answersTitle': 'The agencies’ answers',
  'track.answersIntro': 'Read the agencies’ answers before you rate them.',
  'track.noAnswers': 'No answer from the agencies yet.',
  'track.earlierSteps':
    'Some steps in between are not shown (only the first and the latest are kept).',
  'track.earlierAnswers':
    'The latest {n} answers are shown. Ask the complaint unit (Asdep Pengaduan Masyarakat) for earlier ones.',
  'track.answersConfidential':
    'This report is confidential, so the agencies’ answers are not shown on this page. You can still rate how it was settled.',
  'track.reopened':
    'You said you were not satisfied. Your complaint has been reopened; the complaint unit (Asdep Pengaduan Masyarakat) is reviewing it to forward it to the agencies again.',
  'track.rejectedTitle': 'Your complaint cannot be taken up',
  'track.rejectedReason': 'The complaint unit cannot take up this complaint, because:',
  'track.rejectedGeneric':
    'The complaint unit decided this complaint cannot be taken up. You may ask why through the contact below.',
  'track.contact':
    'To ask, add information or withdraw your complaint, write to {name} at {email}, giving the agenda number on your receipt, or the subject and date of your complaint (not your tracking code).',
  'track.contactClosed':
    'To ask about this complaint, write to {name} at {email}, giving the agenda number on your receipt, or the subject and date of your complaint (not your tracking code).',
  'track.infoTitle': 'Information we need',
  'track.infoIntro': 'Before your complaint can be verified, the complaint unit needs:',
  'track.infoGeneric':
    'The complaint unit needs more information before your complaint can be verified.',
  'track.infoAsked': 'Requested on',
  'track.infoHow':
    'Send it by email to {email} ({name}), or by letter to the address you sent your complaint to,',
  'track.infoHowGeneric':
    'Send it to the complaint unit through the channel you used for your complaint,',
  'track.infoHowPost': 'Send it by email to {email} ({name}), or by letter to {address},',
  'track.infoHowPostOnly': 'Send it by letter to {address},',
  'track.agencyRequestsTitle': 'What agencies ask of you',
  'track.agencyRequestAsks': '{agency} asks for:',
  'track.agencyRequestsPaused':
    'That agency’s deadlines are paused until what you send arrives. The complaint unit passes it on.',
  'track.infoReference': 'quoting your complaint’s agenda number:',
  'track.infoReferenceGeneric':
    'giving the subject and the date of your complaint (not your tracking code).',
  'track.infoKeepCode':
    'Your tracking code is the key to your complaint: do not give it to anyone else, including the agency you complained about.',
  // ---- issue 14-b: desk completeness, queues, delegation, admin ----
  'list.items': 'in all',
  'list.unread': 'new',
  'desk.extensions': 'Extension requests awaiting a decision',
  'desk.extensionAsked': '{agency} asks for {days} working {days|day|days}',
  'desk.overdueSince': 'missed the deadline of {date}',
  'actions.extensionIfApproved': 'If approved, the deadline becomes',
  'desk.openCase': 'Open the complaint',
  'actions.extensionStillLate': 'already past: the agency stays late',
  'desk.summary': 'Needs attention today',
  'desk.summaryNone': 'Nothing in: {lists}.',
  'desk.summaryFailed': 'could not be read',
  'desk.summaryOverdue':
    '{n} overdue {n|assignment|assignments} at {agencies} {agencies|agency|agencies}',
  'desk.seeAll': 'See all ({n})',
  'desk.showAll': 'Show all ({n})',
  'desk.showAllAgencies': 'Show all {n} agencies',
  'desk.short.received': 'new complaints',
  'desk.short.verified': 'not yet forwarded',
  'desk.short.needs_info': 'waiting for the complainant',
  'desk.short.reopened': 'reopened',
  'desk.short.extensions': 'extension requests',
  'desk.short.overdueByAgency': 'overdue',
  'desk.short.newlyOverdue': 'newly overdue',
  'desk.short.dueSoon': 'due within 2 working days',
  'desk.short.redirected': 'not theirs',
  'desk.short.proposals': 'proposed clarifications',
  'desk.short.activities': 'activities to report',
  'queue.forwarded': 'Forwarded',
  'queue.heldBy': 'Worked on by {agency}',
  'queue.heldBySince': 'Worked on by {agency} since {at}',
  'queue.delegatedBy': 'Delegated by {agency}',
  'queue.delegatedBySince': 'Delegated by {agency} since {at}',
  'queue.total': '{n} {n|assignment|assignments}',
  'caseNotice.closed_by_central':
    'Closed by the complaint unit (Asdep Pengaduan Masyarakat) on {at} as “{outcome}”',
  'caseNotice.closed_satisfied': 'Closed on {at}: the complainant said they were satisfied',
  'caseNotice.closed_unanswered':
    'Closed on {at}: the complainant did not reply before their reply window ended',
  'caseNotice.reopened_unsatisfied': 'Reopened on {at}: the complainant was not satisfied',
  'caseNotice.withdrawnByClose':
    'This assignment was withdrawn because the complaint unit (Asdep Pengaduan Masyarakat) closed the case on {at} as “{outcome}”',
  'timeline.withdrawnByClose':
    'The complaint unit (Asdep Pengaduan Masyarakat) closed the case: {outcome}',
  'bulk.select': 'Select: {subject}',
  'bulk.selectColumn': 'Select',
  'bulk.selectAll': 'Select all shown awaiting acknowledgement',
  'bulk.acknowledge': 'Acknowledge the selected ({n})',
  'bulk.progress': 'Acknowledging {done} of {n}…',
  'bulk.done': '{n} {n|assignment|assignments} acknowledged.',
  'bulk.failed': '{n} {n|assignment was|assignments were} not acknowledged:',
  'bulk.notPending': 'can no longer be acknowledged: it was withdrawn or redirected.',
  'bulk.notOurs':
    'cannot be acknowledged: this assignment is no longer your agency’s; since the queue was read, the complaint was forwarded again to another agency or the assignment withdrawn.',
  'bulk.row': 'Agenda number {agenda}, “{subject}”',
  'bulk.rowUntitled': 'Complaint with agenda number {agenda} (no subject)',
  'filters.ended': 'Include completed, redirected and withdrawn',
  'delegate.return': 'Not our region: give it back to the coordinator at {agency}',
  'delegate.returnHint':
    'The coordinator delegates it to the right unit, or answers for the agency. If the complaint is not the agency’s at all, use “Not ours”.',
  'delegate.returnReason': 'Reason',
  'delegate.returnSubmit': 'Give back to the coordinator',
  'delegate.returnedPage': 'This complaint has been given back to your agency’s coordinator.',
  'delegate.backToQueue': 'Back to the queue',
  'case.goneTakenBack':
    'This complaint is no longer with your unit: since this page was loaded, {agency} took it back or delegated it to another unit, so your unit can no longer open it.',
  'case.goneNotOurs':
    'This complaint is no longer with your agency: since this page was loaded, it was moved, so your agency can no longer open it.',
  'case.goneUnsent': 'What you typed on this page was not sent.',
  'case.takenBack':
    'This complaint is no longer with your unit: its delegation from {agency} has ended (taken back, moved to another unit, or given back), so your unit can no longer open it.',
  'delegate.returned': 'Given back to the coordinator at {agency}.',
  'delegate.title': 'Delegate to a member unit',
  'delegate.member': 'Member unit',
  'delegate.submit': 'Delegate',
  'delegate.held': 'Delegated to {agency}.',
  'delegate.heldSince': 'Delegated to {agency} since {at}.',
  'assignment.acknowledgedBy': 'Receipt confirmed by {agency} on {at}.',
  'delegate.answeringHeld':
    '{unit} holds this complaint and may be writing its own answer right now. An acknowledgement or response you send is {agency}’s; {unit} will see it.',
  'delegate.takeBack': 'Take it back from {agency}',
  'delegate.takeBackConfirm':
    'Take it back from {agency}? {agency} will no longer be able to open this complaint, and what it is writing will not be sent. You can delegate it again later.',
  'delegate.takeBackYes': 'Yes, take it back',
  'delegate.takenBack': 'Taken back from {agency}.',
  'delegate.formGoneHeld':
    'This assignment has been delegated to {agency} since you began this form, so it cannot be delegated again. What you typed was not sent; take it back first to delegate it all the same, or discard it when you no longer need it.',
  'delegate.returnGoneTakenBack':
    'This assignment is no longer delegated to your unit: since you began, {agency} took it back or delegated it to another unit, so there is nothing to give back. What you typed was not sent; discard it when you no longer need it.',
  'delegate.savedSince':
    'Another coordinator has just moved this assignment (delegated it to another unit, or taken it back), so nothing was changed. Load the latest version to see who holds it.',
  'calendar.confirmRemove':
    'Remove {name} ({date})? {deadlines} deadlines of {assignments} open assignments will move.',
  'calendar.confirmYes': 'Yes, remove',
  'calendar.cancel': 'Cancel',
  'calendar.checking': 'Counting the deadlines that would move…',
  'calendar.noHolidays':
    'No holidays for {year} yet: deadlines falling in that year are counted without national holidays or cuti bersama.',
  // ---- issue 14-a: plain messages, agencies by name, dates --------------------------------
  'problem.unsupported_media_type':
    'This kind of file is not accepted. Upload a PDF, JPEG, PNG or DOCX.',
  'problem.rate_limited': 'Too many requests in a short time. Wait a moment, then try again.',
  'problem.payload_too_large': 'This is too large to send. Shorten the text, then try again.',
  'problem.http_error':
    'The server could not handle this request. Reload the page, then try again.',
  'problem.internal_error':
    'Something went wrong on the server. Try again; if it happens again, give the request id below to your admin.',
  'form.summary': 'Please check these fields:',
  'field.counter': '{n} of {max} {max|character|characters}',
  'field.dateTimeWords': '{date}, at {time}',
  'field.dateTimeZoneWords': '{date}, at {time} {zone}',
  'field.changedUnderneath':
    'A colleague changed this since you began this form. Yours stays above and has not been sent; theirs is now:',
  'field.theirsEmpty': '(emptied)',
  'field.ticked': 'Ticked',
  'field.unticked': 'Not ticked',
  'field.takeTheirs': 'Use theirs',
  'field.takeTheirsFor': 'Use theirs for {label}',
  'field.keepMine': 'Keep mine',
  'field.keepMineFor': 'Keep mine for {label}',
  'fieldError.changedUnderneath':
    '{label} was changed by a colleague since you began: choose “Use theirs” or “Keep mine” before saving.',
  'fieldError.field': 'This field',
  'fieldError.required': '{label} is required.',
  'fieldError.choose': 'Choose an option for {label}.',
  'fieldError.tooShort': '{label} needs at least {n} {n|character|characters}.',
  'fieldError.tooLong': '{label} can have at most {n} {n|character|characters}.',
  'fieldError.tooSmall': '{label} must be at least {n}.',
  'fieldError.tooBig': '{label} can be at most {n}.',
  'fieldError.tooFew': '{label}: choose at least {n}.',
  'fieldError.tooMany': '{label}: at most {n}.',
  'fieldError.email': '{label} is not a valid email address (e.g. name@example.go.id).',
  'fieldError.date': '{label} is not a valid date and time.',
  'fieldError.format': '{label} is not in the right format.',
  'fieldError.integer': '{label} must be a whole number.',
  'fieldError.invalid': '{label} cannot be accepted.',
  'fieldError.unknownField':
    'The form sent a field the service does not know. Reload the page, then try again.',
  'fieldError.nik': '{label} is 16 digits.',
  'fieldError.phone':
    '{label} is not a valid phone number (e.g. 0812 3456 7890 or +62 812 3456 7890).',
  'fieldError.agencyId':
    '{label} takes lowercase letters, digits and dashes only, 2 to 40 characters.',
  'fieldError.stepName':
    '{label} starts with a lowercase letter, then lowercase letters, digits or underscores, at most 40 characters (e.g. formal_warning).',
  'fieldError.requiredToAccept': 'Choose an option for {label} to accept the complaint.',
  'fieldError.onlyNeedsInfo': '{label} is only for asking the complainant for information.',
  'fieldError.onlyReject': '{label} is only for rejecting the complaint.',
  'fieldError.agenciesDiffer': 'Each agency can be chosen once.',
  'fieldError.activityAgencyNotOnCase':
    'This agency does not have this complaint, so it could not open the activity: forward the complaint to it first.',
  'fieldError.activityAgencyPartEnded':
    'This agency no longer has this complaint (its assignment was withdrawn, or redirected and settled), so it no longer reads its activities: forward the complaint to it again if it should take part.',
  'fieldError.oneLiaison':
    'At least one contact must be a liaison: warnings and reminders go to them.',
  'fieldError.ladderShape':
    'The escalation steps are not in a valid order: early warnings before the deadline (negative days), then the first step counted from the deadline (0 or more) and each next one from the previous step (1 or more); every step has its own name.',
  'fieldError.unknownAgency': '{label}: this agency is not registered.',
  'fieldError.future': '{label} cannot be in the future.',
  'fieldError.agencyNameTaken':
    '{label} is already another agency’s name; tell them apart, for instance by the province or city.',
  'fieldError.agencyIdTaken': '{label} is already another agency’s; choose another code.',
  'fieldError.agencyIdReserved': '{label} “none” cannot be used; choose another code.',
  'fieldError.notMemberUnit':
    'This unit is not (any more) a member unit of your agency: an admin may have just moved it. The list of units was loaded again; choose another.',
  'fieldError.letterAfterReceipt':
    '{label} falls after the day the letter was received: are its day and month swapped?',
  'fieldError.complaintAddress':
    'This address receives complaints: an agency’s reply would be registered as a new complaint. Enter the unit’s mailbox that its staff read.',
  'fieldError.fromAfterTo': '{label} cannot be after the end date.',
  'fieldError.numberPattern':
    '{label} must contain the sequence number placeholder; the month (Roman or digits) and year placeholders may be used.',
  'fieldError.numberPatternAmbiguous':
    '{label} must contain the sequence number and year placeholders, and a letter or the Roman month: without the year its numbers repeat each year, and digits alone read as a date in a spreadsheet.',
  'fieldError.laporNeedsRef': 'A complaint from SP4N-LAPOR! needs its report number.',
  'fieldError.importRowKey': 'This row has neither a letter number nor a reference number.',
  'fieldError.sameKeyAsRow': 'Same letter/reference number as row {row}; remove one of them.',
  'fieldError.yearRange': '{label} must be a date from 2000 to 2100.',
  'fieldError.partyOnce': '{label}: each party at most once.',
  'fieldError.importDate':
    '{label} is not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026, or a date cell).',
  'fieldError.importNoSuchDay':
    '{label}: no such day in the calendar (31 April, say); check its day and month.',
  'fieldError.importNameWithIdentity':
    '{label} is required when the row has the complainant’s NIK, phone, email or address.',
  'fieldError.importNumberCell':
    '{label} is stored as a number cell in Excel, which rounds a NIK and drops the leading 0 of a phone number: format the column as Text, then type the values again.',
  'fieldError.importChannel':
    '{label} is not a channel Pantau knows. Write one of: Letter, Email, Walk-in, SP4N-LAPOR!, Social media, Online form or Other (or their Indonesian words).',
  'fieldError.importDuplicateColumn':
    '{label}: the file has more than one column with that title. Give those columns different titles, then choose the one meant.',
  'import.fileTooLarge':
    'This file is too large for one import: at most {max} KB and 500 rows per file. Split the register into several files and import them one at a time.',
  'import.missingColumns':
    'These columns are not in the file: {missing}. The file’s column titles: {columns}. Choose from those titles, then run the dry run again.',
  'import.missingColumn': '{label} (“{title}”)',
  'import.fileColumns': 'Column titles in this file: {columns}.',
  'import.stale':
    'The column mapping, source system or channel changed since this report. Run the dry run again before importing.',
  'fieldError.requiredUnlessAnonymous': '{label} is required unless the complaint is anonymous.',
  'fieldError.anonymousNoIdentity': 'An anonymous complaint carries no identity.',
  'fieldError.mapRequired':
    'Choose the columns for the date received, the subject and the description.',
  'fieldError.mapRowKey': 'Choose a row key column: the letter number or the external reference.',
  'fieldError.externalSystem': '{label} is required with an external reference column.',
  'fieldError.server': 'The server refused {label}. Please check it.',
  'fieldError.dayTwice': '{label}: the same day is already in this list.',
  'fieldError.savedStepKeepsAction':
    '{label}: a saved step keeps its action. Remove this step and add a new one.',
  'picker.search': 'Type an agency’s name…',
  'picker.results': '{n} matching {n|agency|agencies}.',
  'picker.none': 'No agency matches.',
  'picker.more': '…and {n} more: type more to narrow down.',
  'picker.chosen': 'Chosen agencies',
  'picker.remove': 'Remove {agency}',
  'picker.change': 'Change agency ({agency})',
  'picker.unpicked': '{label}: pick an agency from the list, or clear this field.',
  'caseActions.addAgency': 'Find and add an agency',
  'caseActions.agenciesHint':
    'Type part of an agency’s name, choose with the arrow keys and Enter. Each agency can get its own instructions.',
  'case.untitled': 'Complaint without a subject',
  'deadlines.countedFromDate': 'Counted from {date}; the count starts on the next working day.',
  'actions.extensionPending':
    'A request for {days} more working {days|day|days} awaits central’s decision. A new one can be sent once it is decided.',
  'actions.extensionMoves':
    'What it extends: the deadlines not yet met ({deadlines}). If central approves, each moves by the working days asked for, counted over your agency’s holidays, and the new deadline shows here.',
  'timeline.statusChange': 'Status: {from} → {to}',
  'timeline.mailFiles': '{count} {count|file|files} in the e-mail, {attached} attached',
  'timeline.mailFilesSome':
    '{count} {count|file|files} in the e-mail, {attached} attached (the others are only in the original message)',
  'timeline.followUpFilesSome':
    '{count} {count|file|files} in the e-mail, {attached} attached (the others are only in the follow-up message)',
  'timeline.mailViaList':
    'Received through a group or mailing list: the sender’s address may be the group’s; check the original message',
  'timeline.mailForwardedBy':
    'Forwarded by officer {by}: the complainant, subject, text and files are those of the message they forwarded',
  'timeline.mailForwardNote': 'Officer’s note: “{note}”',
  'timeline.reforwardedTo': 'Forwarded again to {agency}',
  'timeline.resentTo': 'sent again to {to}',
  'timeline.letterDated': 'its letter dated {date}',
  'timeline.activityPrevious': 'before: {at}',
  'timeline.attachmentShared': 'File “{name}” shared with the agencies',
  'timeline.attachmentWithheld': 'File “{name}” taken back for central only',
  'timeline.suggested': 'Suggested: {agency}',
  'timeline.askedComplainant': 'Asked of the complainant: “{asked}”',
  'timeline.workingDays': '{days} working {days|day|days}',
  'timeline.resumedNoMove':
    'No deadline moved: the time paused on working days came to less than a whole day',
  'timeline.recomputedNoMove': 'No deadline moved',
  'timeline.moved': '{target}: {from} → {to}',
  'timeline.returnedBy': 'Given back to the coordinator by {agency}',
  'timeline.delegatedTo': 'Delegated to {agency}',
  'timeline.takenBack': 'Taken back by the focal point',
  'timeline.memberLeft': 'Back with the focal point: {agency} is no longer its member unit',
  'timeline.satisfied': 'Satisfied, rated {rating} of 5',
  'timeline.restatedSubject': 'Subject: {subject}',
  'timeline.showAll': 'Show all',
  'timeline.showLess': 'Show less',
  'timeline.restatedDescription': 'The complaint for the agencies replaced',
  'timeline.subjectRestated': 'Subject restated',
  'timeline.previousSubject': 'Subject before: {subject}',
  'timeline.previousDescription': 'What the agencies read before: “{text}”',
  'timeline.notSatisfied': 'Not satisfied, rated {rating} of 5',
  // A complainant's follow-up e-mail that joined their case (or answered one that had ended).
  'event.complainant_mail': 'Follow-up e-mail from the complainant',
  // The e-mail intake mailed the complainant their receipt (central's alone).
  'event.mail_receipt_sent': 'Receipt sent to the complainant',
  'event.mail_receipt_failed': 'Receipt not delivered to the complainant',
  'timeline.mailReceiptFailed':
    'The complainant’s address still refused it three days after the complaint was registered; it is no longer sent. If needed, give them the agenda number and tracking code another way.',
  'timeline.mailReceiptSent':
    'The agenda number, verification deadline and tracking code were e-mailed to the address this complaint came from',
  'timeline.mailOriginalNotKept':
    'Original message not attached: the case holds 30 attachments already',
  'timeline.followUpNotKept':
    'Follow-up message not attached: the case holds 30 attachments already',
  'timeline.followUpOf': 'This e-mail answers case {ref}, which was rejected or closed',
  'timeline.followUpUnverified':
    'This e-mail claims to answer case {ref} from its complainant’s address, but its sender could not be verified (a sender address is easily forged), so it was not joined to that case; check the original message before acting on it',
  'desk.complainantAnswered': 'the complainant answered',
  'track.ratingLabel': 'Rating',
  'track.satisfiedLabel': 'Satisfied or not',
  // A paused clock (audit s22 #2): its open targets, and the line under the assignment's heading.
  'deadline.paused': 'Paused',
  'assignment.pausedSince': 'Deadlines paused since {since}',
  'assignment.pausedClock': 'Deadlines paused',
  'assignment.pausedMoves': 'the dates move when the clock resumes',
  'assignment.formGone':
    'This assignment has become “{state}” since you began this form, so this action can no longer be taken. What you typed was not sent; discard it when you no longer need it.',
  'assignment.pauseGone':
    'This assignment’s deadlines were paused since you began this form, so they cannot be paused again. What you typed was not sent; discard it when you no longer need it.',
  'assignment.extensionLapsed':
    'This extension request has lapsed: the assignment has become “{state}” since you began this decision, so it can no longer be decided. What you typed was not sent; discard it when you no longer need it.',
  'assignment.extensionDecided':
    'This extension request no longer awaits a decision: since you began, a colleague has decided it (see the timeline) or the assignment was forwarded again. What you typed was not sent; discard it when you no longer need it.',
  'actions.acknowledgeReadAgain':
    'Receipt could not be acknowledged: this assignment changed since the page was loaded, and has been read again. This card shows it as it is now.',
  // An ended assignment takes no more files (audit s22 #1); unsent text survives an expired
  // session's trip to sign-in (audit s22 #3).
  'attachments.closed': 'No more attachments can be added: the assignment has ended.',
  'attachments.closedRefused':
    'The attachment cannot be added: this assignment has ended (final follow-up sent, handed back, or withdrawn). Attachments must be uploaded before the final follow-up is sent.',
  'actions.finalAttachFirst':
    'Choose its attachments (the answer letter, evidence) below before pressing Send: after the final follow-up none can be added.',
  'attachments.answerFiles': 'Attachments (PDF, JPEG, PNG or DOCX, at most 20 MB each)',
  'attachments.answerFilesHint':
    'The answer letter, a photo or other evidence; several files may be chosen. They are uploaded when you press Send, before the answer goes.',
  'attachments.answerFilesChosen': '{n} file(s) will be sent with this answer:',
  'attachments.answerFilesLost':
    'The files chosen before were not sent and could not be restored: {names}. Choose them again before sending.',
  'attachments.answerFileStoring': 'uploading…',
  'attachments.answerFileStored': 'saved as an attachment',
  'attachments.answerFileFailed': 'not uploaded',
  'attachments.answerFileRemove': 'Remove {name}',
  'attachments.remove': 'Remove',
  'attachments.tooLargeNamed':
    '{names}: larger than 20 MB, so not chosen. Make the file smaller (scan it again at a lower resolution, say), then choose it again.',
  'attachments.answerNotSent':
    'The answer was not sent: attachment {name} could not be uploaded. {why}',
  'actions.finalWithFiles': 'Attachments sent with it: {files}.',
  'actions.finalNoFiles':
    'No attachments: if there is an answer letter or evidence, choose Cancel, then choose the files under Attachments.',
  'actions.sentWithFiles': 'Saved, with the attachments {files}.',
  'attachments.uploadWithAnswer':
    'Attachments are chosen in the “Send a response” form in the assignment card above and uploaded with the answer.',
  'forms.draftRestored': 'The text you had not sent yet was restored.',
  'signIn.expired':
    'Your session ended; please sign in again. Forms that keep unsent text give it back with the note “The text you had not sent yet was restored.”; a form without that note must be filled in again.',
  // Central's register and desk (audit s23 #2): oldest first puts the soonest verify-and-forward
  // deadline on top. The complainant's details on the case page, each on its line (#5).
  'cases.order': 'Order',
  'cases.orderNewest': 'Newest first',
  'cases.orderOldest': 'Oldest received first',
  'case.complainantIdNumber': 'Complainant’s NIK (ID number)',
  'case.complainantEmail': 'Complainant’s email',
  'case.complainantPhone': 'Complainant’s phone',
  'case.complainantAddress': 'Complainant’s address',
  'case.otherCases': 'Other complaints from this complainant',
  'case.otherCasesNone': 'No other complaints.',
  ...intakeEn,
} satisfies Record<Exclude<MessageKey, DocumentsMessageKey>, string>;

export const messages: Record<'id' | 'en', Record<MessageKey, string>> = {
  id: { ...id, ...documentsId },
  en: { ...en, ...documentsEn },
};
