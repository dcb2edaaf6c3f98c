"""`amend site --lang ru`: the site's interface in Russian (the plan's texts stay as the sources give them)."""

from __future__ import annotations

import re

from conftest import ROOT

from amend import Repository
from amend.outputs.site import site_pages
from amend.outputs.site_words import site_words

KAZAKH_INTERFACE = [
    "Жоспарлар",
    "Редакциялар",
    "Жүктеу",
    "редакциясы",
    "бастапқы редакция",
    "Жолдардың тарихы",
    "Мәтіні",
    "бекітілген",
    "Белгілі бір күні",
    "Салыстырмалы кесте",
    "Әлі қолданысқа енгізілмеген",
    "Бұл күні",
    "Жаңартылған",
    # the standing lines under a version's title: status, period, the acts taken into account
    "Мәртебесі",
    "Жоспар кезеңі",
    "жағдай бойынша",
    "белгілі актілер бойынша",
]


def test_the_russian_site_has_no_kazakh_interface_word_and_the_kazakh_site_is_as_before():
    ru, _ = site_pages(Repository(ROOT), "ru")
    kk, _ = site_pages(Repository(ROOT), "kk")
    pages = [k for k, v in ru.items() if isinstance(v, str)]
    assert len(pages) > 50
    for name in pages:
        page = ru[name]
        found = [w for w in KAZAKH_INTERFACE if w in page]
        assert found == [], (name, found)
        assert '<html lang="ru">' in page
    assert "<h1>Планы</h1>" in ru["index.html"] and "<h1>Жоспарлар</h1>" in kk["index.html"]
    plan = ru["748/index.html"]
    assert "Утвержден постановлением Правительства Республики Казахстан от 31 августа 2023 года № 748." in plan
    assert "редакция от 30 мая 2025 года" in plan and '"редакция от " + v.label' in plan
    assert "Обновленный" in plan and "Изменяющие акты: сравнительные таблицы" in plan
    row = ru["748/rows/6.html"]
    assert "<h1>План № 748, строка 6: история</h1>" in row
    assert re.search(r'<th scope="row">Мероприятие \[название неофициальное\]</th>', row)
    # The data stays as the sources give it: the plan's Kazakh title, its Kazakh cells in the Kazakh table.
    assert "кешенді жоспар" in plan
    assert all(w not in kk["748/index.html"] for w in ("Планы", "Редакции", "Скачать"))


def test_the_site_words_name_the_same_things_in_both_languages():
    kk, ru = site_words("kk"), site_words("ru")
    assert kk.words.keys() == ru.words.keys()
    assert all(kk[k] != ru[k] for k in kk.words)
    assert site_words("both")["plans"] == "Жоспарлар"
