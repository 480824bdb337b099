"""The checker's value types: Template, Hit, Finding and their enums (frozen, slotted
dataclasses); the Report that gathers findings is validator/report.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is: error = rejected, warning = likely recategorised or risky, info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Kind(StrEnum):
    """The family a rule belongs to, as shown to users."""

    VARIABLES = "variables"
    LENGTH = "length"
    FORMAT = "format"
    NAME = "name"
    PROMOTIONAL = "promotional"
    POLICY = "policy"


class Category(StrEnum):
    """WhatsApp template categories."""

    UTILITY = "UTILITY"
    MARKETING = "MARKETING"
    AUTHENTICATION = "AUTHENTICATION"


TEXT_FIELDS = ("header", "body", "footer")


def _text(value: Any) -> str | None:
    """Coerce a user value to text (None stays None); never raises."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return None


def _examples(value: Any) -> tuple[tuple[str, str], ...]:
    """Normalise example values to (variable, value) pairs: a list is positional from 1."""
    if isinstance(value, Mapping):
        pairs = ((_text(k), _text(v)) for k, v in value.items())
    elif isinstance(value, list | tuple):
        pairs = ((str(i), _text(v)) for i, v in enumerate(value, start=1))
    else:
        return ()
    return tuple(
        (k.strip().strip("{}").strip(), v) for k, v in pairs if k is not None and v is not None
    )


BUTTON_TYPES = ("QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE")


@dataclass(frozen=True, slots=True)
class Button:
    """One template button as given: its type (upper case; a bare label is a QUICK_REPLY), its
    label and, by type, the URL, the phone number or the example (a URL's parameter value, a
    copy-code's code)."""

    type: str
    text: str = ""
    url: str | None = None
    phone_number: str | None = None
    example: str | None = None


def _button(value: Any) -> Button:
    """One button from a label or a mapping {type, text, url, phone_number, example}."""
    if not isinstance(value, Mapping):
        text = _text(value)
        return Button("QUICK_REPLY", text if text is not None else repr(value)[:40])
    example = value.get("example")
    if isinstance(example, list | tuple):  # Meta writes a URL's example as a one-item list
        example = example[0] if example else None
    return Button(
        type=(_text(value.get("type")) or "QUICK_REPLY").strip().upper(),
        text=_text(value.get("text")) or "",
        url=_text(value.get("url")),
        phone_number=_text(value.get("phone_number")),
        example=_text(example),
    )


def _buttons(value: Any) -> tuple[Button, ...]:
    """Buttons in order (anything non-empty counts as a button)."""
    if value is None or value in ("", []):
        return ()
    if isinstance(value, list | tuple):
        return tuple(_button(b) for b in value)
    return (_button(value),)


MAX_LENGTH_DIGITS = 6  # no body holds a million characters


def _max_lengths(value: Any) -> tuple[tuple[str, int], ...]:
    """The longest value each variable may take: a mapping {variable: characters} or a list
    (positional from 1); anything that is not a whole number of at least 0 is ignored."""
    pairs = _examples(value) if isinstance(value, Mapping | list | tuple) else ()
    found = []
    for variable, text in pairs:
        digits = text.strip()
        if digits.isdigit() and len(digits) <= MAX_LENGTH_DIGITS:
            found.append((variable, int(digits)))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Template:
    """A message template as submitted: body required, everything else optional."""

    body: str
    name: str | None = None
    language: str | None = None
    category: str | None = None
    header: str | None = None
    footer: str | None = None
    examples: tuple[tuple[str, str], ...] = ()
    buttons: tuple[Button, ...] = ()
    media: str | None = None
    # The header's variable is numbered apart from the body's (its {{1}} is not the body's
    # {{1}}), so its example is given apart too, as WhatsApp asks for it.
    header_example: str | None = None
    # The longest value a body variable may take (user-set, none by default): length.py
    # counts the body with these to warn before a send could pass the limit.
    max_lengths: tuple[tuple[str, int], ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Template:
        """Build a Template from a loose mapping (CLI files, browser JSON); never raises."""
        media = data.get("media")
        return cls(
            body=_text(data.get("body")) or "",
            name=_text(data.get("name")),
            language=_text(data.get("language")),
            category=_text(data.get("category")),
            header=_text(data.get("header")),
            footer=_text(data.get("footer")),
            examples=_examples(data.get("examples")),
            buttons=_buttons(data.get("buttons")),
            media=None if media in (None, "", False) else (_text(media) or "media"),
            header_example=_text(data.get("header_example")),
            max_lengths=_max_lengths(data.get("max_lengths")),
        )

    def field_text(self, name: str) -> str | None:
        """The original text of a field by its finding name ("body", "header", "name", ...)."""
        if name in ("body", "header", "footer", "name", "language", "category", "media"):
            return getattr(self, name)
        if name == "buttons":
            return ", ".join(b.text for b in self.buttons)
        return None

    def example_for(self, variable: str) -> str | None:
        """The example value given for a variable, if any."""
        for key, value in self.examples:
            if key == variable:
                return value
        return None

    def max_length_for(self, variable: str) -> int | None:
        """The user-set longest value of a variable, if any."""
        for key, value in self.max_lengths:
            if key == variable:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a rule matched and what to say: the registry turns it into a Finding."""

    field: str
    start: int
    end: int
    args: Mapping[str, Any] = field(default_factory=dict)
    replacement: str | None = None
    soft: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found: the rule id, its severity and where (text comes from the card)."""

    rule: str
    kind: Kind
    severity: Severity
    field: str
    start: int
    end: int
    args: Mapping[str, Any] = field(default_factory=dict)
    replacement: str | None = None
