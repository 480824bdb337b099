"""The browser's tar reader (docs/assets/kit/runtime/untar.mjs), run in Node on archives made here.

The worker unpacks the checker's Python archive with it into Pyodide's file system; here a
stand-in file system records what it is asked to make. Python's tarfile writes the archives
(the build does too), gzipped or not, with a path long enough to need ustar's prefix field.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import subprocess
import tarfile
from pathlib import Path

import pytest

UNTAR = Path(__file__).resolve().parents[2] / "docs" / "assets" / "kit" / "runtime" / "untar.mjs"
LONG = "validator/" + "deep/" * 22 + "module.py"  # over 100 characters: uses the prefix field
FILES = {
    "validator/__init__.py": b"",
    "validator/rules.py": b"RULES = []\n",  # a second file in the same folder
    "validator/data/ru/words.txt": "скидка\nакция\n".encode(),
    LONG: b"X = 1\n" * 200,  # spans several 512-byte blocks
}

SCRIPT = """
import { tarBytes, untarInto } from %(module)s;
import fs from "node:fs";

const made = [];
const written = {};
const FS = {
  mkdirTree: (path) => made.push(path),
  writeFile: (path, bytes) => { written[path] = Buffer.from(bytes).toString("base64"); },
};
const tar = await tarBytes(fs.readFileSync(%(archive)s));
const count = untarInto(FS, tar, "/lib/kit");
console.log(JSON.stringify({ count, made, written }));
"""


def _archive(gzipped: bool) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in FILES.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        folder = tarfile.TarInfo("validator/empty")
        folder.type = tarfile.DIRTYPE
        tar.addfile(folder)
    return gzip.compress(out.getvalue()) if gzipped else out.getvalue()


@pytest.mark.parametrize("gzipped", [True, False], ids=["gzip", "tar"])
def test_every_file_lands_under_the_folder_with_its_bytes(tmp_path: Path, gzipped: bool) -> None:
    archive = tmp_path / "python.tar"
    archive.write_bytes(_archive(gzipped))
    script = SCRIPT % {"module": json.dumps(UNTAR.as_uri()), "archive": json.dumps(str(archive))}
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    assert result["count"] == len(FILES)
    expected = {f"/lib/kit/{name}": data for name, data in FILES.items()}
    assert {p: base64.b64decode(b) for p, b in result["written"].items()} == expected
    # Each folder is made once, before its first file (the directory entry itself is skipped).
    folders = {path.rsplit("/", 1)[0] for path in expected}
    assert sorted(result["made"]) == sorted(folders)
