"""``wksbm new``: flags, prompts, no terminal, no overwrite, and a result that validates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import CONFIG

COMPLETENESS = {
    "missing-ketua",
    "missing-sekretaris",
    "missing-bendahara",
    "sk-missing",
    "no-unsur",
    "never-trained",
}


def _rules(run_cli: Any, root: Path) -> set[str]:
    out = run_cli("--lang", "en", "--records", str(root), "validate", "--format", "json")
    return {p["rule"] for p in json.loads(out.stdout)["problems"]}


def test_new_organisation_from_flags(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-ngudi",
        "--nama", "no", "--kecamatan", "Depok", "--desa", "Condongcatur",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = root / "organisasi" / "depok" / "wksbm-ngudi.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/organisasi.schema.json\n")
    data = yaml.safe_load(text)
    assert data["nama"] == "no"  # stayed text
    assert data["wilayah"] == {
        "kapanewon": "Depok",
        "kalurahan": "Condongcatur",
        "kode": "34.04.07.2003",
    }
    assert data["tingkat"] == "kalurahan"  # DIY words under istilah: diy
    assert "# pengurus:" in text and "# pengecualian:" in text
    assert _rules(run_cli, root) <= COMPLETENESS


def test_new_organisation_in_a_real_kalurahan_validates(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-condongcatur",
        "--nama", "WKSBM Condongcatur", "--kecamatan", "Depok", "--desa", "Condong Catur",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _rules(run_cli, root) <= COMPLETENESS


def test_national_labels(make_records: Any, run_cli: Any) -> None:
    root = make_records({}, config=CONFIG.replace("istilah: diy", "istilah: nasional"))
    run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-a",
        "--nama", "WKSBM A", "--kecamatan", "Depok", "--desa", "Condongcatur",
    )  # fmt: skip
    data = yaml.safe_load((root / "organisasi/depok/wksbm-a.yaml").read_text(encoding="utf-8"))
    assert data["wilayah"] == {
        "kecamatan": "Depok",
        "desa": "Condongcatur",
        "kode": "34.04.07.2003",
    }
    assert data["tingkat"] == "desa"


def test_new_event_adds_the_date_prefix_and_validates(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "en", "--records", str(root), "baru", "kegiatan", "rapat-koordinasi",
        "--judul", "Rapat: 1:30", "--jenis", "rapat", "--tanggal", "2025-08-01",
        "--penyelenggara", "Dinas Sosial",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = root / "kegiatan" / "2025" / "2025-08-01-rapat-koordinasi.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["judul"] == "Rapat: 1:30"
    assert _rules(run_cli, root) == set()


def test_prompts_fill_what_is_missing(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "kegiatan", "--interactive",
        input="Sosialisasi WKSBM\npenyuluhan\n2025-09-10\nKapanewon Depok\n\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = root / "kegiatan/2025/2025-09-10-sosialisasi-wksbm.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["jenis"] == "penyuluhan" and data["penyelenggara"] == "Kapanewon Depok"


def test_without_a_terminal_missing_options_exit_2(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli("--lang", "en", "--records", str(root), "new", "organisasi", "--nama", "X")
    assert result.exit_code == 2
    # Named with the folder's own words: this is a DIY folder.
    assert "--kapanewon, --kalurahan" in result.output
    assert not (root / "organisasi").exists()


def test_never_overwrites(make_records: Any, run_cli: Any) -> None:
    root = make_records({"organisasi/depok/wksbm-a.yaml": "id: wksbm-a\n"})
    result = run_cli(
        "--lang", "en", "--records", str(root), "new", "organisasi", "wksbm-a",
        "--nama", "A", "--kecamatan", "Depok", "--desa", "Condongcatur",
    )  # fmt: skip
    assert result.exit_code == 1
    assert (root / "organisasi/depok/wksbm-a.yaml").read_text(encoding="utf-8") == "id: wksbm-a\n"


def test_bad_values_exit_2(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    base = ("--lang", "en", "--records", str(root), "new", "kegiatan", "x", "--judul", "X")
    bad_date = run_cli(*base, "--jenis", "rapat", "--tanggal", "1/8/2025", "--penyelenggara", "D")
    assert bad_date.exit_code == 2
    bad_kind = run_cli(
        *base, "--jenis", "arisan", "--tanggal", "2025-08-01", "--penyelenggara", "D"
    )
    assert bad_kind.exit_code == 2 and "rapat" in bad_kind.output


def _new_org(run_cli: Any, root: Path, *args: str, input: str | None = None) -> Any:
    return run_cli("--lang", "en", "--records", str(root), "new", "organisasi", *args, input=input)


def test_misspelt_kapanewon_gets_did_you_mean_and_nothing_is_written(
    make_records: Any, run_cli: Any
) -> None:
    root = make_records({})
    result = _new_org(
        run_cli, root, "wksbm-x", "--nama", "WKSBM Sido Rukun", "--kapanewon", "Depak",
        "--kalurahan", "Condongcatur",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "wksbm: --kapanewon: Kapanewon `Depak` does not exist in Kabupaten Sleman"
        " (did you mean `Depok`, `Ngemplak`, `Pakem`?)\n"
    )
    assert not (root / "organisasi").exists()


def test_kalurahan_of_another_kapanewon_is_a_mismatch(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = _new_org(
        run_cli, root, "wksbm-x", "--nama", "WKSBM Sido Rukun", "--kapanewon", "Kalasan",
        "--kalurahan", "Condongcatur",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "wksbm: --kalurahan: Kalurahan `Condongcatur` is not in Kapanewon Kalasan"
        " (it is in Depok)\n"
    )
    assert not (root / "organisasi").exists()


def test_message_names_the_flag_given(make_records: Any, run_cli: Any) -> None:
    root = make_records({}, config=CONFIG.replace("istilah: diy", "istilah: nasional"))
    result = _new_org(
        run_cli, root, "wksbm-x", "--nama", "X", "--kecamatan", "Kalasan", "--desa", "Condongcatur"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "wksbm: --desa: Desa `Condongcatur` is not in Kecamatan Kalasan"
    )
    both = _new_org(run_cli, root, "x", "--nama", "X", "--kecamatan", "Depok", "--kapanewon", "D")
    assert both.exit_code == 2 and "give only one of --kecamatan, --kapanewon" in both.stderr


def test_prompts_use_the_folders_terms_and_ask_again_at_once(
    make_records: Any, run_cli: Any
) -> None:
    root = make_records({})
    result = _new_org(
        run_cli, root, "--interactive",
        input="WKSBM Sido Rukun\n\nDepak\nDepok\nTirtomartani\nCondong Catur\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.output
    assert "nama:" not in out and "kecamatan" not in out
    # Each wrong answer is answered at once, before the next question is asked.
    order = [
        "Name of the organisation:",
        "Id (the file name: lower-case letters, digits, hyphens) [wksbm-sido-rukun]:",
        "Kapanewon (official name):",
        "wksbm: Kapanewon: Kapanewon `Depak` does not exist in Kabupaten Sleman",
        "Kapanewon (official name):",
        "Kalurahan in Kapanewon Depok:",
        "wksbm: Kalurahan: Kalurahan `Tirtomartani` is not in Kapanewon Depok (it is in Kalasan)",
        "Kalurahan in Kapanewon Depok:",
        "organisasi/depok/wksbm-sido-rukun.yaml",
    ]
    at = 0
    for piece in order:
        found = out.find(piece, at)
        assert found >= 0, (piece, out[at:])
        at = found + len(piece)


def test_event_prompts_show_choices_and_ask_again(make_records: Any, run_cli: Any) -> None:
    root = make_records({})
    result = run_cli(
        "--lang", "id", "--records", str(root), "new", "kegiatan", "--interactive",
        input="Rapat Koordinasi Forum WKSBM\nrapatt\nrapat\n5/10/2025\n2025-10-05\n"
        "Forum WKSBM Kabupaten Sleman\n\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.output
    choices = "Jenis (pelatihan, bimtek, penyuluhan, sosialisasi, rapat, lainnya) [pelatihan]:"
    assert out.count(choices) == 2
    assert out.index("`rapatt` tidak dikenal") < out.index("Tanggal mulai (YYYY-MM-DD):")
    assert out.count("Tanggal mulai (YYYY-MM-DD):") == 2
    assert "--jenis" not in out and "--tanggal" not in out  # no flag was typed
    assert (root / "kegiatan/2025/2025-10-05-rapat-koordinasi-forum-wksbm.yaml").is_file()


def test_interrupted_prompts_write_nothing(make_records: Any, run_cli: Any) -> None:
    """End of input (Ctrl-D) or Ctrl-C in the middle of the questions: nothing is written."""
    root = make_records({})
    result = _new_org(run_cli, root, "--interactive", input="WKSBM Sido Rukun\n\nDepok\n")
    assert result.exit_code == 1
    assert not (root / "organisasi").exists()


def test_ctrl_c_on_a_terminal_writes_nothing(make_records: Any, tmp_path: Path) -> None:
    """Prompts on a real pseudo-terminal; Ctrl-C (SIGINT to the foreground process group) at the
    kalurahan question leaves no file behind."""
    import os
    import pty
    import select
    import signal
    import subprocess
    import sys
    import time

    def interruptible() -> None:
        """Ctrl-C interrupts the child even when the tests themselves run as a background job
        (which ignores SIGINT, and the child would inherit that)."""
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    root = make_records({})
    leader, follower = pty.openpty()
    env = {**os.environ, "WKSBM_LANG": "en", "COLUMNS": "200"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wksbm_cli", "--records", str(root), "new", "organisasi"],
        stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True,
        preexec_fn=interruptible,
    )  # fmt: skip
    os.close(follower)
    seen = b""

    def wait_for(text: bytes) -> None:
        nonlocal seen
        deadline = time.monotonic() + 60
        while text not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1)
            if ready:
                try:
                    seen += os.read(leader, 1024)
                except OSError:
                    break
        assert text in seen, seen

    try:
        wait_for(b"Name of the organisation: ")
        os.write(leader, b"WKSBM Sido Rukun\r")
        wait_for(b"[wksbm-sido-rukun]: ")
        os.write(leader, b"\r")
        wait_for(b"Kapanewon (official name): ")
        os.write(leader, b"Depok\r")
        wait_for(b"Kalurahan in Kapanewon Depok: ")
        # The prompt's last space is written just before the read starts; a signal in between
        # is only seen at the next keypress (CPython), so let the read begin first.
        time.sleep(1)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C makes the terminal send
        try:
            assert proc.wait(timeout=60) != 0
        except subprocess.TimeoutExpired:
            wait_for(b"the process to end")  # fails, showing what it printed
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)
    assert not (root / "organisasi").exists()


def test_a_kota_folder_without_kode_still_gets_its_words(make_records: Any, run_cli: Any) -> None:
    """An older wksbm.yaml that names the kota without its code: the code is looked up."""
    root = make_records(
        {}, config="wilayah: {provinsi: Jawa Timur, kabupaten: Kota Surabaya}\nistilah: nasional\n"
    )
    result = _new_org(
        run_cli, root, "wksbm-kebraon", "--nama", "WKSBM Kebraon", "--kecamatan", "Karang Pilang",
        "--kelurahan", "Kebraon",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(
        (root / "organisasi/karang-pilang/wksbm-kebraon.yaml").read_text(encoding="utf-8")
    )
    assert data["wilayah"]["kelurahan"] == "Kebraon" and data["tingkat"] == "kelurahan"
    missing = _new_org(run_cli, root, "wksbm-x", "--nama", "X")
    assert "--kecamatan, --kelurahan" in missing.stderr
