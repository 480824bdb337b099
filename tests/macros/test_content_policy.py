"""The page policy (macros.pages.content_policy): which inline scripts it allows and where it goes.
The browser tests prove that the built pages run under it and that it blocks what it should."""

from __future__ import annotations

from macros.pages.content_policy import inline_script_hashes, page_policy, with_policy

ALERT = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"  # openssl: sha256("alert(1)")


def test_runnable_inline_scripts_are_hashed_once_each() -> None:
    html = (
        "<script>alert(1)</script>"
        '<script type="module">alert(1)</script>'
        '<SCRIPT type="text/javascript" data-x="1">alert(2)</SCRIPT >'
    )
    hashes = inline_script_hashes(html)
    assert hashes[0] == ALERT
    assert len(hashes) == 2


def test_data_blocks_and_scripts_with_a_file_are_not_hashed() -> None:
    html = (
        '<script type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script>'
        '<script type="module" src="/y.mjs"></script>'
    )
    assert inline_script_hashes(html) == []
    assert "script-src 'self';" in page_policy(html)


def test_the_policy_keeps_everything_on_the_site() -> None:
    policy = page_policy("<script>alert(1)</script>")
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == f"'self' {ALERT}"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]


def test_the_policy_comes_before_every_script() -> None:
    html = '<html><head><meta charset="utf-8"><script>alert(1)</script></head></html>'
    out = with_policy(html)
    meta = out.index('http-equiv="Content-Security-Policy"')
    assert out.index('<meta charset="utf-8">') < meta < out.index("<script>")
    assert ALERT in out
    no_charset = with_policy("<html><head><script>alert(1)</script></head></html>")
    assert no_charset.startswith('<html><head><meta http-equiv="Content-Security-Policy"')


def test_a_fragment_without_a_head_is_left_alone() -> None:
    assert with_policy("<p>text</p>") == "<p>text</p>"
