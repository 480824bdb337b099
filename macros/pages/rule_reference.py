"""The rule reference page, generated from the validator's rule registry (pure, no MkDocs).

Each rule: a heading in words (its anchor `family-name` is the one the checker links to),
importance, what it catches, why it is rejected, how to fix it, the judgement calls, a failing
and a fixed example, and, folded away for developers, its id and word list. The examples are
the very ones the tests run (tests/validator/test_rule_examples.py); a rule id named in a card's
text becomes a link to that rule's heading.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from validator import RULES
from validator.lexicon import DATA, LANGUAGES
from validator.registry import FAMILIES, Rule
from validator.sources import FIELDS
from validator.texts import blank_arguments

FAMILY_TITLES = {
    "variables": {"ru": "Переменные", "en": "Variables"},
    "length": {"ru": "Длина", "en": "Length"},
    "format": {"ru": "Формат", "en": "Format"},
    "name": {"ru": "Имя шаблона", "en": "Template name"},
    "promo": {"ru": "Реклама", "en": "Promotional content"},
    "policy": {"ru": "Политика WhatsApp", "en": "WhatsApp policy"},
}
LABELS = {
    "ru": {
        "severity": "Важность",
        "error": "ошибка — шаблон отклонят",
        "warning": "предупреждение — риск отказа или смены категории",
        "info": "совет",
        "soft": "в случаях, описанных в «Спорных случаях», — предупреждение",
        "catches": "Что находит",
        "why": "Почему отклоняют",
        "fix": "Как исправить",
        "notes": "Спорные случаи",
        "bad": "Не пройдёт",
        "good": "Исправлено",
        "developers": "Для разработчиков",
        "id": "Код правила",
        "list": "список слов",
        "contents": "Правила",
    },
    "en": {
        "severity": "Importance",
        "error": "error — the template is rejected",
        "warning": "warning — risk of rejection or recategorisation",
        "info": "advice",
        "soft": "a warning in the cases under Judgement calls",
        "catches": "What it catches",
        "why": "Why it is rejected",
        "fix": "How to fix",
        "notes": "Judgement calls",
        "bad": "Fails",
        "good": "Fixed",
        "developers": "For developers",
        "id": "Rule id",
        "list": "word list",
        "contents": "Rules",
    },
}
_RULE_ID = re.compile(
    "(" + "|".join(re.escape(r) for r in sorted(RULES, key=len, reverse=True)) + r")(?!\w)"
)
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")


def anchor(rule_id: str) -> str:
    """The heading id of a rule: `variables.adjacent` → `variables-adjacent`."""
    return rule_id.replace(".", "-")


def _escape(text: str) -> str:
    """Card text as literal Markdown (WhatsApp's own *bold* markers must not format the page)."""
    return _MARKDOWN.sub(r"\\\1", text)


def _list_dirs(rule: Rule) -> list[str]:
    """The data folders (ru, en, common) that hold the rule's word list."""
    name = f"{rule.match['list']}.txt" if rule.match else ""
    return [where for where in LANGUAGES if (DATA / where / name).is_file()]


def _example_text(example: Any) -> str:
    if isinstance(example, list):  # a batch (validator/batch.py): its templates one by one
        return "\n\n".join(_example_text(template) for template in example)
    if not isinstance(example, Mapping):
        return str(example)
    if set(example) == {"body"}:
        return str(example["body"])
    lines = []
    for key in FIELDS:
        if key in example:
            value = example[key]
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            lines.append(f"{key}: {shown}")
    return "\n".join(lines)


def _code_block(text: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}text\n{text}\n{fence}"


def _prose(text: str, lang: str) -> str:
    """Card text as Markdown, each rule id it names turned into a link to that rule's heading."""
    parts = _RULE_ID.split(text)
    return "".join(
        f"[{_escape(heading(RULES[part], lang))}](#{anchor(part)})" if i % 2 else _escape(part)
        for i, part in enumerate(parts)
    )


def heading(rule: Rule, lang: str) -> str:
    """A rule's name in words: its message up to the first colon, arguments blanked."""
    return blank_arguments(rule.texts["message"][lang]).split(": ", 1)[0].rstrip(".")


def _developer_block(rule: Rule, lang: str) -> list[str]:
    """The rule's id and word-list files, folded away (the checker's JSON and CLI show the id)."""
    labels = LABELS[lang]
    text = f"{labels['id']}: `{rule.id}`."
    if rule.match is not None:
        paths = [f"`validator/data/{where}/{rule.match['list']}.txt`" for where in _list_dirs(rule)]
        text += f" {labels['list'].capitalize()}: {', '.join(paths)}."
    return [f'??? note "{labels["developers"]}"', f"    {text}", ""]


def _rule_section(rule: Rule, lang: str) -> list[str]:
    labels = LABELS[lang]
    severity = labels[str(rule.severity)]
    if rule.soft_severity is not None:
        severity += f" ({labels['soft']})"
    title = heading(rule, lang)
    catches = blank_arguments(rule.texts["message"][lang])
    lines = [f"### {_escape(title)} {{ #{anchor(rule.id)} }}", ""]
    lines += [f"**{labels['severity']}:** {severity}", ""]
    if catches.rstrip(".") != title:
        lines += [f"**{labels['catches']}.** {_escape(catches)}", ""]
    for key in ("why", "fix", "notes"):
        if key in rule.texts:
            lines += [f"**{labels[key]}.** {_prose(rule.texts[key][lang], lang)}", ""]
    lines += [f"**{labels['bad']}:**", "", _code_block(_example_text(rule.bad[lang][0])), ""]
    lines += [f"**{labels['good']}:**", "", _code_block(_example_text(rule.good[lang][0])), ""]
    return lines + _developer_block(rule, lang)


def render_rule_reference(lang: str) -> str:
    """Markdown for the rule reference page in one language ("ru" or "en")."""
    lang = lang if lang in LABELS else "ru"
    lines: list[str] = []
    for family in FAMILIES:
        rules = [rule for rule in RULES.values() if rule.family == family]
        lines += [f"## {FAMILY_TITLES[family][lang]} {{ #{family} }}", ""]
        lines += [f"- [{_escape(heading(r, lang))}](#{anchor(r.id)})" for r in rules] + [""]
        for rule in rules:
            lines += _rule_section(rule, lang)
    return "\n".join(lines).rstrip() + "\n"
