"""Rules = cards (rules/<family>.toml) joined with functions (rules/<family>.py) or matchers.

The registry loads every card once, checks the invariants (id = family.name, texts in ru and en
with the same placeholders, a function or a matcher for every card and a card for every
function), and is the only place a Finding is built, so ids, severities and texts cannot drift.
"""

from __future__ import annotations

import importlib
import inspect
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from validator.errors import RuleCardError
from validator.lexicon import lexicons
from validator.model import Finding, Hit, Kind, Severity
from validator.subject import Subject
from validator.texts import fill, placeholders_of

RULES_DIR = Path(__file__).resolve().parent / "rules"
FAMILIES = ("variables", "length", "format", "name", "promo", "policy")
KIND = {
    "variables": Kind.VARIABLES,
    "length": Kind.LENGTH,
    "format": Kind.FORMAT,
    "name": Kind.NAME,
    "promo": Kind.PROMOTIONAL,
    "policy": Kind.POLICY,
}
LANGS = ("ru", "en")
TEXT_KEYS = ("message", "why", "fix", "notes")
CARD_KEYS = {"severity", "soft_severity", "since", "match", "after", "bad", "good", *TEXT_KEYS}
# A card with `after = "category"` runs in a second pass, once the category is decided
# (Subject.judgement); every other rule runs in the first.
STAGES = ("category",)

