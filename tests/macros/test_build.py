"""The built site: process steps in both languages, macros in the page's language, literal
WhatsApp placeholders, process.json, working step links, no outside assets, and a broken
process file that stops the build with file, line and field."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from process_data import PROCESS, ROOT

from macros.pages.content_policy import inline_script_hashes
from process.model import process_from_json

DOCS = ROOT / "docs"
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
LANGS = ("ru", "en")
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\{\s*[\w.]+\s*\}\}")
ASSET_ATTR = re.compile(
    r"<(script|link|img|source|video|audio|iframe|embed)\b([^>]*)>", re.IGNORECASE
)
URL_ATTR = re.compile(r"\b(src|href|srcset|poster|data)\s*=\s*([\"'])(.*?)\2", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*([\"']?)([^\"')]+)\1\s*\)|@import\s+([\"'])([^\"']+)\3")
STEP_LINE = re.compile(r'(<span class="wa-owner .*?)(?:</p>|<ul|</li>)', re.DOTALL)
INLINE_CSS = re.compile(r"<style\b[^>]*>(.*?)</style>|\bstyle=\"([^\"]*)\"", re.DOTALL)
NAVIGATION_RELS = {"canonical", "alternate", "next", "prev"}


def _page(site: Path, name: str, lang: str) -> str:
    base = site if lang == "ru" else site / "en"
    path = base / "index.html" if name == "index" else base / name / "index.html"
    return path.read_text(encoding="utf-8")


def _between(html: str, start: str, end: str) -> str:
    """The part of a built page from the heading id `start` to the heading id `end`."""
    first = html.index(f'id="{start}"')
    return html[first : html.index(f'id="{end}"', first)]


def _checklist(html: str) -> str:
    return _between(html, "checklist", "tools")


def _timeline(html: str) -> str:
    return html[html.index('<figure class="wa-timeline">') : html.index("</figure>")]


def _macro_pages() -> list[tuple[str, str | None]]:
    """(page name, phase) for every docs page whose source calls checklist()."""
    found = []
    for source in sorted(DOCS.glob("*.md")):
        if source.name.endswith(".en.md"):
            continue
        call = re.search(r"\[\[\s*checklist\((?:phase=\"(\w+)\")?\)\s*\]\]", source.read_text())
        if call:
            found.append((source.stem, call.group(1)))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_is_in_the_overview_checklist_and_timeline(built_site: Path, lang: str) -> None:
    html = _page(built_site, "index", lang)
    checklist, timeline = _checklist(html), _timeline(html)
    for step in PROCESS.steps:
        assert f'<strong data-step="{step.id}">' in checklist, step.id
        assert unescape(step.title.get(lang)) in unescape(checklist), step.id
        assert f'data-step="{step.id}"' in timeline, step.id
        assert step.title.get(lang) in unescape(timeline), step.id


@pytest.mark.parametrize("lang", LANGS)
def test_each_phase_page_lists_its_steps(built_site: Path, lang: str) -> None:
    pages = _macro_pages()
    assert {phase for _, phase in pages} >= {p.id for p in PROCESS.phases}
    for name, phase in pages:
        if phase is None:
            continue
        html = _page(built_site, name, lang)
        shown = re.findall(r'<strong data-step="(\w+)">', html)
        assert shown == [s.id for s in PROCESS.steps if s.phase == phase], name


def test_macros_render_in_the_language_of_the_page(built_site: Path) -> None:
    """Two-language build: the same macro call renders Russian on x.md, English on x.en.md."""
    for name, _ in _macro_pages():
        ru, en = _page(built_site, name, "ru"), _page(built_site, name, "en")
        assert '<html lang="ru"' in ru
        assert '<html lang="en"' in en
        ru_items, en_items = STEP_LINE.findall(ru), STEP_LINE.findall(en)
        assert ru_items, name
        assert len(ru_items) == len(en_items), name
        for item in en_items:
            assert not CYRILLIC.search(unescape(re.sub(r"<[^>]+>", "", item))), (name, item)
            assert ">Details</a>" in item
        for item in ru_items:
            assert ">Подробнее</a>" in item
    assert 'aria-label="WhatsApp Business API connection timeline"' in _page(
        built_site, "index", "en"
    )
    assert 'aria-label="Сроки подключения WhatsApp Business API"' in _page(
        built_site, "index", "ru"
    )


def _built_file(site: Path, source: Path) -> Path:
    lang_dir = site / "en" if source.name.endswith(".en.md") else site
    stem = source.name.removesuffix(".md").removesuffix(".en")
    return lang_dir / "index.html" if stem == "index" else lang_dir / stem / "index.html"


def test_whatsapp_placeholders_reach_the_html_literally(built_site: Path) -> None:
    checked = 0
    for source in sorted(DOCS.glob("*.md")):
        built = unescape(_built_file(built_site, source).read_text(encoding="utf-8"))
        for placeholder in set(PLACEHOLDER.findall(source.read_text(encoding="utf-8"))):
            assert placeholder in built, f"{placeholder} from {source.name} is missing"
            checked += 1
    assert checked, "no {{n}} placeholder in the docs: nothing was tested"
    # ... and those written in process.yml, through the checklist macro
    from_process = {
        p for s in PROCESS.steps for i in s.do for p in PLACEHOLDER.findall(i.text.ru + i.text.en)
    }
    assert from_process
    for lang in LANGS:
        built = unescape(_page(built_site, "prepare", lang))
        assert all(p in built for p in from_process)


@pytest.mark.parametrize("lang", LANGS)
def test_step_links_reach_an_existing_anchor(built_site: Path, lang: str) -> None:
    for step in PROCESS.steps:
        name, _, anchor = step.page.partition("#")
        target = _page(built_site, name.removesuffix(".md"), lang)
        assert f'id="{anchor}"' in target, f"{step.id}: {step.page} has no #{anchor} ({lang})"
    html = _page(built_site, "prepare", lang)
    base = "" if lang == "ru" else "/en"
    assert '<a href="./#company-details">' in html  # same page
    assert '<a href="../checker/">' in html, f"checker link in {base or 'ru'} prepare page"


def test_every_task_checkbox_has_a_name(built_site: Path) -> None:
    boxes = 0
    for page in built_site.rglob("*.html"):
        for box in re.findall(r'<input type="checkbox"[^>]*>', page.read_text(encoding="utf-8")):
            if "task-list" in box or "disabled" in box:
                boxes += 1
                assert re.search(r'aria-label="[^"]+"', box), f"{page}: {box}"
    assert boxes >= 2 * sum(1 + len(s.do) for s in PROCESS.steps)


def test_process_json_is_published(built_site: Path) -> None:
    data = json.loads((built_site / "process.json").read_text(encoding="utf-8"))
    assert process_from_json(data) == PROCESS
    assert data["provider"] == CONFIG["extra"]["provider"]
    registration = next(s for s in data["steps"] if s["id"] == "registration")
    assert registration["duration"]["max"] == CONFIG["extra"]["provider"]["registration_max_days"]


def _site_origin() -> tuple[str, str]:
    parts = urlsplit(CONFIG["site_url"])
    return parts.scheme, parts.netloc


def _outside(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or bool(re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I))


def _outside_assets(site: Path) -> list[str]:
    """Every script, style, image, font or media URL in the built site that leaves the site."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site)
        for tag, attrs in ASSET_ATTR.findall(html):
            rel = re.search(r"\brel\s*=\s*[\"']([^\"']*)", attrs)
            navigation = (
                tag.lower() == "link" and rel and set(rel.group(1).split()) <= NAVIGATION_RELS
            )
            for _, _, value in URL_ATTR.findall(attrs):
                for url in (u.strip().split(" ")[0] for u in value.split(",")):
                    if not _outside(url):
                        continue
                    parts = urlsplit(url if "://" in url else "http:" + url)
                    if navigation and (parts.scheme, parts.netloc) == _site_origin():
                        continue  # canonical/alternate links name pages, they load nothing
                    problems.append(f"{where}: <{tag}> {url}")
        inline = "".join(a + b for a, b in INLINE_CSS.findall(html))
        problems += [f"{where}: css {u}" for u in _css_urls(inline) if _outside(u)]
    for sheet in sorted(site.rglob("*.css")):
        urls = _css_urls(sheet.read_text(encoding="utf-8"))
        problems += [f"{sheet.relative_to(site)}: url({u})" for u in urls if _outside(u)]
    return problems


