"""The validator's one exception family (user text never raises: it yields findings)."""

from __future__ import annotations

from typing import ClassVar


class ValidatorError(Exception):
    """Base class of every error the validator raises on purpose."""


class RuleCardError(ValidatorError):
    """A rule card is malformed or does not match its function (a bug in the package)."""


class SourceError(ValidatorError):
    """An input file cannot be read; carries a message key and its arguments for ru/en text."""

    MESSAGES: ClassVar[dict[str, dict[str, str]]] = {
        "not_found": {"ru": "файл не найден: {path}", "en": "file not found: {path}"},
        "unreadable": {
            "ru": "не удаётся прочитать {path}: {reason}",
            "en": "cannot read {path}: {reason}",
        },
        "extension": {
            "ru": "{path}: неизвестный тип файла (нужен .txt, .yaml, .yml, .json или .csv)",
            "en": "{path}: unknown file type (use .txt, .yaml, .yml, .json or .csv)",
        },
        "syntax": {
            "ru": "{path}: ошибка разбора: {reason}",
            "en": "{path}: cannot parse: {reason}",
        },
        "shape": {
            "ru": "{path}: нужен список шаблонов или словарь с ключом templates",
            "en": "{path}: expected a list of templates or a mapping with a templates key",
        },
        "item": {
            "ru": "{path}: шаблон №{index} — не словарь с ключом body",
            "en": "{path}: template #{index} is not a mapping with a body key",
        },
        "csv_body": {
            "ru": "{path}: в заголовке CSV нет столбца body",
            "en": "{path}: the CSV header has no body column",
        },
        "no_yaml": {
            "ru": "{path}: чтение YAML недоступно (нет PyYAML); сохраните файл как .json или .csv",
            "en": "{path}: YAML is not available (no PyYAML); save the file as .json or .csv",
        },
        "request": {"ru": "неверный запрос: {reason}", "en": "invalid request: {reason}"},
    }

    def __init__(self, key: str, **args: object) -> None:
        """Remember the message key and its arguments."""
        super().__init__(key)
        self.key = key
        self.args_map = args

    def message(self, lang: str = "en") -> str:
        """The one-line message in a language."""
        texts = self.MESSAGES[self.key]
        text = texts.get(lang, texts["en"]).format_map(self.args_map)
        return " ".join(text.split())
