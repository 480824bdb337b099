"""`python -m bench.validator`: check 10,000 generated templates and compare with the floor.

The floor is what any stemming checker pays: tokenise every text once and stem every word once
with Snowball (no memo). The ratio full-check time / floor time is the figure to watch (goal
≤ 2.5). A second ratio against a memoised floor is printed too, for honesty: the checker itself
memoises stems, so repeated words cost it almost nothing.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable

import snowballstemmer

from validator import check
from validator.lexicon import _STEMS
from validator.text import script

SEED = 2026
UTILITY = {
    "ru": [
        "Здравствуйте, {{1}}! Ваш заказ {{2}} передан в службу доставки.",
        "Курьер привезёт его {{3}} с 10 до 18 часов и позвонит заранее.",
        "Платёж по счёту {{2}} на сумму {{3}} рублей получен, чек отправлен на почту.",
        "Посылка прибыла в пункт выдачи, срок хранения 7 дней.",
        "Запись к врачу перенесена, новое время указано в личном кабинете.",
        "Возврат денег оформлен, средства поступят на карту в течение 5 рабочих дней.",
        "На счёте осталось мало средств, пополните баланс, чтобы связь не отключилась.",
        "Гарантийный ремонт бесплатный, звоните по номеру 8-800-000-00-00.",
    ],
    "en": [
        "Hello {{1}}, your order {{2}} has been handed to the courier.",
        "It will arrive on {{3}} between 10 am and 6 pm; the courier will call ahead.",
        "Your payment for invoice {{2}} of {{3}} dollars was received; the receipt is emailed.",
        "Your parcel is waiting at the pickup point and will be held for 7 days.",
        "Your appointment was moved; see the new time in your account.",
        "Your refund has been issued and reaches your card within 5 business days.",
        "Your balance is low, please top up to keep the service running.",
        "Warranty service is free, call our toll-free number 1-800-000-0000.",
    ],
}
MARKETING = {
    "ru": [
        "Только сегодня скидка 20% на всю обувь!",
        "Мы подобрали для вас персональную подборку новинок.",
        "Товары в вашей корзине скоро закончатся, успейте оформить заказ.",
        "Начислили 500 бонусов, потратьте их до конца недели.",
        "Бесплатная доставка при заказе от 3000 рублей.",
        "Мы скучаем! Возвращайтесь за покупками, дарим с к и д к у.",
    ],
    "en": [
        "Today only: 20% off all shoes!",
        "We picked for you new arrivals in your size.",
        "Items in your cart are selling fast, hurry up.",
        "You earned 500 bonus points, use them this week.",
        "Free shipping on orders over 50 dollars.",
        "We miss you! Come back to us for a s@le on your favourites.",
    ],
}
AUTH = {
    "ru": "Ваш код подтверждения {{1}}. Никому не сообщайте его, код действует 10 минут.",
    "en": "Your verification code is {{1}}. Do not share it; it expires in 10 minutes.",
}
EXAMPLES = {"ru": ["Анна", "A-1024", "12 мая"], "en": ["Ann", "A-1024", "May 12"]}


def generate(count: int, seed: int = SEED) -> list[dict]:
    """Deterministic realistic templates: mixed ru/en, utility/marketing/authentication."""
    rng = random.Random(seed)
    templates = []
    for i in range(count):
        lang = rng.choice(("ru", "en"))
        kind = rng.choices(("utility", "marketing", "auth"), weights=(6, 3, 1))[0]
        if kind == "auth":
            body = AUTH[lang]
        else:
            parts = rng.sample(UTILITY[lang], k=rng.randint(2, 4))
            if kind == "marketing":
                parts.insert(rng.randint(0, len(parts)), rng.choice(MARKETING[lang]))
            body = " ".join(parts)
        templates.append(
            {
                "name": f"{kind}_{lang}_{i}",
                "language": lang,
                "body": body,
                "footer": "Сообщение отправлено автоматически"
                if lang == "ru"
                else "Sent automatically",
                "examples": EXAMPLES[lang],
            }
        )
    return templates


_WORD = re.compile(r"\w+")
_STEMMERS = {"cyr": snowballstemmer.stemmer("russian"), "lat": snowballstemmer.stemmer("english")}


def floor(texts: list[str], *, memo: bool) -> None:
    """Tokenise each text once and stem each word once (optionally memoised)."""
    cache: dict[str, str] = {}
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if memo and word in cache:
                continue
            cache[word] = _STEMMERS[script(word)].stemWord(word)


def body_of(lang: str, size: int = 1024) -> str:
    """A utility body of exactly `size` characters built from the language's sentences."""
    parts, text = UTILITY[lang], ""
    i = 0
    while len(text) < size:
        text += parts[i % len(parts)] + " "
        i += 1
    return text[:size].rstrip() + "."


def per_check_ms(template: dict, runs: int = 300) -> float:
    """Median milliseconds of one check of the same template (stems memoised, as in a page)."""
    check(template)
    times = sorted(timed(lambda: check(template)) for _ in range(runs))
    return times[len(times) // 2] * 1000


def timed(run: Callable[[], object]) -> float:
    """Wall time of one call in seconds."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    """Generate, check and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    templates = generate(args.count)
    texts = [
        " ".join(filter(None, (t.get("header"), t["body"], t.get("footer")))) for t in templates
    ]
    check({"body": "warm-up"})
    _STEMS.clear()  # start the checker's stem memo cold, as a fresh process would
    full = timed(lambda: [check(t) for t in templates])
    base = timed(lambda: floor(texts, memo=False))
    base_memo = timed(lambda: floor(texts, memo=True))
    marketing = sum(check(t).category_hint == "MARKETING" for t in templates[:1000])
    print(f"templates: {len(templates)} (seed {SEED}); marketing among the first 1000: {marketing}")
    print(f"full check: {full:.2f} s, {len(templates) / full:,.0f} templates/s")
    print(f"floor (tokenise + stem every word once): {base:.2f} s")
    print(f"ratio full/floor: {full / base:.2f} (goal <= 2.5)")
    print(f"floor with memoised stems: {base_memo:.2f} s; ratio full/that: {full / base_memo:.2f}")
    for lang in ("ru", "en"):
        one = {"body": body_of(lang), "examples": EXAMPLES[lang], "language": lang}
        print(f"1024-character {lang} check, median of 300: {per_check_ms(one):.2f} ms")


if __name__ == "__main__":
    main()
