"""The literal text that every match of a regex must contain, so a list's regex lines whose
literals are absent from a text are skipped without running them (each regex line otherwise
costs every check on every keystroke)."""

from __future__ import annotations

try:  # CPython's own regex parser; private, so anything unexpected means "no literal known"
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - a Python without it only loses the shortcut
    sre = sre_parse = None

Needs = frozenset[str] | None  # one of these strings is in every match; None: nothing known

_SMALL_RANGE = 10


def required_literals(pattern: str) -> Needs:
    """Strings of which every match of `pattern` contains at least one, or None."""
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
            return None
        return _sequence(list(parsed))
    except Exception:  # an unknown construct only costs the shortcut
        return None


def _better(a: Needs, b: Needs) -> Needs:
    """The more selective requirement: longer shortest string, then fewer alternatives."""
    if a is None:
        return b
    if b is None:
        return a
    score_a, score_b = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if score_a >= score_b else b


def _sequence(items: list) -> Needs:
    best: Needs = None
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _better(best, frozenset({run}))
            run = ""
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset({run}))
    return best


def _item(op, av) -> Needs:
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        return None if add_flags & sre.SRE_FLAG_IGNORECASE else _sequence(list(body))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            needs = _sequence(list(branch))
            if needs is None:
                return None
            found |= needs
        return frozenset(found)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is sre.IN:
        return _charset(av)
    return None


def _charset(items: list) -> Needs:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _SMALL_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(chars)
