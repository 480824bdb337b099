"""A plain (non-editable) wheel, installed in a fresh venv outside the tree, runs both CLIs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "validator", "process", "macros")
# The runtime dependencies are copied from this venv (no download); the wheel is built from a copy.
DEPENDENCIES = ("holidays", "jsonschema", "snowballstemmer", "yaml")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


HERE = Path(sysconfig.get_path("purelib"))


def _top_level_imports() -> set[str]:
    code = f"import sys; import {', '.join(DEPENDENCIES)}; print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()}


def _imported_packages() -> list[str]:
    return sorted(n for n in _top_level_imports() if (HERE / n / "__init__.py").is_file())


def _imported_modules() -> list[str]:
    return sorted(f"{n}.py" for n in _top_level_imports() if (HERE / f"{n}.py").is_file())


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [str(a) for a in args]
    return subprocess.run(
        command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False, timeout=300
    )


def test_wheel_installs_and_runs_wa_check_and_wa_checklist(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                 "-w", tmp_path / "dist", source, cwd=tmp_path)  # fmt: skip
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("wa_bsp_kit-*.whl"))
    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path).returncode == 0
    python = venv / "bin" / "python"
    purelib = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path
        ).stdout.strip()
    )
    for name in _imported_packages():
        shutil.copytree(HERE / name, purelib / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in _imported_modules():
        shutil.copy2(HERE / name, purelib / name)
    for info in HERE.glob("holidays-*.dist-info"):  # holidays reads its version from there
        shutil.copytree(info, purelib / info.name)
    installed = _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
                     "--no-index", wheel, cwd=tmp_path)  # fmt: skip
    assert installed.returncode == 0, installed.stderr

    work = tmp_path / "work"
    work.mkdir()
    (work / "t.txt").write_text("Скидка 50% на всё! {{1}}{{2}}", encoding="utf-8")
    check = _run(venv / "bin" / "wa-check", "--json", "t.txt", cwd=work)
    assert check.returncode == 1, check.stderr
    assert "promo.discount" in {
        f["rule"] for f in json.loads(check.stdout)["templates"][0]["findings"]
    }
    (work / "a.yml").write_text("company: Acme\nstart_date: 2026-12-01\n", encoding="utf-8")
    kit = ("--process", ROOT / "process.yml", "--settings", ROOT / "mkdocs.yml")
    checklist = _run(venv / "bin" / "wa-checklist", "a.yml", "--format", "json", *kit, cwd=work)
    assert checklist.returncode == 0, checklist.stderr
    assert json.loads(checklist.stdout)["steps"]
    code = "import process, validator; print(process.__file__, validator.__file__)"
    where = _run(python, "-c", code, cwd=work)
    assert str(ROOT) not in where.stdout
    assert str(venv) in where.stdout