def _css_urls(css: str) -> list[str]:
    return [m[1] or m[3] for m in CSS_URL.findall(css)]


def test_every_asset_is_served_by_the_site_itself(built_site: Path) -> None:
    assert len(list(built_site.rglob("*.html"))) > 20
    problems = _outside_assets(built_site)
    assert not problems, "\n".join(problems[:20])


def test_the_asset_check_catches_outside_assets(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="http://127.0.0.1:8000/">'
        '<link rel="stylesheet" href="//fonts.example.com/css">'
        '<script src="https://cdn.example.com/x.js"></script><img src="a.png">'
        '<img srcset="b.png 1x, https://img.example.com/c.png 2x">'
        '<style>@font-face{src:url("https://fonts.example.com/f.woff2")}</style>'
        '<div style="background:url(//img.example.com/bg.png)"></div>',
        encoding="utf-8",
    )
    (tmp_path / "s.css").write_text(
        '@import "https://x.example.com/a.css"; a{b:url(data:image/png;base64,AA)}', "utf-8"
    )
    found = "\n".join(_outside_assets(tmp_path))
    for outside in (
        "fonts.example.com/css",
        "cdn.example",
        "img.example.com/c",
        "f.woff2",
        "bg.png",
        "x.example.com/a.css",
    ):
        assert outside in found
    assert "127.0.0.1" not in found
    assert "data:" not in found
    assert len(found.splitlines()) == 6


