"""What a person at a terminal sees: examples in every help, a progress bar and colour on a terminal only,
--quiet, --json summaries, and the documented exit codes."""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from helpers import ROOT, SEED_FILES

from builder.cli import main, parser

SUB = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("name", sorted(SUB.choices))
def test_every_command_help_has_an_example(name: str) -> None:
    text = SUB.choices[name].format_help()
    assert re.search(rf"Example: kg {re.escape(name)}\b", text), text


def test_the_exit_codes_are_documented_in_help_and_the_docs() -> None:
    readme = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for text in (parser().format_help(), readme):
        assert re.search(r"0\W+success", text) and "1 SHACL violations" in text.replace("`", "")
        assert re.search(r"2\W+error", text)


def in_a_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """`kg ARGS` with its standard output and error on a pseudo-terminal: (exit code, what it showed)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a 120-column terminal
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm", "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "builder", *args], stdout=follower, stderr=follower,
                            stdin=subprocess.DEVNULL, cwd=cwd, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_a_progress_bar_and_colour(tmp_path: Path) -> None:
    code, shown = in_a_terminal("build", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert code == 0, shown
    assert re.search(r"extract:\s+\d+%.*\d+/5", shown), shown  # tqdm's bar, on the terminal
    assert "\x1b[32mconforms\x1b[0m" in shown
    assert "Trương Thị Mai" in shown


def test_a_pipe_gets_neither(seeds_process: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, proc = seeds_process
    assert not ANSI.search(proc.stdout + proc.stderr)
    assert "extract:" not in proc.stderr and "\r" not in proc.stderr


def test_quiet_prints_nothing_but_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hong.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "in" / "tot.txt").write_text(SEED_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.strip().splitlines()
    assert "hong.txt" in line and "error" in line
    assert (tmp_path / "out" / "graph.trig").stat().st_size > 0


def test_build_json_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "-o", str(tmp_path / "out"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["articles"] == 5 and summary["conforms"] is True and summary["errors"] == []
    assert summary["facts"]["holdings"] > 0
    assert all(Path(p).is_file() for p in summary["outputs"])


def test_validate_json_summary_and_exit_codes(seeds_out: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(seeds_out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["conforms"] is True and summary["violations"] == 0 and summary["triples"] > 0
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/dangkg/ont#> .\n<urn:x:h> a kg:Holding .\n", encoding="utf-8")
    assert main(["validate", str(bad), "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["conforms"] is False and summary["violations"] == len(summary["results"]) > 0
    assert main(["validate", str(tmp_path / "missing.trig"), "--json"]) == 2
    assert "missing.trig" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["export", "--format", "nquads", "-o", "{tmp}/g.nq"],
                                  ["review", "-o", "{tmp}/review.csv"],
                                  ["fuseki-config", "-o", "{tmp}/config.ttl"]])
def test_writing_commands_json_summary_names_the_file(args: list[str], seeds_out: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if argv[0] != "fuseki-config":
        argv.insert(1, str(seeds_out))
    assert main([*argv, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert Path(summary["wrote"]).is_file()
    assert main([*argv, "--quiet"] + (["--force"] if argv[0] == "review" else [])) == 0
    assert capsys.readouterr().out == ""
