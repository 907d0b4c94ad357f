"""The pages' words (messages/{en,fr,es,pt}.yaml beside this file) and the Jinja2 environment
that renders them, with every value escaped."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from checker.messages import DEFAULT_LANGUAGE, LANGUAGES, Catalogue, catalogue
from checker.plurals import choose, expand

HERE = Path(__file__).parent


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class PageText:
    """The words of the pages in one language; a key missing from a translation is English."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._own = _load(self.lang)
        self._english = _load(DEFAULT_LANGUAGE)
        self.checker: Catalogue = catalogue(self.lang)  # verdicts, statuses, severities…

    def __call__(self, key: str, **values: Any) -> str:
        entry = self._own.get(key) or self._english.get(key) or key
        template = expand(str(choose(entry, self.lang, values.get("n", 0))), self.lang, values)
        return template.format_map(_Blank(values)) if values else template

    def name(self, kind: str, code: str | None) -> str:
        return self.checker.name(kind, code, default=code or "")

    def reading(self, kind: str, code: str | None) -> str:
        """How a sheet or table was read, in words: a layout ("attendance list"), a sheet's
        status or the reason it was not read, an affiliation reading; the code when none."""
        if not code:
            return "—"
        phrases = self.checker.section("phrases")
        for key in (f"layout_{code}", f"sheet_{code}"):
            if kind != "affiliation" and key in phrases:
                return self.checker.phrase(key)
        own = f"reading_{kind}_{code}"
        return self(own) if own in self._english else code

    def rate(self, rate: float | None) -> str:
        """ "44.4%", "44,4 %"; "100%" and "0%" without a decimal; "—" for no rate."""
        if rate is None:
            return "—"
        value = f"{rate * 100:.0f}" if rate in (0, 1) else f"{rate * 100:.1f}"
        mark = self.checker.text("report", "decimal_mark")
        return self.checker.text("report", "percent", value=value.replace(".", mark))


@cache
def _load(lang: str) -> dict[str, Any]:
    import yaml

    from checker.config import SafeLoader

    path = HERE / "messages" / f"{lang}.yaml"
    if not path.exists():  # a language with findings but no pages of its own yet (pt): English
        return {}
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=SafeLoader)  # safe
    return data if isinstance(data, dict) else {}


def when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        extensions=["jinja2.ext.do"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["LANGUAGES"] = LANGUAGES
    env.filters["when"] = when
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


__all__ = ["PageText", "environment", "render"]
