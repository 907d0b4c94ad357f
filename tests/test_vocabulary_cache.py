"""The vocabulary kept between runs (checker.vocabulary, default_vocabulary): used only when
it was made from the very same files and code, and never in the way when it is broken."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import stat
import time
from pathlib import Path

import pytest

from checker import vocabulary
from checker.config import schemas_dir


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache directory, and a copy of schemas/ to edit; the process's own
    vocabulary is loaded afresh before and after."""
    schemas = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), schemas)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(vocabulary, "schemas_dir", lambda: schemas)
    vocabulary.default_vocabulary.cache_clear()
    yield tmp_path / "cache" / "roster-check"
    vocabulary.default_vocabulary.cache_clear()


def _fresh() -> vocabulary.Vocabulary:
    vocabulary.default_vocabulary.cache_clear()
    return vocabulary.default_vocabulary()


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("vocabulary-*.pickle"))


def test_the_second_run_takes_the_vocabulary_from_the_cache(cache, monkeypatch):
    first = _fresh()
    assert len(_kept(cache)) == 1
    assert not stat.S_IMODE(_kept(cache)[0].stat().st_mode) & 0o077
    monkeypatch.setattr(vocabulary, "load_vocabulary", lambda folder=None: pytest.fail("read"))
    second = _fresh()
    assert second is not first
    assert second.words == first.words and second.rules == first.rules
    assert second.__dict__.keys() == first.__dict__.keys()
    assert second.platform("Équipe humanitaire pays") == first.platform("Équipe humanitaire pays")
    assert second.title("Cheif of Mission") == first.title("Cheif of Mission")


def test_a_changed_data_file_is_read_again(cache):
    assert _fresh().platform("Comité des bailleurs") is None
    [first] = _kept(cache)
    words = vocabulary.schemas_dir() / "vocabulary.yaml"
    text = words.read_text(encoding="utf-8")
    assert "aliases: [HCT, HCTT, EHP" in text
    words.write_text(text.replace("aliases: [HCT,", "aliases: [Comité des bailleurs, HCT,", 1),
                     encoding="utf-8")  # fmt: skip
    assert _fresh().platform("Comité des bailleurs") is not None
    assert len(_kept(cache)) == 2 and first in _kept(cache)  # maybe another install's
    os.utime(first, (time.time() - 8 * 24 * 3600,) * 2)
    words.write_text(text, encoding="utf-8")
    assert _fresh().platform("Comité des bailleurs") is None
    assert first in _kept(cache)  # read again: only a write drops old ones
    [second] = set(_kept(cache)) - {first}
    os.utime(second, (time.time() - 8 * 24 * 3600,) * 2)
    words.write_text(text + "\n", encoding="utf-8")
    _fresh()
    assert second not in _kept(cache)  # unused for a week: dropped


def test_changed_code_looks_elsewhere(cache, tmp_path, monkeypatch):
    package = tmp_path / "package"
    package.mkdir()
    for module in vocabulary._BUILT_BY:
        shutil.copy(Path(vocabulary.__file__).with_name(f"{module}.py"), package)
    monkeypatch.setattr(vocabulary, "__file__", str(package / "vocabulary.py"))
    name = vocabulary._cache_file(vocabulary.schemas_dir())
    assert name is not None
    with (package / "text.py").open("a", encoding="utf-8") as text:
        text.write("# fold differently\n")
    assert vocabulary._cache_file(vocabulary.schemas_dir()) not in (None, name)
    (package / "headers.py").unlink()
    assert vocabulary._cache_file(vocabulary.schemas_dir()) is None  # code not found: no cache


@pytest.mark.parametrize("content", [b"", b"garbage", pickle.dumps({"not": "a vocabulary"})])
def test_a_broken_cache_file_is_ignored_and_replaced(cache, content):
    expected = _fresh().words
    kept = _kept(cache)[0]
    kept.write_bytes(content)
    assert _fresh().words == expected
    assert pickle.loads(kept.read_bytes()).words == expected


