"""Rule patterns rewritten for speed match exactly what they matched before.

A line-anchored pattern is tried at every line start of every page, so a
pattern that rejects an ordinary line late (after trying twenty case-insensitive
words one by one, or after backtracking over a line of underscores) costs
microseconds per line. The rewrites only add what the engine can use to give up
sooner: a lookahead naming the first character of every alternative, a
possessive repeat where giving characters back can never lead to a match. The
patterns as they were are kept here, and the old and the new must find the same
matches over the test pages, the seeds and generated lines built from the
patterns' own words.
"""

from __future__ import annotations

import functools

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.engine.ruleset import compile_pattern
from clean.catalog.loader import shipped_rules
from clean.io.decode import read_and_decode
from tests.conftest import ROOT

RULES = shipped_rules()

BEFORE = {
    "chrome.view-counter": r'''(?xi)
  ^ [^\p{L}\d\n]*
  (?: (?: (?: Просмотр(?:ов|ы|ено|а)? | Прочитано | Прочтений | Прочтения | Показов | Комментари(?:ев|и|й|я)
            | Переглядів | Перегляди | Переглянуто | Прочитали | Коментарі(?:в)?
            | Қаралды | Қаралым(?:ы)? | Көрілім | Көрілді | Оқылды | Оқылым | Пікірлер | Пікір
            | Views | Viewed | Reads | Comments | Hits )
          [ \t]* [:–—-]? [ \t]* \d[\d \t.,]*[kKкКmMмМ]? (?: [ \t]* тыс\.? )?
        | \d[\d \t.,]*[kKкКmMмМ]? (?: [ \t]* тыс\.? )? [ \t]* (?: рет[ \t]+ )?
          (?: просмотр(?:ов|а)? | прочтени[йя] | views? | reads | comments? | переглядів | перегляд(?:и|у)? | коментар(?:ів|і)?
            | қаралды | қаралым | оқылды | пікір )
        | 👁\ufe0f? [ \t]* \d[\d \t.,]*[kKкКmMмМ]? )
      [ \t]* [|·•,/]? [^\p{L}\d\n]*? )+
  $''',
    "chrome.copyright": r'''(?xi)
  ^ [^\p{L}\d\n]* (?:
      (?: © | \(c\) | Copyright [ \t]* (?: © | \(c\) | \d{4} ) ) (?! [ \t]* (?-i:\p{Ll}) ) [^\n]{0,250}
    | (?: \d{4} (?: [ \t]*[–—-][ \t]*\d{4} )? [^\n]{0,80}? )?
      (?: Все[ \t]+права[ \t]+(?:защищены|сохранены|охраняются[ \t]+законом)
        | Барлық[ \t]+құқықтар[ \t]+(?:қорғалған|қорғалды) | Барлық[ \t]+құқық[ \t]+қорғалған
        | (?:Усі|Всі)[ \t]+права[ \t]+(?:захищені|застережено) | All[ \t]+rights[ \t]+reserved
        | Alle[ \t]+Rechte[ \t]+vorbehalten | Tous[ \t]+droits[ \t]+réservés | Todos[ \t]+los[ \t]+derechos[ \t]+reservados ) [ \t.!]*
    | (?: Все[ \t]+права[ \t]+защищены[ \t]*\.[ \t]* | (?:Усі|Всі)[ \t]+права[ \t]+захищені[ \t]*\.[ \t]* | All[ \t]+rights[ \t]+reserved[ \t]*\.[ \t]* )?
      (?: При[ \t]+(?:любом[ \t]+)?(?:полном[ \t]+или[ \t]+частичном[ \t]+)?(?:использовании|цитировании|перепечатке|копировании|воспроизведении)
        | (?:Любое[ \t]+)?(?:Полное[ \t]+или[ \t]+частичное[ \t]+)?(?:Использование|Перепечатка|Копирование|Воспроизведение|Цитирование)[ \t]+материалов
        | (?:При|Під[ \t]+час)[ \t]+(?:будь-якому[ \t]+)?(?:використанні|використання|передруку|цитуванні|цитування)
        | (?:Використання|Передрук|Копіювання)[ \t]+матеріалів
        | (?:Сайт[ \t]+)?Материалдар(?:ды|ын)? | Сайттағы[ \t]+материалдар
        | (?:Any[ \t]+)?(?:use|reproduction|republication|reprinting)[ \t]+of[ \t]+(?:our[ \t]+|the[ \t]+|this[ \t]+)?(?:materials|content|site) )
      [^\n]{0,250}?
      (?: ссылк | гиперссылк | посилання | гіперпосилання | сілтеме | \blink | hyperlink | запрещ | заборон | тыйым
        | permission | разрешени | дозвол | обязательн | обов.язков | міндетті | prohibited )
      [^\n]{0,150}
  ) $''',
    "noise.http-error-page": r'''(?xi)
  ^ [ \t]* (?:
      (?: HTTP/\d(?:\.\d)? [ \t]+ )? (?: Error [ \t]+ | Ошибка [ \t]+ | Помилка [ \t]+ )?
      (?: 400 [ \t]+ Bad[ \t]+Request | 401 [ \t]+ Unauthorized | 403 [ \t]+ Forbidden | 404 [ \t]+ (?: Not[ \t]+Found | File[ \t]+Not[ \t]+Found )
        | 500 [ \t]+ Internal[ \t]+Server[ \t]+Error | 502 [ \t]+ Bad[ \t]+Gateway | 503 [ \t]+ Service[ \t]+(?:Temporarily[ \t]+)?Unavailable
        | 504 [ \t]+ Gateway[ \t]+Time-?out | 404 | 500 | 502 | 503 )
    | (?: nginx | Apache | openresty | cloudflare | Microsoft-IIS | LiteSpeed ) (?: / [\d.]+ )? (?: [ \t]+ \( [^)\n]* \) )?
      (?: [ \t]+ Server [ \t]+ at [ \t]+ \S+ [ \t]+ Port [ \t]+ \d+ )?
    | The[ \t]+requested[ \t]+URL[ \t]+ \S* [ \t]* was[ \t]+not[ \t]+found[ \t]+on[ \t]+this[ \t]+server\.
    | Whoops,[ \t]+looks[ \t]+like[ \t]+something[ \t]+went[ \t]+wrong\.
    | Страница[ \t]+не[ \t]+найдена | Запрашиваемая[ \t]+страница[ \t]+не[ \t]+найдена | Сторінку[ \t]+не[ \t]+знайдено
    | Бет[ \t]+табылмады | Page[ \t]+not[ \t]+found | Internal[ \t]+Server[ \t]+Error | Service[ \t]+Unavailable
  ) [ \t.!]* $''',
    "chrome.tag-list": r'''(?xi)
  ^ [ \t]* (?: Теги | Тэги | Метки | Ключевые[ \t]+слова | Темы | Тегтер | Тегі | Кілт[ \t]+сөздер
             | Мітки | Теґи | Ключові[ \t]+слова | Теми | Tags | Tagged | Topics | Keywords )
    [ \t]* : [ \t]* (?! [^\n]* (?: [.!?…][ \t]+\p{Lu} | \p{L}{2,}[.!?…][ \t]*$ ) ) [^\n]{1,300} $
| ^ [ \t]* (?: \#[\p{L}\d_]+ [ \t,]* ){2,} $''',
    "noise.cms-error-page": r'''(?xi)
  ^ \s* (?:
      Error\ establishing\ a\ database\ connection
    | Ошибка\ установки\ соединения\ с\ базой\ данных
    | Помилка\ встановлення\ з'єднання\ з\ базою\ даних
    | There\ has\ been\ a\ critical\ error\ on\ (?:this|your)\ website\.? (?: \s* Learn\ more\ about\ troubleshooting\ WordPress\. )?
    | На\ сайте\ возникла\ критическая\ ошибка\.? (?: \s* Узнайте\ больше\ о\ решении\ проблем\ с\ WordPress\. )?
    | На\ сайті\ виникла\ критична\ помилка\.?
    | Learn\ more\ about\ troubleshooting\ WordPress\.
    | The\ website\ encountered\ an\ unexpected\ error\.\ Please\ try\ again\ later\.
    | Веб-сайт\ столкнулся\ с\ непредвиденной\ ошибкой\.\ Пожалуйста,\ попробуйте\ позже\.
    | Error\ displaying\ the\ error\ page: .*
    | Application\ Instantiation\ Error: .*
    | (?-i: (?:JLIB|JERROR|JGLOBAL|COM|MOD|PLG|TPL)_[A-Z0-9]+(?:_[A-Z0-9]+){1,} )
    | DB\ query\ error\. (?: \s* Please\ try\ later\. )?
  ) \s* $''',
    "noise.php-notice": r'''(?x)
  ^ \s* (?: <br \s* /?> \s* )* (?: \[ [^\]\n]{5,40} \] \s* )?   # <br /> before, optional log timestamp
  (?: <b> \s* )? (?: PHP \s+ )?
  (?: Notice | Warning | Deprecated | Fatal\ error | Parse\ error | Strict\ Standards
    | Catchable\ fatal\ error | Recoverable\ fatal\ error | User\ (?: Notice | Warning | Deprecated ) )
  \s* (?: </b> )? \s* : \s .*?
  \b in \s+ (?: <b> )? (?: (?: / | [A-Za-z]:\\ ) [^\n]*? \.(?:php|inc|module|phtml)\d? | Unknown ) (?: </b> )?
  (?: \s+ on \s+ line \s+ (?: <b> )? \d+ (?: </b> )? | :\d+ )
  (?: \s* <br \s* /?> )* \s* $''',
}

