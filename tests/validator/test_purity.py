"""The validator and what it loads from site-packages are pure Python (it must run in Pyodide)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, site, sys, sysconfig
import validator
from validator.browser import check_file_json, check_json
from validator.cli import main
T = [{"body": "Скидка {{1}} s@le", "examples": ["x"]}]
check_json(json.dumps({"lang": "en", "templates": T}))
check_file_json("t.csv", "name,body\na,Hello there friend\n", "ru")
check_file_json("t.json", "[]", "ru")
roots = [p for p in site.getsitepackages() + [site.getusersitepackages()]]
stdlib = sysconfig.get_paths()["stdlib"]
loaded = {}
for name, module in list(sys.modules.items()):
    path = getattr(module, "__file__", None) or ""
    if path and (any(path.startswith(r) for r in roots) or name.split(".")[0] == "validator"):
        loaded[name] = path
print(json.dumps({"loaded": loaded, "yaml": "yaml" in sys.modules,
                  "pystemmer": "Stemmer" in sys.modules}))
"""


def test_only_pure_python_from_site_packages() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    compiled = {name: path for name, path in report["loaded"].items() if not path.endswith(".py")}
    assert not compiled, compiled
    assert any(name.startswith("snowballstemmer") for name in report["loaded"])
    assert not report["pystemmer"], "snowballstemmer must not pick up the compiled PyStemmer"
    assert not report["yaml"], "PyYAML must be imported only when a YAML file is read"
