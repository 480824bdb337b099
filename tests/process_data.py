"""The real process and provider settings, shared by the process, schedule and render tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from process.definition import load_process

ROOT = Path(__file__).resolve().parent.parent
SETTINGS: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[
    "extra"
]["provider"]
PROCESS = load_process(ROOT / "process.yml", SETTINGS)
