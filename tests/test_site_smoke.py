"""The site builds in both languages with the same pages."""

from pathlib import Path


def test_both_languages_have_the_same_pages(built_site: Path) -> None:
    ru = {p.relative_to(built_site) for p in built_site.rglob("index.html") if "en" not in p.parts}
    en = {p.relative_to(built_site / "en") for p in (built_site / "en").rglob("index.html")}
    assert ru, "no Russian pages were built"
    assert ru == en
