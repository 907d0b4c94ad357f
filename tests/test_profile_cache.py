"""A profile kept between runs (checker.pipeline._kept_profile): the same Policy as a fresh
load, remade when any file of its `extends` chain changes, and never in the way when the
cache file is broken (issue 15)."""

from __future__ import annotations

import pickle
from dataclasses import fields
from pathlib import Path

import pytest

from checker import pipeline, vocabulary
from checker.policy import Policy
from checker.profile import examples_dir, load_profile


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    vocabulary.default_vocabulary.cache_clear()
    yield tmp_path / "cache" / "roster-check"
    vocabulary.default_vocabulary.cache_clear()


def _same(a: Policy, b: Policy) -> bool:
    own = all(
        getattr(a, f.name) == getattr(b, f.name) for f in fields(Policy) if f.name != "vocabulary"
    )
    va = {k: v for k, v in vars(a.vocabulary).items() if k != "_memo"}
    vb = {k: v for k, v in vars(b.vocabulary).items() if k != "_memo"}
    return own and va == vb


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("profile-*.pickle"))


def _load(path: Path) -> Policy:
    return pipeline._kept_profile(path, vocabulary.default_vocabulary())


@pytest.mark.parametrize("mission", ["ETH", "KEN", "SEN"])
def test_a_kept_profile_is_the_fresh_one(cache, mission):
    path = examples_dir() / f"{mission}.yaml"
    fresh = load_profile(path, vocabulary.default_vocabulary())
    cold = _load(path)
    assert len(_kept(cache)) == 1
    warm = _load(path)
    assert warm is not cold and _same(fresh, cold) and _same(fresh, warm)
    assert warm.vocabulary is not vocabulary.default_vocabulary()  # its own copy, as fresh


def _chain(folder: Path, per_month: int) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "base.yaml").write_text(
        f"version: 1\nextends: generic\nplatforms:\n  HCT: {{expected_per_month: {per_month}}}\n",
        encoding="utf-8")  # fmt: skip
    child = folder / "ETH.yaml"
    child.write_text("version: 1\nmission: ETH\nextends: base.yaml\n", encoding="utf-8")
    return child


def test_a_changed_file_of_the_chain_is_read_again(cache, tmp_path):
    child = _chain(tmp_path / "profiles", 2)
    assert _load(child).expected_per_month["HCT"] == 2
    assert _load(child).expected_per_month["HCT"] == 2  # kept
    _chain(tmp_path / "profiles", 3)  # the parent only: the child's bytes, its cache name, stay
    assert _load(child).expected_per_month["HCT"] == 3
    child.write_text(child.read_text(encoding="utf-8") + "description: changed\n", encoding="utf-8")
    assert _load(child).description == "changed"
    (tmp_path / "profiles" / "base.yaml").unlink()
    with pytest.raises(Exception, match="no profile"):
        _load(child)


@pytest.mark.parametrize("content", [b"", b"garbage", pickle.dumps(("a", "tuple")),
                                     pickle.dumps((("0" * 64,), "not a policy"))])  # fmt: skip
def test_a_broken_cache_file_is_ignored_and_replaced(cache, content):
    path = examples_dir() / "ETH.yaml"
    fresh = _load(path)
    [kept] = _kept(cache)
    kept.write_bytes(content)
    assert _same(_load(path), fresh)
    assert isinstance(pickle.loads(kept.read_bytes())[1], Policy)


def test_wrong_digests_are_not_trusted(cache, tmp_path):
    child = _chain(tmp_path / "profiles", 2)
    policy = _load(child)
    [kept] = _kept(cache)
    kept.write_bytes(pickle.dumps((("0" * 64,) * len(policy.sources), policy)))
    kept.chmod(0o600)
    policy.expected_per_month["HCT"] = 99  # what the bad file says; it must not be read
    kept.write_bytes(pickle.dumps((("0" * 64,) * len(policy.sources), policy)))
    assert _load(child).expected_per_month["HCT"] == 2


def test_another_vocabulary_is_not_kept(cache):
    other = vocabulary.load_vocabulary()
    assert other.cache_name is None and vocabulary.default_vocabulary().cache_name is not None
    assert _same(pipeline._kept_profile(examples_dir() / "ETH.yaml", other),
                 load_profile(examples_dir() / "ETH.yaml", other))  # fmt: skip
    assert not _kept(cache)
    assert vocabulary.default_vocabulary().copy().cache_name is None
