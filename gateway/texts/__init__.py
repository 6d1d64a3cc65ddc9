"""Every text the bot shows to users, one YAML catalog per language (ru, uk, en).

Code refers to texts by key only; `Texts.get` formats the placeholders. A key missing in
one language falls back to the default language, so a half-translated catalog never
breaks a conversation (the tests keep the three catalogs complete anyway).

A top-level mapping is a section of texts for a screen rather than for the bot (the
operator console's labels are `console:`); `Texts.section` hands it out whole.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gateway.yaml_files import safe_load

LANGUAGES: tuple[str, ...] = ("ru", "uk", "en")
DEFAULT_LANGUAGE = "ru"
CATALOG_DIR = Path(__file__).resolve().parent

Catalog = Mapping[str, str | list[str]]
Section = Mapping[str, str]


class Texts:
    """Typed access to the per-language catalogs: plain strings and plural forms."""

    def __init__(
        self,
        catalogs: Mapping[str, Catalog],
        default: str = DEFAULT_LANGUAGE,
        sections: Mapping[str, Mapping[str, Section]] | None = None,
    ) -> None:
        if default not in catalogs:
            raise ValueError(f"no catalog for the default language {default!r}")
        self._catalogs = catalogs
        self._sections = sections or {}
        self.default = default

    @classmethod
    def load(cls, directory: Path = CATALOG_DIR, default: str = DEFAULT_LANGUAGE) -> Texts:
        """Read `<lang>.yaml` for every supported language; `default` serves a conversation
        with no language (the deployment's `default_language`)."""
        catalogs: dict[str, Catalog] = {}
        sections: dict[str, dict[str, Section]] = {}
        for lang in LANGUAGES:
            path = directory / f"{lang}.yaml"
            data: Any = safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError(f"{path}: expected a mapping of text keys")
            catalogs[lang] = {k: v for k, v in data.items() if not isinstance(v, dict)}
            for name, texts in data.items():
                if isinstance(texts, dict):
                    sections.setdefault(name, {})[lang] = {str(k): str(v) for k, v in texts.items()}
        return cls(catalogs, default, sections=sections)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._catalogs)

    def language(self, lang: str | None) -> str:
        """The catalog that serves `lang` (the default one for unknown languages)."""
        return lang if lang is not None and lang in self._catalogs else self.default

    def get(self, lang: str | None, key: str, **fmt: Any) -> str:
        """The text `key` in `lang`, with `{placeholders}` filled from `fmt`."""
        value = self._raw(lang, key)
        if not isinstance(value, str):
            raise KeyError(f"text {key!r} is a list of forms, use plural()")
        return value.format(**fmt) if fmt else value

    def plural(self, lang: str | None, key: str, count: int) -> str:
        """`count` with the right noun form; catalogs hold [one, few, many] forms."""
        forms = self._raw(lang, key)
        if isinstance(forms, str) or len(forms) != 3:
            raise KeyError(f"text {key!r} must list three plural forms")
        return f"{count} {forms[_plural_index(self.language(lang), count)]}"

    def section(self, name: str, lang: str | None) -> dict[str, str]:
        """A screen's texts in `lang`, completed from the default language."""
        per_language = self._sections.get(name, {})
        merged = dict(per_language.get(self.default, {}))
        merged.update(per_language.get(self.language(lang), {}))
        return merged

    def section_keys(self, name: str, lang: str) -> frozenset[str]:
        return frozenset(self._sections.get(name, {}).get(lang, {}))

    def keys(self, lang: str) -> frozenset[str]:
        return frozenset(self._catalogs[lang])

    def placeholders(self, lang: str, key: str) -> frozenset[str]:
        """Names of the `{placeholders}` a text expects (empty for plural forms)."""
        value = self._catalogs[lang][key]
        if not isinstance(value, str):
            return frozenset()
        return frozenset(name for _, name, _, _ in string.Formatter().parse(value) if name)

    def _raw(self, lang: str | None, key: str) -> str | list[str]:
        catalog = self._catalogs[self.language(lang)]
        if key in catalog:
            return catalog[key]
        if key in self._catalogs[self.default]:
            return self._catalogs[self.default][key]
        raise KeyError(f"no text {key!r}")


def _plural_index(lang: str, n: int) -> int:
    """CLDR cardinal rules: ru/uk one-few-many, en one-other (stored as few=many)."""
    if lang == "en":
        return 0 if n == 1 else 2
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Texts"]