WORD = regex.compile(r"\p{L}[\p{L}'-]*|\d+")
PHRASE = regex.compile(r"\p{L}[\p{L}'-]*(?:[.,]? \p{L}[\p{L}'-]*)+[.,]?")  # in the pattern with SPACE made " "
SPACE = regex.compile(r"\\ |\[ \\t\][+*]")  # what the patterns write for a space
PUNCT = ["", " ", "  ", "\t", ":", ": ", " | ", " • ", "·", ",", ".", "!", " / ", "—", "-", "«", "»", "(", ")",
         "©", "(c)", "(C)", "👁", "👁\ufe0f", "<br />", "<b>", "</b>", "[", "]", "_____", "***", "#", "\\", "/",
         "12", "2024", "1 234", "5,6", "3.5k", "404", "500", " тыс.", "on line 12", " in /var/www/a.php"]


def old(rule_id: str) -> regex.Pattern:
    return regex.compile(BEFORE[rule_id], regex.MULTILINE)


def new(rule_id: str) -> regex.Pattern:
    return compile_pattern(RULES.get(rule_id)).compiled


def matches(pattern: regex.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@functools.cache
def pages() -> tuple[str, ...]:
    folders = [ROOT / "tests" / "corpus", ROOT / "tests" / "listings", ROOT / "seeds"]
    paths = [path for folder in folders for path in sorted(folder.glob("*.txt"))]
    return tuple(read_and_decode(path.read_bytes(), str(path)).view().text for path in paths)


@functools.cache
def vocabulary(rule_id: str) -> tuple[str, ...]:
    """The words and word sequences of the old pattern, as written, upper-cased, lower-cased and title-cased."""
    source = SPACE.sub(" ", BEFORE[rule_id]).replace("\\.", ".")
    words = {w for w in WORD.findall(source) + PHRASE.findall(source) if len(w) > 1 or w.isdigit()}
    return tuple(sorted({f for w in words for f in (w, w.upper(), w.lower(), w.title())}))


def near_misses(rule_id: str) -> str:
    """The rule's examples, and each word of the pattern in line shapes the rules take or almost take."""
    examples = [example.before for example in RULES.get(rule_id).examples]
    shapes = ("{}", "{}: 12", "{} 1 234", "12 {}", "© 2024 {}", "— {} —", "{}: Токаев подписал закон", "{}.",
              "  {} | 5 {}", "Notice: {} in /var/www/a.php on line 3", "{} {} все права защищены",
              "{} 5 10 {}", "{} материалов сайта ссылка обязательна", "{} of materials only with a link",
              "(c) {}", "{} права захищені", "{} 404", "{}/1.1 404", "{}_FOO_BAR",
              "{}: x() failed in /var/www/a.php on line 3", "{} Notice: x() failed in /var/www/a.php on line 3")
    return "\n".join(examples + [shape.format(w, w) for w in vocabulary(rule_id) for shape in shapes])


def test_the_old_patterns_are_the_ones_the_rules_had():
    """Each entry of BEFORE still differs from the shipped pattern (else it has nothing to prove)."""
    for rule_id, pattern in BEFORE.items():
        assert RULES.get(rule_id).pattern != pattern, rule_id


@pytest.mark.parametrize("rule_id", sorted(BEFORE))
def test_same_matches_over_the_test_pages_and_seeds(rule_id):
    before, after = old(rule_id), new(rule_id)
    for text in pages():
        assert matches(after, text) == matches(before, text)


@pytest.mark.parametrize("rule_id", sorted(BEFORE))
def test_same_matches_over_lines_made_of_the_rules_words(rule_id):
    text = near_misses(rule_id)
    found = matches(old(rule_id), text)
    assert matches(new(rule_id), text) == found
    assert found, "the near misses should include lines the rule takes"


@pytest.mark.parametrize("rule_id", sorted(BEFORE))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_same_matches_over_generated_lines(rule_id, data):
    token = st.sampled_from(vocabulary(rule_id) + tuple(PUNCT))
    line = st.lists(st.one_of(token, st.text(max_size=3)), max_size=8).map(" ".join)
    text = "\n".join(data.draw(st.lists(line, min_size=1, max_size=4)))
    assert matches(new(rule_id), text) == matches(old(rule_id), text)