RuleFunction = Callable[[Subject], Iterator[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: its card (texts, severity, examples) and the code that finds it."""

    id: str
    kind: Kind
    severity: Severity
    texts: Mapping[str, Mapping[str, str]]
    bad: Mapping[str, tuple[Any, ...]]
    good: Mapping[str, tuple[Any, ...]]
    soft_severity: Severity | None = None
    match: Mapping[str, Any] | None = None
    after: str | None = None
    function: RuleFunction | None = field(default=None, compare=False)

    @property
    def family(self) -> str:
        """The part of the id before the dot."""
        return self.id.split(".", 1)[0]

    def text(self, key: str, lang: str, args: Mapping[str, Any] | None = None) -> str | None:
        """A card text (message, why, fix, notes) in a language, with its arguments filled in."""
        texts = self.texts.get(key)
        if not texts:
            return None
        return fill(texts.get(lang, texts["en"]), args or {}, lang)

    def message(self, lang: str, args: Mapping[str, Any]) -> str:
        """The finding's message in a language."""
        return self.text("message", lang, args) or self.id

    def fix_text(self, lang: str, args: Mapping[str, Any]) -> str | None:
        """The fix suggestion in a language, if the card has one."""
        return self.text("fix", lang, args)

    def hits(self, subject: Subject) -> Iterator[Hit]:
        """Run the rule's function or its generic matcher on a template."""
        if self.function is not None:
            yield from self.function(subject)
        elif self.match is not None:
            yield from _match(self.match, subject)


def _match(match: Mapping[str, Any], subject: Subject) -> Iterator[Hit]:
    """The generic word-list matcher: `match = { type = "lexicon", list = "discount" }`; with
    `skip_quoted = true`, hits that reach into a quoted name (a shop called «Корзина») do not
    count."""
    fields = match.get("fields", ("header", "body", "footer"))
    for fld in subject.text_fields():
        if fld.name not in fields:
            continue
        hits = fld.matches(match["list"])
        if match.get("skip_quoted"):
            hits = fld.unquoted(hits)
        for m in hits:
            yield Hit(fld.name, m.start, m.end, {"word": fld.text[m.start : m.end]})


def _texts(card: Mapping[str, Any], rule_id: str) -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}
    for key in TEXT_KEYS:
        value = card.get(key)
        if value is None:
            continue
        if not isinstance(value, dict) or set(value) != set(LANGS):
            raise RuleCardError(f"{rule_id}: {key} needs exactly ru and en")
        texts[key] = {lang: " ".join(str(value[lang]).split()) for lang in LANGS}
        if len({frozenset(placeholders_of(t)) for t in texts[key].values()}) != 1:
            raise RuleCardError(f"{rule_id}: {key} placeholders differ between ru and en")
    for key in ("message", "why"):
        if key not in texts:
            raise RuleCardError(f"{rule_id}: missing {key}")
    return texts


def _examples(card: Mapping[str, Any], key: str, rule_id: str) -> dict[str, tuple[Any, ...]]:
    value = card.get(key, {})
    if not isinstance(value, dict) or not all(value.get(lang) for lang in LANGS):
        raise RuleCardError(f"{rule_id}: {key} needs ru and en examples")
    return {lang: tuple(value[lang]) for lang in LANGS}


def _is_rule_function(obj: Any, module: str) -> bool:
    """A public function of the family module taking exactly one Subject."""
    if not inspect.isfunction(obj) or obj.__module__ != module or obj.__name__.startswith("_"):
        return False
    params = list(inspect.signature(obj).parameters.values())
    return len(params) == 1 and params[0].annotation in ("Subject", Subject)


def _load_family(family: str) -> list[Rule]:
    cards = tomllib.loads((RULES_DIR / f"{family}.toml").read_text(encoding="utf-8"))
    module = importlib.import_module(f"validator.rules.{family}")
    public = {name for name, obj in vars(module).items() if _is_rule_function(obj, module.__name__)}
    rules = []
    for name, card in cards.items():
        rule_id = f"{family}.{name}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise RuleCardError(f"{rule_id}: name must be lower snake case")
        if unknown := set(card) - CARD_KEYS:
            raise RuleCardError(f"{rule_id}: unknown keys {sorted(unknown)}")
        function = getattr(module, name, None) if name in public else None
        match = card.get("match")
        if (function is None) == (match is None):
            raise RuleCardError(f"{rule_id}: needs exactly one of a function or a match table")
        if match is not None and match.get("list") not in lexicons().names:
            raise RuleCardError(f"{rule_id}: unknown word list {match.get('list')!r}")
        soft = card.get("soft_severity")
        if card.get("after") not in (None, *STAGES):
            raise RuleCardError(f"{rule_id}: after must be one of {STAGES}")
        rules.append(
            Rule(
                id=rule_id,
                kind=KIND[family],
                severity=Severity(card["severity"]),
                soft_severity=Severity(soft) if soft else None,
                texts=_texts(card, rule_id),
                bad=_examples(card, "bad", rule_id),
                good=_examples(card, "good", rule_id),
                match=match,
                after=card.get("after"),
                function=function,
            )
        )
    if orphans := public - set(cards):
        raise RuleCardError(f"{family}: functions without a card: {sorted(orphans)}")
    return rules


def load_rules() -> dict[str, Rule]:
    """Load and join every card and function (done once, at import)."""
    return {rule.id: rule for family in FAMILIES for rule in _load_family(family)}


RULES: dict[str, Rule] = load_rules()


def _severity(rule: Rule, hit: Hit, mode: str) -> Severity:
    severity = rule.soft_severity if hit.soft and rule.soft_severity else rule.severity
    if mode == "meta" and rule.kind is Kind.PROMOTIONAL and severity is Severity.ERROR:
        return Severity.WARNING
    return severity


_FIELD_ORDER = {"name": 0, "header": 1, "body": 2, "footer": 3}


# A rule reports at most this many places per template: more is noise, and huge input stays fast.
MAX_HITS_PER_RULE = 50


def run(subject: Subject, after: str | None = None) -> list[Finding]:
    """The rules of one pass on a template (`after=None`: the first), sorted by field and
    position, nested repeats dropped."""
    findings: list[Finding] = []
    for rule in RULES.values():
        if rule.after != after:
            continue
        reach: dict[str, int] = {}  # per field, the furthest end of a kept hit
        hits = islice(rule.hits(subject), MAX_HITS_PER_RULE)
        for hit in sorted(hits, key=lambda h: (h.field, h.start, -h.end)):
            if hit.end <= reach.get(hit.field, -1):
                continue  # inside a hit already kept (sorted by start, so it began earlier)
            reach[hit.field] = hit.end
            findings.append(
                Finding(
                    rule.id,
                    rule.kind,
                    _severity(rule, hit, subject.mode),
                    hit.field,
                    hit.start,
                    hit.end,
                    dict(hit.args),
                    hit.replacement,
                )
            )
    findings.sort(key=finding_order)
    return findings


def finding_order(f: Finding) -> tuple[int, str, int, int, str]:
    """Findings are listed by field (name, header, body, footer, the rest) and position."""
    return (_FIELD_ORDER.get(f.field, 9), f.field, f.start, f.end, f.rule)