def test_a_cache_file_others_may_write_is_not_loaded(cache, monkeypatch):
    _fresh()
    kept = _kept(cache)[0]
    kept.chmod(0o666)
    assert vocabulary._cached(kept) is None
    kept.chmod(0o600)
    assert vocabulary._cached(kept) is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_only_costs_time(cache):
    cache.parent.mkdir()
    cache.parent.chmod(0o500)
    try:
        assert _fresh().platform("HCT") is not None
        assert not cache.exists()
    finally:
        cache.parent.chmod(0o700)


def test_a_file_where_the_cache_directory_should_be_only_costs_time(cache):
    cache.parent.mkdir()
    cache.write_text("a file where the directory should be")
    assert _fresh().platform("HCT") is not None


def test_the_pickle_holds_classes_only_of_the_modules_in_its_name(cache):
    """A class from elsewhere could change without the cache file's name changing."""
    found: set[str] = set()

    class Recording(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            found.add(module)
            return super().find_class(module, name)

    Recording(io.BytesIO(pickle.dumps(vocabulary.load_vocabulary()))).load()
    assert found <= {f"checker.{m}" for m in vocabulary._BUILT_BY}


def test_the_message_catalogues_are_kept_between_runs_too(tmp_path, monkeypatch):
    """Every run checks each rule's messages in every language (issue 15: their parse was
    ~10 ms a run); a catalogue changed on disk is read again."""
    from checker import messages

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    original = messages.catalogue_path("fr")
    edited = tmp_path / "fr.yaml"
    shutil.copy(original, edited)
    first = messages._kept(edited)
    assert first == messages.load_file(original)
    kept = sorted((tmp_path / "cache" / "roster-check").glob("messages-fr-*.pickle"))
    assert len(kept) == 1 and not stat.S_IMODE(kept[0].stat().st_mode) & 0o077

    monkeypatch.setattr(messages, "load_file", lambda path: pytest.fail("parsed again"))
    assert messages._kept(edited) == first

    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    edited.write_text(edited.read_text("utf-8").replace("messages:", "messages:\n  X999: new", 1),
                      encoding="utf-8")  # fmt: skip
    assert messages._kept(edited)["messages"]["X999"] == "new"


def test_the_countries_are_kept_between_runs_too(tmp_path, monkeypatch):
    """Every file name is matched against schemas/countries.yaml, whose parse and checks
    cost ~10-20 ms a run (issue 15); the file changed on disk is read again, and a pickle
    holds only classes of the modules in its name."""
    from checker import config, metadata

    schemas = tmp_path / "schemas"
    schemas.mkdir()
    shutil.copy(schemas_dir() / "countries.yaml", schemas)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(config, "schemas_dir", lambda: schemas)
    metadata.countries.cache_clear()
    try:
        first = metadata.countries()
        [kept] = sorted((tmp_path / "cache" / "roster-check").glob("countries-*.pickle"))
        assert not stat.S_IMODE(kept.stat().st_mode) & 0o077
        found: set[str] = set()

        class Recording(pickle.Unpickler):
            def find_class(self, module: str, name: str) -> object:
                found.add(module)
                return super().find_class(module, name)

        Recording(io.BytesIO(kept.read_bytes())).load()
        assert found <= {"builtins", "checker.metadata"}

        monkeypatch.setattr(metadata, "_read_countries", lambda path: pytest.fail("read"))
        metadata.countries.cache_clear()
        second = metadata.countries()
        assert second is not first and second == first
        assert next(second.named_in(" rapport haiti ")) == "haiti"

        monkeypatch.undo()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        monkeypatch.setattr(config, "schemas_dir", lambda: schemas)
        table = schemas / "countries.yaml"
        table.write_text(table.read_text("utf-8").replace("en: Haiti,", "en: Hayti,", 1),
                         encoding="utf-8")  # fmt: skip
        metadata.countries.cache_clear()
        assert metadata.countries().by_name["hayti"] == "HTI"
    finally:
        metadata.countries.cache_clear()
