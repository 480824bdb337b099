"""The reader's answers: checked field by field into `Answers`, or `AnswersError` naming the field.

Pure (stdlib only), so the CLI and the page's worker check answers the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from process.labels import label

__all__ = ["ANSWER_KEYS", "Answers", "AnswersError", "parse_answers"]

# The answers file's keys in the order the page's form writes them (its text fields, its
# yes/no boxes, the templates), so an exported file reads like the form.
ANSWER_KEYS = (
    "company",
    "bm_id",
    "manager_name",
    "manager_contact",
    "start_date",
    "contact_person",
    "phone",
    "website",
    "display_name",
    "description",
    "name_change",
    "description_change",
    "templates",
)
TEXT_KEYS = (
    "company",
    "bm_id",
    "manager_name",
    "manager_contact",
    "contact_person",
    "phone",
    "website",
    "display_name",
    "description",
)
BOOL_KEYS = ("name_change", "description_change")
MAX_TEXT = 200
# WhatsApp's business profile description holds up to 512 characters.
MAX_LONG_TEXT = {"description": 512}
# A phone number as people write it: an optional +, then digits with spaces, dashes or brackets;
# 7 to 15 digits (E.164 allows 15).
_PHONE = re.compile(r"\+?[0-9 ()\-]+")
_PHONE_DIGITS = range(7, 16)
MAX_TEMPLATES = 200
_BM_ID = re.compile(r"[0-9]{5,20}")
# A start date the schedule can plan around (every step is at most ten years long).
FIRST_START = date(2000, 1, 1)
LAST_START = date(2999, 12, 31)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class AnswersError(ValueError):
    """An answer that is not usable: the field (``bm_id``, ``templates[2].body``) and why."""

    def __init__(self, field: str, code: str, **args: Any) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code
        self.args_ = args

    def message(self, lang: str) -> str:
        """What is wrong in the reader's words, naming no file key: the field's label, or
        ``Template 3:`` for a template (the page shows it beside the field)."""
        text = label(lang, self.code, **self._args(lang))
        index = re.match(r"templates\[([0-9]+)\]", self.field)
        if index:
            text = f"{label(lang, 'tpl_unnamed', n=int(index.group(1)) + 1)}: {text}"
        return text

    def line(self, lang: str) -> str:
        """One line for an answers file, led by the file's key: ``bm_id: a Business …``."""
        return f"{self.field}: {label(lang, self.code, **self._args(lang))}"

    def _args(self, lang: str) -> dict[str, Any]:
        key = self.field.split("[")[0].split(".")[0]
        return {"label": label(lang, f"field_{key}") if key in ANSWER_KEYS else key, **self.args_}


@dataclass(frozen=True, slots=True)
class Answers:
    """The reader's answers, checked (the keys of the answers file, fixed)."""

    company: str
    start_date: date
    bm_id: str = ""
    manager_name: str = ""
    manager_contact: str = ""
    contact_person: str = ""
    phone: str = ""
    website: str = ""
    display_name: str = ""
    description: str = ""
    name_change: bool = False
    description_change: bool = False
    templates: tuple[Mapping[str, Any], ...] = ()

    def conditions(self) -> dict[str, Any]:
        """The answers the process's ``when:`` conditions read."""
        return {
            "name_change": self.name_change,
            "description_change": self.description_change,
            "start_date": self.start_date.isoformat(),
        }

    def to_json(self) -> dict[str, Any]:
        """The answers file's shape (what the page exports and the share link carries)."""
        return {
            "company": self.company,
            "bm_id": self.bm_id,
            "manager_name": self.manager_name,
            "manager_contact": self.manager_contact,
            "start_date": self.start_date.isoformat(),
            "contact_person": self.contact_person,
            "phone": self.phone,
            "website": self.website,
            "display_name": self.display_name,
            "description": self.description,
            "name_change": self.name_change,
            "description_change": self.description_change,
            "templates": [dict(t) for t in self.templates],
        }


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise AnswersError(key, "err_text")
    text = str(value).strip()
    most = MAX_LONG_TEXT.get(key, MAX_TEXT)
    if len(text) > most:
        raise AnswersError(key, "err_too_long", max=most)
    return text


def _bool(raw: Mapping[str, Any], key: str) -> bool:
    value = raw.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise AnswersError(key, "err_bool", value=_short(value))
    return value


def _start_date(raw: Mapping[str, Any], today: date) -> date:
    day = _date(raw)
    if day is None:
        return today
    if not FIRST_START <= day <= LAST_START:
        raise AnswersError(
            "start_date",
            "err_date_range",
            value=day.isoformat(),
            first=FIRST_START,
            last=LAST_START,
        )
    return day


def _date(raw: Mapping[str, Any]) -> date | None:
    value = raw.get("start_date")
    if value is None or value == "":
        return None
    if isinstance(value, date) and type(value) is date:  # YAML reads 2026-12-01 as a date
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AnswersError("start_date", "err_date", value=_short(value))


def _templates(raw: Mapping[str, Any]) -> tuple[dict[str, Any], ...]:
    value = raw.get("templates")
    if value is None:
        return ()
    if not isinstance(value, list):
        raise AnswersError("templates", "err_templates")
    if len(value) > MAX_TEMPLATES:
        raise AnswersError("templates", "err_too_many", max=MAX_TEMPLATES)
    out = []
    for index, item in enumerate(value):
        template = {"body": item} if isinstance(item, str) else item
        if not isinstance(template, Mapping):
            raise AnswersError(f"templates[{index}]", "err_template")
        body = template.get("body")
        if not isinstance(body, str):
            raise AnswersError(f"templates[{index}].body", "err_template")
        if not body.strip():
            raise AnswersError(f"templates[{index}].body", "err_template_body")
        out.append(json.loads(json.dumps(dict(template), ensure_ascii=False, default=str)))
    return tuple(out)


def parse_answers(raw: Any, *, today: date) -> Answers:
    """Check an answers object and return `Answers`; raise `AnswersError` naming the field.

    Only ``company`` is required; a missing start date means `today`, a missing yes/no
    answer means "no"; keys this version does not know are ignored.
    """
    if not isinstance(raw, Mapping):
        raise AnswersError("(answers)", "err_not_object")
    bm_id = raw.get("bm_id")
    if bm_id is not None and (isinstance(bm_id, bool) or not isinstance(bm_id, str | int)):
        raise AnswersError("bm_id", "err_bm_id", value=_short(bm_id))
    texts = {key: _text(raw, key) for key in TEXT_KEYS}
    if not texts["company"]:
        raise AnswersError("company", "err_required")
    if texts["bm_id"] and not _BM_ID.fullmatch(texts["bm_id"]):
        raise AnswersError("bm_id", "err_bm_id", value=_short(texts["bm_id"]))
    phone = texts["phone"]
    if phone and not (_PHONE.fullmatch(phone) and sum(c.isdigit() for c in phone) in _PHONE_DIGITS):
        raise AnswersError("phone", "err_phone", value=_short(phone))
    return Answers(
        start_date=_start_date(raw, today),
        name_change=_bool(raw, "name_change"),
        description_change=_bool(raw, "description_change"),
        templates=_templates(raw),
        **texts,
    )
