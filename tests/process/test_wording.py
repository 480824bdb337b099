"""Duration phrases agree with the number in both languages."""

import pytest

from process.wording import days_range, up_to_days


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
