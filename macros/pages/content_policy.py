"""A page's own Content-Security-Policy ``<meta>`` tag: everything from the site itself, inline
scripts only by their build-time SHA-256 hashes (README, "Content-Security-Policy", says why).
Pure; ``macros.hooks.on_post_page`` applies it.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Scripts of these types run; JSON data blocks (type="application/json") do not.
_RUNNABLE_TYPES = ("", "text/javascript", "application/javascript", "module")
_INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<code>.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
# Material sets inline style attributes; styles cannot send data anywhere ('self' for files).
_POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources ('sha256-…') of the page's inline scripts that run, in order, once each."""
    found: list[str] = []
    for m in _INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _RUNNABLE_TYPES):
            continue
        digest = hashlib.sha256(m.group("code").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in found:
            found.append(source)
    return found


def page_policy(html: str) -> str:
    """The policy for one page: the site's own files and this page's inline scripts."""
    hashes = "".join(f" {source}" for source in inline_script_hashes(html))
    return "; ".join(_POLICY).format(hashes=hashes)


def with_policy(html: str) -> str:
    """The page with its policy as the first thing after ``<meta charset>`` (or ``<head>``), so
    it governs every script that follows; a page without a head is returned unchanged."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + tag + html[anchor.end() :]
