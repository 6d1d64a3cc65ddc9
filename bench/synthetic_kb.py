"""A realistic synthetic knowledge base: distinct articles, one per product and problem.

A growing base is mostly per-product and per-site articles: "Kelvo CRM: export to Excel
fails", "Dranix ERP: export to Excel fails", "VPN at the Lviv site". Each synthetic article
is one (product, problem) pair with its own title, keywords and sample questions in ru,
uk and en, so neighbours share the problem's wording and differ by the product: the
near-duplicates a matcher must tell apart by the product name, or offer as choices when
the message names none. Each article also has held-out phrasings (other templates than
its samples) to measure accuracy on.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from gateway.knowledge.articles import LANGUAGES, Article

_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "re",
    "su",
    "ta",
    "ni",
    "vo",
    "der",
    "bran",
    "kel",
    "vix",
    "dra",
    "mon",
    "tel",
    "sar",
    "gen",
    "pol",
    "zen",
]
_KINDS = {
    "ru": ("CRM", "ERP", "портал", "склад", "касса", "бухгалтерия", "HR-система", "терминал"),
    "uk": ("CRM", "ERP", "портал", "склад", "каса", "бухгалтерія", "HR-система", "термінал"),
    "en": ("CRM", "ERP", "portal", "warehouse app", "till", "ledger", "HR system", "terminal"),
}


@dataclass(frozen=True)
class _Problem:
    key: str
    title: dict[str, str]
    samples: dict[str, tuple[str, ...]]  # templates with {p} for the product
    heldout: dict[str, tuple[str, ...]]
    keywords: dict[str, tuple[str, ...]]


def _problem(key: str, **texts: tuple[str, ...]) -> _Problem:
    return _Problem(
        key,
        {lang: texts[f"{lang}_title"][0] for lang in LANGUAGES},
        {lang: texts[f"{lang}_samples"] for lang in LANGUAGES},
        {lang: texts[f"{lang}_heldout"] for lang in LANGUAGES},
        {lang: texts[f"{lang}_keywords"] for lang in LANGUAGES},
    )


PROBLEMS = (
    _problem(
        "export",
        ru_title=("{p}: не выгружается отчет в Excel",),
        uk_title=("{p}: не вивантажується звіт в Excel",),
        en_title=("{p}: report export to Excel fails",),
        ru_samples=("{p} не выгружает отчет в эксель", "экспорт из {p} в excel падает"),
        uk_samples=("{p} не вивантажує звіт в ексель", "експорт з {p} в excel падає"),
        en_samples=("{p} won't export the report to excel", "excel export from {p} fails"),
        ru_heldout=("не могу выгрузить отчёт из {p}",),
        uk_heldout=("не можу вивантажити звіт з {p}",),
        en_heldout=("can't export my report out of {p}",),
        ru_keywords=("выгрузка", "экспорт"),
        uk_keywords=("вивантаження", "експорт"),
        en_keywords=("export",),
    ),
    _problem(
        "login",
        ru_title=("{p}: не пускает в систему",),
        uk_title=("{p}: не пускає в систему",),
        en_title=("{p}: cannot sign in",),
        ru_samples=("не могу войти в {p}", "{p} пишет неверный логин"),
        uk_samples=("не можу увійти в {p}", "{p} пише невірний логін"),
        en_samples=("can't log in to {p}", "{p} says wrong login"),
        ru_heldout=("{p} не пускает, ошибка входа",),
        uk_heldout=("{p} не пускає, помилка входу",),
        en_heldout=("{p} sign-in keeps failing",),
        ru_keywords=("вход", "логин"),
        uk_keywords=("вхід", "логін"),
        en_keywords=("sign in", "login"),
    ),
    _problem(
        "slow",
        ru_title=("{p}: медленно открываются документы",),
        uk_title=("{p}: повільно відкриваються документи",),
        en_title=("{p}: documents open slowly",),
        ru_samples=("{p} очень медленно открывает документы", "в {p} документ грузится минуту"),
        uk_samples=("{p} дуже повільно відкриває документи", "в {p} документ вантажиться хвилину"),
        en_samples=("{p} opens documents very slowly", "a document takes a minute to load in {p}"),
        ru_heldout=("документы в {p} открываются целую вечность",),
        uk_heldout=("документи в {p} відкриваються цілу вічність",),
        en_heldout=("documents in {p} take forever to open",),
        ru_keywords=("медленно", "долго грузится"),
        uk_keywords=("повільно", "довго вантажиться"),
        en_keywords=("slowly", "takes forever"),
    ),
    _problem(
        "print",
        ru_title=("{p}: не печатаются накладные",),
        uk_title=("{p}: не друкуються накладні",),
        en_title=("{p}: invoices do not print",),
        ru_samples=("из {p} не печатаются накладные", "{p} не отправляет накладную на печать"),
        uk_samples=("з {p} не друкуються накладні", "{p} не надсилає накладну на друк"),
        en_samples=("invoices won't print from {p}", "{p} doesn't send the invoice to the printer"),
        ru_heldout=("накладная из {p} не идет на печать",),
        uk_heldout=("накладна з {p} не йде на друк",),
        en_heldout=("printing an invoice from {p} does nothing",),
        ru_keywords=("накладная", "накладные"),
        uk_keywords=("накладна", "накладні"),
        en_keywords=("invoice", "invoices"),
    ),
    _problem(
        "sync",
        ru_title=("{p}: не синхронизируются данные",),
        uk_title=("{p}: не синхронізуються дані",),
        en_title=("{p}: data does not sync",),
        ru_samples=("{p} не синхронизирует данные", "в {p} старые данные, синхронизация стоит"),
        uk_samples=("{p} не синхронізує дані", "в {p} старі дані, синхронізація стоїть"),
        en_samples=("{p} is not syncing data", "{p} shows old data, sync is stuck"),
        ru_heldout=("синхронизация в {p} не проходит со вчера",),
        uk_heldout=("синхронізація в {p} не проходить з учора",),
        en_heldout=("{p} sync hasn't run since yesterday",),
        ru_keywords=("синхронизация",),
        uk_keywords=("синхронізація",),
        en_keywords=("sync", "syncing"),
    ),
    _problem(
        "attach",
        ru_title=("{p}: не прикрепляются файлы",),
        uk_title=("{p}: не прикріплюються файли",),
        en_title=("{p}: files cannot be attached",),
        ru_samples=("в {p} не прикрепляется файл", "{p} не дает загрузить вложение"),
        uk_samples=("в {p} не прикріплюється файл", "{p} не дає завантажити вкладення"),
        en_samples=("can't attach a file in {p}", "{p} won't let me upload an attachment"),
        ru_heldout=("не получается прикрепить скан в {p}",),
        uk_heldout=("не виходить прикріпити скан в {p}",),
        en_heldout=("uploading an attachment to {p} fails",),
        ru_keywords=("прикрепить", "вложение"),
        uk_keywords=("прикріпити", "вкладення"),
        en_keywords=("attach", "attachment", "upload"),
    ),
)


@dataclass(frozen=True)
class Probe:
    """A held-out phrasing and the article it is about."""

    text: str
    lang: str
    article_id: str


def product_names(count: int, rng: random.Random) -> list[dict[str, str]]:
    """Distinct made-up product names, each with its kind in every language."""
    names: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(names) < count:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if stem in seen:
            continue
        seen.add(stem)
        kind = rng.randrange(len(_KINDS["en"]))
        names.append({lang: f"{stem} {_KINDS[lang][kind]}" for lang in LANGUAGES})
    return names


def synthetic_base(
    real: list[Article], size: int, seed: int = 417
) -> tuple[list[Article], list[Probe]]:
    """The real articles plus per-product articles, `size` in all, and probes for the latter."""
    rng = random.Random(seed)
    articles = list(real[:size])
    probes: list[Probe] = []
    wanted = max(size - len(articles), 0)
    products = product_names(-(-wanted // len(PROBLEMS)), rng)
    for product in products:
        for problem in PROBLEMS:
            if len(articles) >= size:
                break
            article_id = f"{problem.key}_{product['en'].split()[0].lower()}"
            articles.append(_article(article_id, problem, product))
            for lang in LANGUAGES:
                for template in problem.heldout[lang]:
                    probes.append(Probe(template.format(p=product[lang]), lang, article_id))
    return articles, probes


def _article(article_id: str, problem: _Problem, product: dict[str, str]) -> Article:
    def fill(texts: tuple[str, ...], lang: str) -> tuple[str, ...]:
        return tuple(t.format(p=product[lang]) for t in texts)

    return Article(
        id=article_id,
        group="software",
        kind="faq",
        answer_type="steps",
        link=None,
        title={lang: problem.title[lang].format(p=product[lang]) for lang in LANGUAGES},
        answer={lang: f"1. {product[lang]}" for lang in LANGUAGES},
        questions={lang: fill(problem.samples[lang], lang) for lang in LANGUAGES},
        keywords={
            lang: (*problem.keywords[lang], product[lang].split()[0].lower()) for lang in LANGUAGES
        },
    )
