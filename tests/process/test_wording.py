"""Duration phrases agree with the number in both languages."""

import pytest

from process.labels import label
from process.model import Duration, Unit
from process.wording import days_range, duration_text, up_to_days
from validator.texts import category_name


@pytest.mark.parametrize(
    ("n", "ru", "en"),
    [
        (1, "до 1 дня", "up to 1 day"),
        (3, "до 3 дней", "up to 3 days"),
        (7, "до 7 дней", "up to 7 days"),
        (11, "до 11 дней", "up to 11 days"),
        (21, "до 21 дня", "up to 21 days"),
        (111, "до 111 дней", "up to 111 days"),
    ],
)
def test_up_to_days(n: int, ru: str, en: str) -> None:
    assert up_to_days(n, "ru") == ru
    assert up_to_days(n, "en") == en


def test_days_range() -> None:
    assert days_range(1, 3, "ru") == "от 1 до 3 дней"
    assert days_range(1, 3, "en") == "1 to 3 days"
    assert days_range(2, 21, "ru") == "от 2 до 21 дня"


def test_equal_bounds_read_as_upper_bound() -> None:
    assert days_range(5, 5, "ru") == "до 5 дней"


@pytest.mark.parametrize(
    ("key", "n", "ru", "en"),
    [
        ("tpl_errors", 1, "1 ошибка", "1 error"),
        ("tpl_errors", 3, "3 ошибки", "3 errors"),
        ("tpl_warnings", 12, "12 предупреждений", "12 warnings"),
        ("tpl_warnings", 22, "22 предупреждения", "22 warnings"),
    ],
)
def test_counted_labels_agree_with_their_number(key: str, n: int, ru: str, en: str) -> None:
    assert label("ru", key, n=n) == ru
    assert label("en", key, n=n) == en


def test_working_day_phrases_agree() -> None:
    assert duration_text(Duration(0, 21, Unit.WORKING_DAYS), "ru") == "до 21 рабочего дня"
    assert duration_text(Duration(0, 1, Unit.WORKING_DAYS), "ru") == "в течение рабочего дня"


def test_categories_take_metas_names_in_the_language() -> None:
    assert [category_name(c, "ru") for c in ("UTILITY", "MARKETING", "AUTHENTICATION")] == [
        "Служебный",
        "Маркетинг",
        "Аутентификация",
    ]
    assert category_name("MARKETING", "en") == "Marketing"
    assert category_name("SOMETHING_NEW", "ru") == "SOMETHING_NEW"
