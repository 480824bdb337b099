"""Property tests of the bounded loader: any nesting, size and alias fan-out either loads as
plain YAML/JSON would or is refused with the right key, never anything else."""

from __future__ import annotations

import json

import pytest
from hostile_inputs import bounded
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.loader import MAX_DEPTH, MAX_NODES, LoadError, check_size, load_json, load_yaml

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Printable text: PyYAML reads neither control characters nor JSON's surrogate-pair escapes.
WORDS = st.text(st.characters(categories=["L", "N", "P", "Zs"]), max_size=8)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30), WORDS)


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 1


def _nest(depth: int, leaf: object) -> object:
    for _ in range(depth):
        leaf = [leaf]
    return leaf


@FAST
@given(st.integers(0, 80), SCALARS, st.sampled_from(["t.json", "t.yaml"]))
def test_nesting_loads_up_to_the_limit_and_is_refused_beyond(
    depth: int, leaf: object, name: str
) -> None:
    data = {"templates": _nest(depth, leaf)}
    text = json.dumps(data, ensure_ascii=False)  # YAML reads JSON too
    load = load_json if name.endswith(".json") else load_yaml
    if _depth(data) <= MAX_DEPTH:
        assert load(text, name) == data
    else:
        with pytest.raises(LoadError) as caught:
            load(text, name)
        assert caught.value.key == "too_deep"


@FAST
@given(
    st.recursive(
        SCALARS,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WORDS, inner, max_size=3),
        max_leaves=30,
    )
)
def test_any_shallow_document_reads_back_unchanged(data: object) -> None:
    text = json.dumps(data, ensure_ascii=False)
    assert load_json(text, "t.json") == data
    assert load_yaml(text, "t.yaml") == data


@FAST
@given(st.text(max_size=60), st.integers(0, 200))
def test_the_size_limit_counts_utf8_bytes(text: str, limit: int) -> None:
    too_big = len(text.encode("utf-8", "replace")) > limit
    if too_big:
        with pytest.raises(LoadError) as caught:
            check_size(text, "t.txt", limit)
        assert caught.value.key == "too_big"
    else:
        check_size(text, "t.txt", limit)


@FAST
@given(st.integers(1, 12), st.integers(1, 12))
def test_aliases_load_until_their_expansion_passes_the_limit(levels: int, width: int) -> None:
    """Anchor i lists `width` aliases of anchor i-1: the last one expands to about width**levels."""
    lines = ["a0: &a0 x"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    # the document, its keys, and every value under each anchor
    expanded = 1 + levels + sum(sum(width**k for k in range(i + 1)) for i in range(levels))
    text = "\n".join(lines) + "\n"
    with bounded():
        if expanded <= MAX_NODES:
            data = load_yaml(text, "t.yaml")
            assert len(data) == levels
        else:
            with pytest.raises(LoadError) as caught:
                load_yaml(text, "t.yaml")
            assert caught.value.key == "too_many"


@FAST
@given(st.integers(1, 6))
def test_a_recursive_alias_at_any_depth_is_refused(depth: int) -> None:
    text = "a: &r " + "[" * depth + "*r" + "]" * depth + "\n"
    with pytest.raises(LoadError) as caught:
        load_yaml(text, "t.yaml")
    assert (caught.value.key, caught.value.line) == ("recursive", 1)