# One broken process file through a whole build (the loader's other failures: process tests).
BROKEN_OWNER = (
    "    owner: client\n    after: [send_bm_request]\n",
    "    owner: clinet\n    after: [send_bm_request]\n",
    r"process\.yml:{line}: steps\[\d+\]\.owner: unknown owner 'clinet'",
)


def test_a_broken_process_file_fails_the_build(tmp_path: Path) -> None:
    old, new, expected = BROKEN_OWNER
    text = (ROOT / "process.yml").read_text(encoding="utf-8")
    assert old in text
    line = text.count("\n", 0, text.index(old)) + 1
    (tmp_path / "process.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for folder in ("docs", "overrides", "macros", "process", "validator"):
        (tmp_path / folder).symlink_to(ROOT / folder, target_is_directory=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(expected.format(line=line), output), output[-2000:]
    assert "Traceback" not in output


@pytest.mark.parametrize("page", ["checker", "checklist", "en/checker", "en/checklist"])
def test_widget_pages_start_the_worker_from_the_head(built_site: Path, page: str) -> None:
    """Before the first stylesheet, with the runtime of this build; the widget keeps a fallback."""
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    boot = head.find("<script data-worker=")
    assert -1 < boot < head.index('rel="stylesheet"')
    for name in ("worker", "pyodide", "archive", "snapshot"):
        match = re.search(rf'data-{name}="([^"]+)"', head[boot:])
        assert match, name
        target = (built_site / page / unescape(match.group(1))).resolve()
        assert target.exists(), (name, target)
    assert html.count("if (window.kitBoot) return;") == 2


def test_guide_pages_start_no_worker(built_site: Path) -> None:
    for page in ("index.html", "templates/index.html", "en/templates/index.html"):
        assert "kitBoot" not in (built_site / page).read_text(encoding="utf-8")


def test_every_page_carries_a_policy_that_allows_exactly_its_inline_scripts(
    built_site: Path,
) -> None:
    meta = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = meta.findall(html)
        assert len(found) == 1, path
        assert html.index(found[0]) < html.find("<script"), path
        hashes = inline_script_hashes(meta.sub("", html))
        script_src = next(d for d in found[0].split("; ") if d.startswith("script-src "))
        assert script_src.split()[2:] == hashes, path


def test_both_languages_have_the_same_pages(built_site: Path) -> None:
    ru = {p.relative_to(built_site) for p in built_site.rglob("index.html") if "en" not in p.parts}
    en = {p.relative_to(built_site / "en") for p in (built_site / "en").rglob("index.html")}
    assert ru, "no Russian pages were built"
    assert ru == en
