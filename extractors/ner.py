"""General-domain names: persons, places and organisations that the political extractors miss.

The specific extractors (person/place/organization) are precise on local political news
because they read names next to titles, adcode divisions and institution suffixes. General
news (People's Daily) names foreign leaders, athletes, countries, rivers, teams and companies
with none of those cues. This component fills that gap *after* them and only where nothing
else has been found: every span it proposes is dropped when it overlaps an existing mention
of any type (its ``ner`` rows in ``extractors/data/precedence.tsv``), so it can add recall but never
change a political decision.

Each sentence is segmented once with the project tokenizer (jieba with HMM, ~5x faster than
``jieba.posseg``); a word's dictionary tag is then an O(1) look-up (``word_tag``). The cues,
all driven by data files in ``extractors/data`` (``ner_*``):

* PER — a token jieba's dictionary tags ``nr``/``nrfg``/``nrt`` (邓小平, 克林顿), an unknown
  2–3 character token starting with a known surname (张敬涛), a surname token followed by
  a one/two-character unknown remainder (李 + 铁辰), transliterated names joined by ``·``
  (卡洛斯·阿马特), and names in ``／`` pairs (何泰权／姜京珍);
  plus: a surname + one-character token completed by a following character (张洁 + 清), a
  run of transliteration tokens (斯特罗 + 耶夫), a bare surname before a title (汤局长), and the
  founder at the start of a Theory mention (邓小平理论 → 邓小平, nested in the theory), a surname
  after 老 (老于) or fused to the word before a title (当汤 + 局长); a transliterated name jieba
  cut short is extended over the transliteration syllables beside it (托 + 卡耶夫, 马克 + 龙), and
  a common word with a noun head that jieba tags nr is no name (安全观, 宣传周, 伊朗核);
* LOC — by form (``_place_grammar``): a name word ending in a place suffix (白湖乡, 恰帕斯州), a
  name-like token before a division token (塔科马 + 市), a listed place fused with a word about it
  (东北地区 → 东北, 法国人 → 法国); and by list: a token that is a country, region, foreign city or geographic feature from
  ``ner_places.txt`` (a list, not jieba's noisy ``ns`` tag, which includes 城市 and 哥哥), a
  token made only of country abbreviations (中美 → 中, 美), an abbreviation before a head
  word (俄总统, 中方), an abbreviation after a verb of movement (访华, 访韩, 在京), inside a
  listed word ([京]剧, [美]军, ``ner_abbrev_words.txt``) or in a 、 list (中、阿);
* ORG — a name from ``ner_orgs.txt`` (欧盟, 北大, 内阁), a token jieba tags ``nt`` (新华社,
  联合国) unless listed in ``ner_org_stop.txt``,
  and names ending in an organisation suffix from ``ner_org_suffixes.txt`` (…代表团, …协会,
  …队), whose left boundary is read over jieba tokens that may be part of a name, and
  institutions named by their place (巴西 + 足球队, 美国 + 财政部长 → 美国财政部): a place, up to
  three nominal tokens and an institution head (``ner/words.tsv``: ``org_place_*``).
"""
from __future__ import annotations

import math
import re
from itertools import accumulate, compress
from functools import lru_cache, cache

from extractors.base import Doc
from extractors.gazetteer import divisions
from extractors.lexicon import Lexicons, trim_lead, FUNCTION_CHARS as _FUNCTION_CHARS
from extractors.person import full_name_for, surnames
from extractors.lexicon import cut, is_dictionary_word, word_frequencies, word_tag, word_tag_table
from extractors.model import Mention
from extractors.prefilter import starts_before

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_NAME_TAGS = ("nr", "nrfg", "nrt")
# on equal length a listed place or organisation beats a person reading (莫斯科 is nr in jieba)
_PRIORITY = {"Place": 0, "Organization": 1, "Person": 2}


@cache
def listed_places(lex: Lexicons) -> frozenset[str]:
    """Countries, regions, foreign cities and features (``ner_places.txt``)."""
    return frozenset(w for line in lex.read_list("ner_places.txt") for w in line.split())


@cache
def _place_not_before(lex: Lexicons) -> dict[str, tuple[str, ...]]:
    """Words after a place name that make it part of another name (places_extra.tsv: 中国 + 共产党, 特色)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in lex.read_tsv("places_extra.tsv"):
        words = tuple(w for w in (row.get("not_before") or "").split("|") if w)
        for name in (row["label"], *(a for a in (row.get("aliases") or "").split("|") if a)):
            out[name] = words
    return out


@cache
def country_abbreviations(lex: Lexicons) -> dict[str, str]:
    """Single-character country abbreviations → the country (``ner_abbrev.tsv``)."""
    return {r["abbrev"]: r["place"] for r in lex.read_tsv("ner_abbrev.tsv")}


@cache
def _abbrev_all(lex: Lexicons) -> dict[str, str]:
    """Country abbreviations plus Chinese regional ones (``ner_abbrev_cn.tsv``: 京, 藏, 川)."""
    return {**{r["abbrev"]: r["place"] for r in lex.read_tsv("ner_abbrev_cn.tsv")}, **country_abbreviations(lex)}


@cache
def _abbrev_words(lex: Lexicons) -> dict[str, tuple[tuple[int, str], ...]]:
    """Words with bracketed abbreviations (``ner_abbrev_words.txt``): 京剧 → ((0, '北京'),)."""
    out = {}
    for item in _words(lex, "ner_abbrev_words.txt"):
        word, marks, pos = "", [], 0
        for part in re.findall(r"\[[^\]]+\]|[^\[\]]+", item):
            if part.startswith("["):
                marks += [(pos + k, _abbrev_all(lex)[c]) for k, c in enumerate(part[1:-1])]
                part = part[1:-1]
            word += part
            pos += len(part)
        out[word] = tuple(marks)
    return out


@cache
def _orgs_known(lex: Lexicons) -> frozenset[str]:
    """Organisations named without a suffix (``ner_orgs.txt``: 欧盟, 北大, 内阁)."""
    return _words(lex, "ner_orgs.txt")


@cache
def _words(lex: Lexicons, name: str) -> frozenset[str]:
    """The space/line separated words of a small list file."""
    return frozenset(w for line in lex.read_list(name) for w in line.split())


@cache
def _org_suffixes(lex: Lexicons) -> tuple[str, ...]:
    """Organisation suffix words, longest first (代表团 before 团)."""
    return tuple(sorted(_words(lex, "ner_org_suffixes.txt"), key=lambda w: (-len(w), w)))


@cache
def _person_next(lex: Lexicons) -> frozenset[str]:
    """Words after which a one-character abbreviation is a surname, not a country (陈 + 先生)."""
    return _words(lex, "ner_honorifics.txt") | _words(lex, "ner_person_before.txt")


@cache
def _org_suffix_set(lex: Lexicons) -> frozenset[str]:
    return frozenset(_org_suffixes(lex))


@lru_cache(maxsize=1 << 16)  # a pure function of the word; tokens repeat across sentences
def _org_suffix(w: str, lex: Lexicons) -> str:
    """The organisation suffix ``w`` is or ends with (日报社; 古巴队), '' when none or when what
    precedes it is an ordinary word (传媒 + 集团 is a description)."""
    suffix_set = _org_suffix_set(lex)
    suf = w if w in suffix_set else next((x for x in _endings(w, suffix_set) if (
        len(x) >= 2 and not word_tag(w) or w[:-len(x)] in listed_places(lex) and x not in _words(lex, "ner_org_heads_generic.txt"))), "")
    if not suf or (len(w) > len(suf) and is_dictionary_word(w[:-len(suf)]) and w[:-len(suf)] not in listed_places(lex)):
        return ""
    return suf


@cache
def _place_org_words(lex: Lexicons) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]:
    """The word lists of the place-headed institution rule, read once per lexicon set."""
    rs = lex.ruleset("ner")
    heads = tuple(h for h in _org_suffixes(lex) if len(h) >= 2 and h not in _words(lex, "ner_org_heads_generic.txt"))
    breakers = _words(lex, "ner_person_before.txt") | frozenset(rs.words("org_place_breakers"))
    return (heads, rs.words("org_place_head_chars"), rs.words("org_place_not_heads"), breakers,
            frozenset(rs.words("org_place_mid_tags")))


def _endings(w: str, words: frozenset[str], min_len: int = 1) -> list[str]:
    """The words of ``words`` that ``w`` ends with, longest first (a hash lookup per length, not a scan)."""
    return [w[-k:] for k in range(len(w), min_len - 1, -1) if w[-k:] in words]


@cache
def translit_chars(lex: Lexicons) -> frozenset[str]:
    """Characters used to transliterate foreign names (``ner_translit_chars.txt``)."""
    return frozenset("".join(lex.read_list("ner_translit_chars.txt")).replace(" ", ""))


@cache
def _weak_first(lex: Lexicons) -> frozenset[str]:
    """Surname characters that, at the start of an unknown word, are mostly function words."""
    return _words(lex, "ner_weak_surnames.txt")


@cache
def _bad_last(lex: Lexicons) -> frozenset[str]:
    """Characters that end words but rarely given names (…性, …赛, …镇, …说)."""
    return frozenset("".join(_words(lex, "ner_name_bad_last.txt")))


def _in_name_list(toks: list[tuple[int, int, str]], i: int, lex: Lexicons) -> bool:
    """Whether token ``i`` sits in a 、／ list next to a three-character surname-initial word."""
    for j in (i - 2, i + 2):
        if 0 <= j < len(toks) and toks[(i + j) // 2][2] in ("、", "／", "/") and len(toks[j][2]) == 3 \
                and _surname_len(toks[j][2], lex):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def _surname_len(s: str, lex: Lexicons) -> int:
    single, double = surnames(lex)
    if s[:2] in double and len(s) > 2:
        return 2
    return 1 if s[:1] in single else 0


def _tokens(text: str, start: int, end: int, lex: Lexicons) -> tuple[list[tuple[int, int, str]], list[str]]:
    """(start, end, word) of each jieba token of ``text[start:end]``, and the words."""
    words = cut(text[start:end], lex)
    ends = list(accumulate(map(len, words), initial=start))
    return list(zip(ends, ends[1:], words)), words


_MEMO_MAX = 200_000  # distinct words remembered per lexicon set
# one bit per flag of a _Word (its ``mask``): a sentence's rules are called only when a token has the flag they read
_PERSON, _PLACE, _ORG, _GRAMMAR, _DIVISION, _HEADED, _PIECE, _KNOWN, _SCORED, _TITLED, _ELDER, _VENUE = (1 << k for k in range(12))
#: the flags _persons' loops start from (its dot-name pass reads a sentence with a ·, whatever its flags)
_PERSON_RULES = _PERSON | _ELDER | _TITLED | _PIECE


class _Word:
    """What the rules ask about one distinct token, computed once per lexicon set and word.

    The flags are necessary conditions of each rule's per-token branches, read from the word
    alone: a token whose flag is off cannot fire that rule, so the rule skips it without
    evaluating its branches (most tokens are ordinary words that fire nothing)."""

    __slots__ = ("han", "tag", "sl", "person", "place", "org", "grammar", "before_division", "division", "headed", "piece",
                 "known", "scored", "titled", "elder", "venue", "mask", "hot")

    def __init__(self, w: str, W: _Words) -> None:
        # each list is asked once and shared by the flags (this runs for every new word of a corpus)
        n = len(w)
        self.han = han = bool(_HAN.match(w))
        self.tag = tag = W.tags.get(w, "")
        dictionary_word = bool(tag) and not tag.startswith("nr")  # is_dictionary_word(w)
        # _surname_len(w)
        self.sl = sl = 2 if w[:2] in W.double_surnames and n > 2 else 1 if w[:1] in W.single_surnames else 0
        chars = set(w)
        translit_only = chars <= W.translit
        in_places, in_stop = w in W.places, w in W.person_stop
        #: _persons' first loop: a surname start, or a transliteration-only name-like word
        self.person = han and not in_stop and not in_places and (
            sl > 0 and (n == sl or not dictionary_word)
            or (tag in _NAME_TAGS or not tag) and n >= 2 and translit_only)
        #: _places: a listed place, a word with abbreviations, or made of abbreviations / a mover
        self.place = (in_places or w in W.abbrev_words or w in W.abbrev_all  # (abbrev_all holds every key of abbrev)
                      or 2 <= n <= 3 and chars <= W.abbrev_chars
                      or n == 2 and w[0] in W.movers and w[1] in W.abbrev_all
                      or n >= 4 and w[0] in W.movers and w[1] in W.abbrev_all and is_dictionary_word(w[2:])
                      or n >= 3 and w[0] in W.abbrev and (w[1:] in W.fused_heads or w[2:] in W.fused_heads))
        #: _orgs' second loop: an nt word or one ending in an organisation suffix
        self.org = tag == "nt" or w[-1] in W.org_suffix_ends and bool(_org_suffix(w, W.lex))
        #: _place_grammar: one of its branches' conditions on the word itself (but the division token's, below)
        self.grammar = han and not in_places and (
            n >= 3 and w[-1] in W.place_suffix_set and tag in ("ns", "nr", "nz")
            or n == 3 and not tag and w[-1] in W.village_chars
            or n == 2 and tag == "t"
            or n == 1 and w in W.abbrev
            or w[-1] in W.place_word_head_ends
            and any(w[:k] in W.places and w[k:] in W.place_word_head_set for k in range(n - 1, 1, -1)))
        #: _place_grammar's name-like token before a division token (塔科马 + 市): a tenth of all tokens, so it
        #: is read only where the next token is one (``division``, a rare token), not as a flag of its own
        self.before_division = han and not in_places and n >= 2 and (tag in ("ns", "nz", "nr", "nrt") or not tag) \
            and w[-1] not in W.bad_last and w not in W.known_orgs
        self.division = w in W.division_set
        #: _place_headed_orgs: a word ending in an institution head (or in 部长); each branch ends in a character of
        #: ``headed_ends``, tested first (a set look-up instead of two ``endswith`` over 61 words for most words)
        self.headed = han and w[-1] in W.headed_ends and not w.endswith(W.headed_not_heads) and not in_places and (
            n >= 4 and w.endswith("部长") or w == "部长" or w.endswith(W.headed_heads) or w[-1] in W.headed_tail_set)
        #: a possible piece of a transliterated name cut by jieba (耶夫, 亚克)
        self.piece = han and translit_only and (not tag or tag in _NAME_TAGS) and not in_places and not in_stop
        #: the first token of a listed organisation (ner_orgs.txt) may be this word
        self.known = w in W.known_prefixes
        #: _scored_persons: a jieba name word, an unknown word opening with a surname, or a surname token
        self.scored = han and not in_stop and not in_places and (
            2 <= n <= 3 and (tag.startswith("nr") or not tag and w[0] in W.single_surnames) and w[0] != w[1]
            or n == 1 and w in W.single_surnames)
        #: a title written after a bare surname (局长, 外长, 副局长): the surname may end the token before it (当汤 + 局长)
        self.titled = w in W.honorifics or n >= 3 and w[0] == "副" and w[1:] in W.honorifics
        #: 老 and a surname, a word jieba does not know (老于, 老刘): how one names an older man by his surname
        self.elder = han and n == 2 and w[0] == "老" and not tag and w[1] in W.single_surnames \
            and W.tags.get(w[1]) != "n"  # (老楼 is an old building: 楼 is a noun before it is a surname)
        #: _venues: a venue head (机场, 体育馆) or a jieba nt word naming a building (国家博物馆)
        self.venue = w in W.venue_heads or n > 3 and tag == "nt" and w.endswith(W.landmark_heads)
        # (each flag is a bool: its bit is the flag shifted into place, in the order of the _PERSON ... _VENUE bits)
        self.mask = mask = (self.person | self.place << 1 | self.org << 2 | self.grammar << 3 | self.division << 4
                            | self.headed << 5 | self.piece << 6 | self.known << 7 | self.scored << 8
                            | self.titled << 9 | self.elder << 10 | self.venue << 11)
        self.hot = mask != 0  # some flag is on


class _Words:
    """Every word list the component reads, gathered once per lexicon set, and the per-word memo.

    The rules run per token of every sentence; reading each list through a cache keyed on the
    lexicon set costs a hash of the set per look-up, which dominated the component's time."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.tags = word_tag_table()
        rs = lex.ruleset("ner")
        self.places = listed_places(lex)
        self.place_not_before = _place_not_before(lex)
        self.people_words = frozenset(rs.words("place_people_words"))
        #: a listed place's not_before words less the people words (中国 + 人: the place and its people), as one
        #: tuple for ``str.startswith`` (中国 has 41: a generator over them per 中国 token was a third of _places)
        self.place_not_before_kept = {name: tuple(x for x in words if x not in self.people_words)
                                      for name, words in self.place_not_before.items()}
        self.abbrev, self.abbrev_all, self.abbrev_words = country_abbreviations(lex), _abbrev_all(lex), _abbrev_words(lex)
        self.known_orgs = _orgs_known(lex)
        self.known_prefixes = frozenset(n[:k] for n in self.known_orgs for k in range(1, len(n) + 1))
        self.known_max = max(map(len, self.known_orgs), default=0)
        self.org_suffixes = _org_suffixes(lex)
        self.person_next = _person_next(lex)
        self.translit = translit_chars(lex)
        self.weak_first = _weak_first(lex)
        self.bad_last = _bad_last(lex)
        self.person_stop = _words(lex, "ner_person_stop.txt")
        self.group_heads = tuple(sorted(_words(lex, "ner_group_heads.txt")))
        self.honorifics = _words(lex, "ner_honorifics.txt")
        self.person_before = _words(lex, "ner_person_before.txt")
        self.person_after = _words(lex, "ner_person_after.txt")
        self.long_titles = tuple(sorted(t for t in self.person_before if len(t) >= 2))
        self.abbrev_heads = _words(lex, "ner_abbrev_heads.txt")
        self.fused_heads = self.abbrev_heads - frozenset(rs.words("abbrev_fused_not_heads"))
        self.fused_not_first = frozenset(rs.words("abbrev_fused_not_first"))
        self.pair_next = rs.words("abbrev_pair_next")
        self.movers = _words(lex, "ner_abbrev_movers.txt")
        self.abbrev_stop = _words(lex, "ner_abbrev_stop.txt")
        self.place_name_heads = _words(lex, "ner_place_name_heads.txt")
        self.org_stop = _words(lex, "ner_org_stop.txt")
        self.org_heads_generic = _words(lex, "ner_org_heads_generic.txt")
        self.name_bad_next = _words(lex, "ner_name_bad_next.txt")
        self.org_ministries = rs.words("org_ministries")
        self.org_event_heads, self.org_event_bodies = rs.words("org_event_heads"), rs.words("org_event_bodies")
        self.org_field_nouns = rs.words("org_field_nouns")
        self.org_phrase_suffixes = frozenset(rs.words("org_phrase_suffixes"))
        self.org_system_names = frozenset(rs.words("org_system_names"))
        #: the mass bodies and bureaus of org_units.tsv (社科联, 关工委, 慈善总会, 教育局): written without an owner
        #: (or after 各级/各乡镇, before 组织) they name a kind of body, no institution (ner.org-generic-unit)
        self.bare_units = frozenset(r["unit"] for r in lex.read_tsv("org_units.tsv")
                                    if r["kind"] in ("mass", "bureau") and len(r["unit"]) >= 2)
        self.generic_unit = rs.regex("generic_unit", r"^(?:{generic_org_leads})*(?P<unit>.+?)(?:{generic_org_tails})?$")
        self.org_not_first_chars = frozenset(rs.words("org_not_first_chars"))
        self.org_joined_heads = frozenset(rs.words("org_joined_heads"))
        self.org_joiners = frozenset(rs.words("org_joiners"))
        self.nt_name_heads, self.nt_not_heads = rs.words("nt_name_heads"), rs.words("nt_not_heads")
        self.place_readable_rules = frozenset(rs.words("place_readable_rules"))
        #: province and city names, full and short (北京, 广东省): what a Chinese body's name may open with
        self.big_divisions = frozenset(n for d in divisions(lex) if d.level != "county" for n in (d.name, d.short))
        self.press_heads = rs.words("press_title_heads")
        self.landmark_heads = rs.words("landmark_heads")
        self.subunit_heads, self.subunit_not_heads = rs.words("org_subunit_heads"), rs.words("org_subunit_not_heads")
        self.subunit_head_set = frozenset(self.subunit_heads)
        self.subunit_tags = frozenset(rs.words("org_subunit_tags"))
        self.subunit_breakers = frozenset(rs.words("org_subunit_breakers"))
        self.post_suffixes = rs.words("post_suffixes")
        self.unit_chars = frozenset(rs.words("unit_chars"))
        self.modifier_leads = lex.ruleset("organization").words("modifier_leads")
        self.unit_posts = lex.ruleset("organization").words("unit_posts")
        self.theory_kinds = rs.words("theory_kinds")
        self.place_suffixes, self.divisions = rs.words("place_suffix_chars"), rs.words("place_division_tokens")
        self.place_word_heads = rs.words("place_word_heads")
        self.village_chars = frozenset(rs.words("place_village_chars"))
        self.venue_heads = frozenset(rs.words("place_venue_heads"))
        self.place_determiners = frozenset(rs.words("place_determiners"))
        self.place_suffix_stop = frozenset(rs.words("place_suffix_stop"))
        # last characters of the suffix words: a word ending in none of them ends in no suffix (a set look-up first)
        self.org_suffix_ends = frozenset(x[-1] for x in self.org_suffixes)
        self.place_word_head_ends = frozenset(x[-1] for x in self.place_word_heads)
        (self.headed_heads, self.headed_tails, self.headed_not_heads, self.headed_breakers,
         self.headed_mid_tags) = _place_org_words(lex)
        # the tuples above as sets, for membership tests per token (the same answers)
        self.place_suffix_set, self.division_set = frozenset(self.place_suffixes), frozenset(self.divisions)
        self.place_word_head_set, self.headed_tail_set = frozenset(self.place_word_heads), frozenset(self.headed_tails)
        self.org_suffix_set = frozenset(self.org_suffixes)
        #: the last character of every word _Word.headed can hold for: 部长, an institution head, a head character
        self.headed_ends = frozenset({"长"} | {h[-1] for h in self.headed_heads} | {t[-1] for t in self.headed_tails if t})
        self.single_surnames, self.double_surnames = surnames(lex)
        self.abbrev_chars = frozenset(self.abbrev)
        self.name_chars = {r["char"]: (float(r["surname"]), float(r["given"])) for r in lex.read_tsv("ner/name_chars.tsv")}
        self.name_weights = weights = {r["feature"]: float(r["weight"]) for r in lex.read_tsv("ner/name_score.tsv")}
        # the score's terms by feature value, read once (the sum is taken in the same order as before: the same float)
        self.score_bias, self.score_stat = weights.get("bias", 0.0), weights.get("stat", 0.0)
        self.score_log_freq = weights.get("log_freq", 0.0)
        self.score_by = {side: {f[len(side) + 1:]: v for f, v in weights.items() if f.startswith(side + "=")}
                         for side in ("kind", "left", "right")}
        self.name_say = frozenset(rs.words("name_score_say"))
        self.freq = word_frequencies(lex)
        self.person_noun_heads = frozenset(rs.words("person_noun_heads"))
        self.person_not_abbrev_heads = frozenset(rs.words("person_not_abbrev_heads"))
        self.translit_place_endings = rs.words("translit_place_endings")
        self.name_hyphens = frozenset(rs.words("name_hyphens"))
        self.org_verb_objects = frozenset(rs.words("org_verb_objects"))
        self.ministers_meeting_heads = frozenset(rs.words("ministers_meeting_heads"))
        self.foreign_glue_tags = rs.words("foreign_glue_tags")
        self.foreign_left_tags = frozenset(rs.words("foreign_left_tags"))
        self.foreign_not_syllable = rs.words("foreign_not_syllable_tags")
        self.name_titles = _words(lex, "titles.txt") | self.honorifics | self.person_before
        self._memo: dict[str, _Word] = {}
        #: the words of ``_memo`` whose record is hot: a sentence's hot tokens by set membership, a small table the
        #: cache keeps, instead of reading the ``hot`` of every token's record (a record each, spread over memory)
        self.hot_words: set[str] = set()
        self._title_before: dict[str, bool] = {}

    def title_before(self, w: str) -> bool:
        """Whether a token is, or ends with, a title written before a name (``ner_person_before.txt``: 总理, 财政部副部长)."""
        known = self._title_before.get(w)
        if known is None:
            if len(self._title_before) > _MEMO_MAX:
                self._title_before.clear()  # (a bound on memory; the value is a pure function of the word)
            known = self._title_before[w] = w in self.person_before or w.endswith(self.long_titles)
        return known

    def translit_piece(self, w: str) -> bool:
        """Whether a token of one or two transliteration characters may be a syllable of a name beside it."""
        return 1 <= len(w) <= 2 and all(c in self.translit for c in w) and w not in self.places \
            and w not in self.person_stop and not set(w) & _FUNCTION_CHARS

    def name_left_edge(self, w: str) -> bool:
        """Whether a token ends what comes before a name: punctuation, a title, a preposition or a verb."""
        return all(c in _PUNCT for c in w) or w in self.name_titles or w.endswith(self.long_titles) \
            or word_tag(w) in ("p", "v", "c")

    def infos(self, words: list[str]) -> list[_Word]:
        """The memoised :class:`_Word` of each token (one C-level map; the new words filled in after)."""
        memo = self._memo
        if len(memo) > _MEMO_MAX:
            memo.clear()  # a bound on memory over a large corpus; the values are pure, so output is unchanged
            self.hot_words.clear()
        info = list(map(memo.get, words))
        if None in info:  # the new words' places, found by list.index (a C scan), not by a Python loop over every token
            hot_words = self.hot_words
            k = info.index(None)
            while True:
                w = words[k]
                rec = memo.get(w)  # (a word new twice in the sentence is made once)
                if rec is None:
                    rec = memo[w] = _Word(w, self)
                    if rec.hot:
                        hot_words.add(w)
                info[k] = rec
                try:
                    k = info.index(None, k + 1)
                except ValueError:
                    break
        return info  # type: ignore[return-value]  # (no None is left)


def _cut_foreign_left(toks: list[tuple[int, int, str]], i: int, W: _Words) -> int:
    """Where a cued foreign name cut by jieba starts, given its first token ``toks[i]`` (see
    ``NameExtractor._join_cut_foreign``): the glued token before it, or its part after a fused preposition."""
    s = toks[i][0]
    if i == 0:
        return s
    w = toks[i - 1][2]
    if not _HAN.match(w) or len(w) > 3 or W.name_left_edge(w) or w in W.places or w in W.person_stop \
            or w in W.name_titles or set(w) & _FUNCTION_CHARS:
        return s
    glue = [k for k, ch in enumerate(w) if word_tag(ch) in W.foreign_glue_tags]
    if glue:  # 同安 + 瓦尔, 愿同瓦 + 塔拉, 和布 + 克尔: the preposition ends what comes before the name
        rest = w[glue[-1] + 1:]
        return s - len(rest) if 1 <= len(rest) <= 2 else s
    if (not word_tag(w) or word_tag(w) in W.foreign_left_tags) and (i == 1 or W.name_left_edge(toks[i - 2][2])):
        return toks[i - 1][0]  # 朔 + 尔茨 at a sentence start, 和 + 冯德 + 莱恩
    return s


def _cut_foreign_right(toks: list[tuple[int, int, str]], j: int, W: _Words) -> int:
    """Where a cued foreign name cut by jieba ends, given its last token ``toks[j]``: up to two tokens of
    one or two transliteration characters after it (拉赫 + 蒙, 扎尔 + 达 + 里), none if a third follows."""
    e, k = toks[j][1], j + 1
    while k < len(toks) and k - j <= 2 and _foreign_syllables(toks[k][2], W):
        e, k = toks[k][1], k + 1
    if k < len(toks) and k > j + 1 and _HAN.match(toks[k][2]) and all(ch in W.translit for ch in toks[k][2]):
        return toks[j][1]  # a longer run of pieces: not read here
    return e


def _foreign_syllables(w: str, W: _Words) -> bool:
    """Whether a token may be one or two syllables of a transliterated name: transliteration characters
    only, no listed place or stop word, and no function word (a one-character verb such as 蒙 or 达 may be
    a syllable; a two-character verb or adverb is a word of the sentence)."""
    if not 1 <= len(w) <= 2 or not all(ch in W.translit for ch in w) or w in W.places or w in W.person_stop:
        return False
    tag = word_tag(w)
    return not tag.startswith(_NOT_SYLLABLE_TAGS) if len(w) == 2 else tag not in W.foreign_glue_tags + W.foreign_not_syllable


@cache
def _bundle(lex: Lexicons) -> _Words:
    return _Words(lex)


# jieba tags of a one-character token that is a word of the sentence, not a name's last syllable (普京 + 在)
_NOT_SYLLABLE_TAGS = ("p", "c", "u", "d", "r", "f", "m", "q", "v", "y", "e")
# jieba tags of ordinary words: a candidate name that jieba knows with one of these is a word, not a name
_WORD_TAGS = ("n", "v", "vn", "a", "ad", "an", "d", "l", "i", "m", "t", "s", "f", "r", "c", "p", "u", "z", "b")
# endings of abstract nouns and of non-person things that the name rules can reach (智能化, 幸福感, 林草局, 文亭巷)
# tags of the common word before a noun head (安全 + 观, 宣传 + 周, 伊朗 + 核): the two are a phrase, not a name
_COMMON_TAGS = frozenset({*_WORD_TAGS, "ns", "nz", "j", "ng", "vd"})
_NOT_PERSON_END = frozenset("化性感度力院局巷湖案物关所部会委厅处科室站场馆园区路街村镇县市省州岛港湾舰箱图线病")
_NOT_ORG_END = frozenset("化性感度力展业部")
_NEVER_ORG_END = frozenset("化性感度展")


def _nt_names_a_body(w: str, W: _Words) -> bool:
    """Whether a jieba ``nt`` word is an institution's name (``ner/words.tsv``: ``nt_name_heads``).

    jieba's dictionary tags ~4,700 words nt, and some are phrases of news prose (新兴产业, 中央财政,
    防空警报). None ends in a direction word or a "situation" noun (中西部, 新格局); short ones are
    abbreviations (北约, 政协, 联通) and stay; a longer one must end in an institution head or open
    with a place (中国移动: a company named by its country; 北京人艺: a theatre by its city)."""
    if w.endswith(W.nt_not_heads) or len(w) >= 3 and W.tags.get(w[-2:]) == "f":
        return False
    return len(w) <= 3 or w.endswith(W.nt_name_heads) or any(
        w[:k] in W.places or w[:k] in W.big_divisions for k in (2, 3))


def _plausible(typ: str, label: str, rule: str, W: _Words) -> bool:
    """Last check of a general-news name: ordinary words and abstract nouns are not names."""
    tag = word_tag(label)
    if typ == "Person":
        if len(label) == 1:
            return True  # a bare surname before a title (汤局长): the rule that found it checked the title
        if tag and not tag.startswith("nr") and tag != "nz":
            return False
        if len(label) == 2 and label[0] in W.abbrev_all and label[1] in W.abbrev_heads:
            return False  # 乌军, 巴方: a country's abbreviation and what it heads (ner_abbrev_heads.txt)
        if len(label) == 3 and label[-1] in W.person_noun_heads and W.tags.get(label[:-1], "") in _COMMON_TAGS:
            return False  # 安全观, 宣传周, 成果展, 伊朗核: a common word and a noun head after it, which jieba tags nr
        if len(label) == 3 and label[0] in W.abbrev_all and label[1] in W.person_not_abbrev_heads:
            return False  # 巴方 + 称, 马方 + 愿: a country's side and a verb, no surname and given name
        # jieba's dictionary tags some things nr (幸福感, 吉祥物, 骆马湖): names do not end like that
        # (a transliterated name jieba knows may end so: 基里延科, 卡拉斯科)
        # (nor does a name joined by · or a hyphen: its parts were read as names one by one)
        return not (len(label) >= 3 and "·" not in label and not W.name_hyphens.intersection(label) and label[-1] in _NOT_PERSON_END
                    and not (tag.startswith("nr") and all(c in W.translit for c in label)))
    if typ == "Organization" and rule != "org-list":
        if (m := W.generic_unit.match(label)) is not None and m.group("unit") in W.bare_units:
            return False  # ner.org-generic-unit: 社科联, 各乡镇慈善总会, 各级文联组织: a kind of body, no owner named
        if label.startswith(W.modifier_leads):
            return False  # 新时代党(的建设): an era word opens no name
        if label[-1] in _NEVER_ORG_END or (label.endswith("党") and word_tag(label[:-1]) in _WORD_TAGS):
            return False  # 中国化, 重大进展; 新时代党(的群众路线)
        if tag in _WORD_TAGS and not any(label[:k] in W.places for k in range(2, len(label))):
            return False  # 利益集团, 重大进展, 新兴产业 (but 古巴队: a place and a suffix)
        if label[-1] in _NOT_ORG_END and tag != "nt" and not label.endswith(W.org_ministries):
            return label.endswith("部") and len(label) >= 4
        return "与" not in label
    return True


# a venue's name word that is not a known place must be rarer than this in jieba's dictionary: 高原 + 机场,
# 开放式 + 公园 and 滑雪 + 公园 are descriptions (jieba tags 高原 ns, 滑雪 nr); 德黑兰 (209), 戴高乐 (150) are names
_VENUE_NAME_MAX_FREQ = 200
# the rules whose precedence.tsv rows let them contain an earlier Organization or Place mention
_NESTING_RULES = frozenset({"org-place-head", "nt", "place-venue", "nt-landmark"})
_PRESS_TITLE = re.compile(r"《([\u4e00-\u9fff]{2,10})》")
_PUNCT = frozenset("，。、；：“”《》（）！？…—·／")
_LEFT_MARKS = frozenset("，、《“：（")
_RIGHT_MARKS = frozenset("，、》”。（）：")


@lru_cache(maxsize=1 << 16)  # a pure function of the token (jieba's tag table never changes); tokens repeat
def _left_class(t: str) -> str:
    """The class of the token before a scored name candidate (``left=`` rows of ``ner/name_score.tsv``)."""
    if t in _LEFT_MARKS:
        return t
    if all(c in _PUNCT for c in t):
        return "P"
    tag = word_tag(t)
    if tag == "p":
        return "p"
    for prefix in ("v", "u", "c", "n"):
        if tag.startswith(prefix):
            return prefix
    return "m" if t[:1].isdigit() or tag.startswith("m") else "o"


@lru_cache(maxsize=1 << 16)  # a pure function of the token and the lexicon set's words; tokens repeat
def _right_class(t: str, W: _Words) -> str:
    """The class of the token after a scored name candidate (``right=`` rows of ``ner/name_score.tsv``)."""
    if t in W.name_say:
        return "say"
    if t in _RIGHT_MARKS:
        return t
    if all(c in _PUNCT for c in t):
        return "P"
    tag = word_tag(t)
    if tag in ("p", "c"):
        return "pc"
    if t == "的":
        return "de"
    if tag.startswith("v"):
        return "v"
    if tag == "d":
        return "d"
    if tag.startswith("n"):
        return "n"
    if t[:1].isdigit() or tag.startswith("m"):
        return "m"
    return "u" if tag.startswith("u") else "o"


@lru_cache(maxsize=1 << 16)  # a pure function of the candidate and the lexicon set's tables; candidates repeat
def _name_stat(name: str, W: _Words) -> tuple[float, float]:
    """What a name's score reads from the name alone: how name-like its characters are (surname, then
    given-name weights of ``ner/name_chars.tsv``) and ``log1p`` of its jieba dictionary frequency."""
    chars = W.name_chars
    return (chars.get(name[0], (0.0, 0.0))[0] + sum(chars.get(c, (0.0, 0.0))[1] for c in name[1:]),
            math.log1p(W.freq.get(name, 0) or 0))


class NameExtractor:
    """Adds PER/LOC/ORG names of general news that no specific extractor claimed."""

    name = "ner"
    requires: tuple[str, ...] = ("Organization", "Person", "Place", "Theory", "Document")
    assigns: tuple[str, ...] = ("Person", "Place", "Organization")

    def __call__(self, doc: Doc) -> None:
        text, lex = doc.text, doc.lex
        W = _bundle(lex)
        place_spans = {(m.start, m.end) for m in doc.of_type("Place")}
        per_sentence: list[list[tuple[int, int, str, str, str]]] = []
        sentence_toks: list[tuple[list[tuple[int, int, str]], int, int]] = []
        org_starts = {m.start for m in doc.of_type("Organization")}
        for s_start, s_end in doc.sentences:
            toks, words = _tokens(text, s_start, s_end, lex)
            info = W.infos(words)
            hot = list(compress(range(len(info)), map(W.hot_words.__contains__, words)))  # the tokens some rule may fire on
            flags = 0  # the flags some token of the sentence has: a rule none of whose flags is on finds nothing
            for k in hot:
                flags |= info[k].mask
            cands: list[tuple[int, int, str, str, str]] = []
            if flags & _PERSON_RULES or text.find("·", s_start, s_end) >= 0:
                cands += self._persons(text, toks, info, hot, W)
            if flags & _SCORED:
                cands += self._scored_persons(text, toks, info, hot, W)
            cands = self._extend_translit(text, toks, cands, W)
            cands = self._join_cut_foreign(text, toks, cands, W)
            cands = self._join_hyphenated(text, cands, W)
            if flags & _PLACE:
                cands += self._places(text, toks, info, hot, W)
            if flags & (_KNOWN | _ORG):
                cands += self._orgs(text, toks, info, hot, W)
            if flags & _HEADED:
                cands += self._place_headed_orgs(text, toks, info, hot, place_spans, org_starts, W)
            if flags & (_GRAMMAR | _DIVISION):
                cands += self._place_grammar(text, toks, info, hot, W)
            if flags & _VENUE:
                cands += self._venues(text, toks, info, hot, place_spans, W)
            if text.find("《", s_start, s_end) >= 0:
                cands += self._press_titles(text, toks, place_spans, W)
            per_sentence.append(cands)
            sentence_toks.append((toks, s_start, s_end))
        places = self._article_places(doc, per_sentence, W)
        # where an armed-group head stands in the article (哈马斯 + 武装): found once, not searched for per person candidate
        group_heads = starts_before(text, W.group_heads, (0,))
        for cands, (toks, s_start, s_end) in zip(per_sentence, sentence_toks):
            readable = W.place_readable_rules
            cands = [(c[0], c[1], "Place", c[3], "place-in-article") if c[2] == "Person" and c[4] in readable
                     and c[3] in places else c for c in cands]
            named_org = False  # whether this sentence got an organisation of this component (_subunits reads only those)
            # longer spans first so that 古巴代表团 wins over 古巴; then in text order
            for start, end, typ, label, rule in sorted(cands, key=lambda c: (-(c[1] - c[0]), _PRIORITY[c[2]], c[0])):
                if end <= start or (typ == "Person" and set(label[1:]) & _FUNCTION_CHARS) or not _plausible(typ, label, rule, W):
                    continue
                if typ == "Person" and group_heads and any(  # label + head in text, for some head
                        p >= len(label) and text.startswith(label, p - len(label)) for p in group_heads):
                    continue  # 哈马斯武装 anywhere in the article: 哈马斯 names a group (ner_group_heads.txt)
                # anything found before wins; an organisation may contain a place (青岛海牛队 ⊃ 青岛), not cross one
                if doc.blocked(f"ner.{rule}", typ, start, end) or rule in _NESTING_RULES and any(
                        m.start == start and m.end == end for t in ("Organization", "Place") for m in doc.touching(t, start, end)):
                    continue  # (a rule that may nest a body still adds nothing over the same span: 中共中央)
                full = full_name_for(doc, label) if typ == "Person" and rule in ("surname-honorific", "surname-elder") else ""
                if full:  # 周书记 after 周德操: the person already named
                    doc.add(Mention(typ, full, start, end, text[start:end], aliases=(label,), rule="ner.surname-reference"))
                    continue
                attrs = {"source": "ner", "rule": rule}
                if typ == "Organization" and label in W.org_system_names:
                    attrs["kind"] = "national"  # ner.org-system: 人民政协 names a system at every level, cited like a national body
                doc.add(Mention(typ, label, start, end, text[start:end], attrs=attrs, rule=f"ner.{rule}"))
                named_org = named_org or typ == "Organization"
            if named_org:  # not a scan of the article's organisations for every sentence
                self._subunits(doc, toks, s_start, s_end, W)
        self._founders(doc)

    @staticmethod
    def _join_cut_foreign(text: str, toks: list[tuple[int, int, str]], cands: list[tuple[int, int, str, str, str]],
                          W: _Words) -> list[tuple[int, int, str, str, str]]:
        """ner.foreign2-joined: a two-character foreign name found by its title (foreign2-cued) is often one
        syllable pair that jieba cut from a longer name (朔 + 尔茨, 冯德 + 莱恩, 拉赫 + 蒙, 维克 + 拉马 + 辛哈): the
        name then says the wrong person. It takes in the glued token before it (no title, verb, preposition
        or punctuation; the part after a preposition fused to it: 同安 + 瓦尔, 愿同瓦 + 塔拉) and up to two
        transliteration tokens after it when no further such token follows (a name's end, not the middle of
        a longer run nobody read)."""
        if not any(c[4] == "foreign2-cued" for c in cands):
            return cands
        starts = {t[0]: k for k, t in enumerate(toks)}
        ends = {t[1]: k for k, t in enumerate(toks)}
        out = []
        for c in cands:
            s, e, typ, label, rule = c
            i, j = starts.get(s), ends.get(e)
            if rule != "foreign2-cued" or i is None or j is None:
                out.append(c)
                continue
            s = _cut_foreign_left(toks, i, W)
            e = _cut_foreign_right(toks, j, W)
            out.append(c if (s, e) == (c[0], c[1]) else (s, e, typ, text[s:e], "foreign2-joined"))
        return out

    @staticmethod
    def _extend_translit(text: str, toks: list[tuple[int, int, str]], cands: list[tuple[int, int, str, str, str]],
                         W: _Words) -> list[tuple[int, int, str, str, str]]:
        """A transliterated name jieba cut short, extended over the transliteration characters beside it.

        The candidate must be (nearly) all transliteration characters (one in three may be another: 连斯基).

        jieba splits off a first or last syllable that is a word of its own (托 + 卡耶夫, 古 + 特雷斯,
        泽 + 连斯基, 佩 + 斯科夫; 马克 + 龙, 阿尔克 + 明): a person candidate made only of transliteration
        characters takes in a token of one or two such characters before it when what precedes that
        token cannot be part of a name (the sentence start, punctuation, a title, a preposition or verb:
        总统 + 托 + 卡耶夫), and a one-character token after it that is no function word. A name so
        extended that ends like a Slavic place name (``translit_place_endings``: 库皮扬斯克, 梅利托波尔) is a place."""
        tr = W.translit

        def extendable(c: tuple[int, int, str, str, str]) -> bool:  # what the candidate alone says
            return c[2] == "Person" and "·" not in c[3] and sum(ch not in tr for ch in c[3]) <= len(c[3]) // 3

        if not any(map(extendable, cands)):
            return cands  # (the token offsets below are read only for a candidate that may be extended)
        starts = {t[0]: k for k, t in enumerate(toks)}
        ends = {t[1]: k for k, t in enumerate(toks)}
        out = []
        for c in cands:
            s, e, typ, label, rule = c
            i, j = starts.get(s), ends.get(e)
            if i is None or j is None or not extendable(c):
                out.append(c)
                continue
            if i >= 1 and W.translit_piece(toks[i - 1][2]) and (i == 1 or W.name_left_edge(toks[i - 2][2])):
                s = toks[i - 1][0]
            if j + 1 < len(toks) and len(toks[j + 1][2]) == 1 and W.translit_piece(toks[j + 1][2]) \
                    and not word_tag(toks[j + 1][2]).startswith(_NOT_SYLLABLE_TAGS):
                e = toks[j + 1][1]
            if (s, e) == (c[0], c[1]):
                out.append(c)
            elif e - s >= 4 and text[s:e].endswith(W.translit_place_endings):
                out.append((s, e, "Place", text[s:e], "place-translit"))
            else:
                out.append((s, e, "Person", text[s:e], rule))
        return out

    @staticmethod
    def _article_places(doc: Doc, per_sentence: list[list[tuple[int, int, str, str, str]]], W: _Words) -> frozenset[str]:
        """Names this article uses as places: a place candidate's name (顿涅茨克州 → 顿涅茨克 too, without its
        division suffix) or a place another component found. One name, one sense per article: jieba's dictionary
        tags 顿涅茨克 and 哈尔科夫 as transliterated person names, and the article that writes 顿涅茨克州 once
        means the region when it writes 顿涅茨克 alone."""
        names = {m.label for m in doc.of_type("Place")}
        for cands in per_sentence:
            for _start, _end, typ, label, _rule in cands:
                if typ == "Place":
                    names.add(label)
                    if len(label) >= 3 and label[-1] in W.divisions:
                        names.add(label[:-1])
        return frozenset(names)

    @staticmethod
    def _subunits(doc: Doc, toks: list[tuple[int, int, str]], s_start: int, s_end: int, W: _Words) -> None:
        """A unit of a body written right after it: 科学技术部 + 农村 科技 司, 美国联邦 + 航空局, 亚行 + 理事会.

        After every organisation of the sentence is known, the tokens that follow one this component named
        are read while they are nominal (``org_place_mid_tags``) or unknown, up to four; the first of them
        that ends in a unit head (``ner/words.tsv``: ``org_subunit_heads``) ends the unit's name, which
        contains the body (``precedence.tsv`` lets it nest): People's Daily marks the whole phrase."""
        orgs = [m for m in doc.of_type("Organization") if s_start <= m.start and m.end <= s_end]
        # only the bodies this component named (德国联邦 + 铁路局, 科学技术部 + 农村 科技 司): a political body's
        # units are the political extractors' to read (市委 + 部署, 全国人大 + 财政经济委员会)
        bodies = [m for m in orgs if m.rule.startswith("ner.")]
        if not bodies:
            return
        text = doc.text
        at = {t[0]: k for k, t in enumerate(toks)}
        heads, not_heads, mid = W.subunit_head_set, W.subunit_not_heads + W.org_event_heads, W.subunit_tags
        starts = {m.start for m in orgs}
        for m in sorted(bodies, key=lambda m: (m.start, -m.end)):
            k = at.get(m.end)
            if k is None:
                continue
            end = 0
            for j in range(k, min(len(toks), k + 4)):
                w = toks[j][2]
                tag = word_tag(w)
                if not _HAN.match(w) or (tag and tag not in mid) or w in W.org_stop or w in W.subunit_breakers:
                    break
                if j > k and (toks[j][0] in starts or tag == "nt"):
                    break  # 对外贸易经济合作部 + 经商 + 外交部: a second body, not a unit of the first
                head = next((h for h in _endings(w, heads) if len(h) >= 2 or len(w) <= 4), "")
                if head and not w.endswith(not_heads) and w not in W.places and tag != "ns" \
                        and (len(w) >= 2 or j > k):
                    end = toks[j][1]
                    break  # the first unit head ends it (话剧团 + 建团 is the troupe and a verb)
            if end and any(m.start < o.start < end and o.end == end for o in orgs):
                continue  # 荷兰鹿特丹伊拉斯莫斯大学 + 医学院: the unit is already named (鹿特丹伊拉斯莫斯大学医学院)
            if end and not doc.blocked("ner.org-subunit", "Organization", m.start, end):
                doc.add(Mention("Organization", text[m.start:end], m.start, end, text[m.start:end],
                                attrs={"source": "ner", "rule": "org-subunit"}, rule="ner.org-subunit"))

    @staticmethod
    def _founders(doc: Doc) -> None:
        """The person a theory is named after (邓小平理论 → 邓小平, 马克思主义 → 马克思).

        Nested inside the Theory mention; only a jieba name word (nr) of two to four characters
        at the start of the theory's surface, and only where no person mention is there yet."""
        W = _bundle(doc.lex)
        for th in doc.of_type("Theory"):
            for k in (4, 3, 2):
                name = th.surface[:k]
                # only where the theory is the name plus its kind (邓小平理论, 马克思主义, 毛泽东思想);
                # 习近平新时代中国特色社会主义思想 names an era's thought, not a person mention
                rest = th.surface[k:]
                if rest not in W.theory_kinds and not rest.startswith(("总书记关于", "同志关于", "关于")):
                    continue  # 习近平总书记关于巡视工作的重要论述 names its speaker; 习近平新时代…思想 does not
                if len(th.surface) > k and word_tag(name) in _NAME_TAGS and name not in W.person_stop:
                    if not doc.blocked("ner.theory-founder", "Person", th.start, th.start + k):
                        doc.add(Mention("Person", name, th.start, th.start + k, name,
                                        attrs={"source": "ner", "rule": "theory-founder"}, rule="ner.theory-founder"))
                    break

    # -- persons ---------------------------------------------------------------------------
    def _persons(self, text: str, toks: list[tuple[int, int, str]], info: list[_Word], hot: list[int],
                 W: _Words) -> list[tuple[int, int, str, str, str]]:
        out = []
        stop = W.person_stop
        n = len(toks)
        tr = W.translit
        titles = W.honorifics
        places, after = W.places, W.person_after
        for i in hot:
            s, e, w = toks[i]
            if not info[i].person:  # (a Han word, neither a stop word nor a listed place)
                continue
            tag = info[i].tag
            sl = info[i].sl
            nxt2 = toks[i + 1][2] if i + 1 < n else ""
            if tag == "nr" and len(w) == 1 and sl and len(nxt2) == 2 and word_tag(nxt2) in ("ns", "nz") \
                    and _HAN.match(nxt2) and nxt2 not in places and w not in W.weak_first:
                out.append((s, e + 2, "Person", w + nxt2, "surname-split-name"))  # 吉 + 德里, 庞 + 卫国
                continue
            third = toks[i + 2][2] if i + 2 < n else ""
            if len(w) == 1 and sl and len(nxt2) == 2 and word_tag(nxt2) == "nr" and third in after and w not in W.weak_first:
                out.append((s, e + 2, "Person", w + nxt2, "surname-name-titled"))  # 韩 + 春晖 + 教授
                continue
            nxt = toks[i + 1][2] if i + 1 < n else ""
            prev = toks[i - 1][2] if i else ""
            # a title before the name may be fused to what precedes it (德国总理 + 科尔, 财政部副部长 + 萨默斯)
            cued = W.title_before(prev) or nxt in after
            if len(w) == sl and i + 1 < n and info[i + 1].titled and nxt != "老" and w not in W.weak_first \
                    and not (w in W.abbrev_all and nxt in W.abbrev_heads):
                out.append((s, e, "Person", w, "surname-honorific"))  # 陈小姐, 汤局长 → 陈, 汤
            elif sl and len(w) > sl and w[sl:] in titles and w[0] not in W.weak_first and not is_dictionary_word(w) \
                    and not (w[sl:] == "老" and word_tag(w)):  # (古老 is a word jieba's dictionary tags nr)
                out.append((s, s + sl, "Person", w[:sl], "surname-honorific"))  # 李老师, 王某 → 李, 王
            elif tag in _NAME_TAGS or not tag:
                if w[-1] in W.bad_last or w[0] in W.weak_first and not tag:
                    continue
                split3 = sl == 1 and len(w) == 2 and self._given_char(nxt, W) and w + nxt not in stop
                if sl and len(w) == sl + 2 and not is_dictionary_word(w[sl:]) and nxt not in W.unit_chars:
                    out.append((s, e, "Person", w, "nr2" if tag else "oov-surname"))  # 邓小平, 张敬涛
                elif split3 and (not tag or tag == "nr" and not is_dictionary_word(nxt)):
                    out.append((s, e + 1, "Person", w + nxt, "surname-split2"))  # 张洁 + 清, 李铁 + 辰
                elif sl and len(w) == sl + 1 and (cued or _in_name_list(toks, i, W.lex)):
                    out.append((s, e, "Person", w, "name2-cued"))  # 郎平, 吴宓先生 (only with a cue)
                elif tag and len(w) >= 3 and all(c in tr for c in w):
                    out.append((s, e, "Person", w, "nr-foreign"))  # 克林顿, 基里延科
                elif tag in ("nr", "nrt") and len(w) == 2 and all(c in tr for c in w) and cued:
                    out.append((s, e, "Person", w, "foreign2-cued"))  # 琼斯说, 总统科尔
                elif not tag and len(w) >= 3 and all(c in tr for c in w):
                    out.append((s, e, "Person", w, "oov-translit"))  # 阿维兰热
        for i in hot:
            s, e, w = toks[i]
            if info[i].elder:
                out.append((s + 1, e, "Person", w[1], "surname-elder"))  # 老于 → 于
            elif info[i].titled and i and len(prev := toks[i - 1][2]) == 2 and not word_tag(prev) \
                    and word_tag(prev[0]) in ("p", "v", "c", "d", "t") and prev[1] in W.single_surnames \
                    and prev[1] not in W.weak_first and not (prev[1] in W.abbrev_all and w in W.abbrev_heads):
                out.append((s - 1, s, "Person", prev[1], "surname-honorific"))  # 当汤 + 局长, 托项 + 市长 → 汤, 项
        # a transliterated name that jieba cut in pieces (斯特罗 + 耶夫, 拉特纳 + 亚克): a run of
        # transliteration-only tokens, each a name word or unknown, at least one a name word
        pieces = [k for k in hot if info[k].piece]
        p = 0
        while p < len(pieces):  # each maximal run of consecutive pieces, toks[i:j]
            q = p
            while q + 1 < len(pieces) and pieces[q + 1] == pieces[q] + 1:
                q += 1
            i, j, p = pieces[p], pieces[q] + 1, q + 1
            if j - i >= 2 and any(word_tag(t[2]) in _NAME_TAGS for t in toks[i:j]) \
                    and toks[j - 1][1] - toks[i][0] >= 3 and not (j < n and toks[j][2] == "·") \
                    and not (i and toks[i - 1][2] == "·"):
                out.append((toks[i][0], toks[j - 1][1], "Person", text[toks[i][0]:toks[j - 1][1]], "translit-run"))
        # transliterated names joined by a middle dot: 卡洛斯·阿马特; each side is read over
        # transliteration characters and snapped back to a jieba token boundary
        if not toks or text.find("·", toks[0][0], toks[-1][1]) < 0 or not any(t[2] == "·" for t in toks):
            return out
        bounds = {t[0] for t in toks} | {t[1] for t in toks}
        for k, (s, e, w) in enumerate(toks):
            if w != "·" or k == 0 or (k > 1 and toks[k - 2][2] == "·"):
                continue  # start only at the first dot of a chain
            left = s
            while left > toks[0][0] and text[left - 1] in tr:
                left -= 1
            while left < s and left not in bounds:
                left += 1
            right, j = s, k
            while j < len(toks) and toks[j][2] == "·":
                r = toks[j][1]
                while r < toks[-1][1] and text[r] in tr:
                    r += 1
                while r > toks[j][1] and r not in bounds:
                    r -= 1
                if r == toks[j][1]:
                    break
                right = r
                j = next((x for x, t in enumerate(toks) if t[0] == r), len(toks))
            while j < len(toks) and toks[j][0] == right and info[j].piece:
                right, j = toks[j][1], j + 1  # 莉萨·科斯 + 马斯
            if left < s and right > e:
                out.append((left, right, "Person", text[left:right], "dot-name"))
        return out

    @staticmethod
    def _join_hyphenated(text: str, cands: list[tuple[int, int, str, str, str]],
                         W: _Words) -> list[tuple[int, int, str, str, str]]:
        """ner.hyphen-name: two transliterated names joined by a hyphen are one (阿吉亚尔-布兰科, a Portuguese
        double surname; 让-皮埃尔): news writes such names with ``-`` where it writes given name and surname
        with ``·``. Each side must be a person candidate of two or more transliteration characters (one in
        three may be another), so a hyphen between figures, codes or country abbreviations (中-老) joins nothing."""
        if not W.name_hyphens or not any(text[c[1]:c[1] + 1] in W.name_hyphens for c in cands):
            return cands
        tr = W.translit

        def side(c: tuple[int, int, str, str, str]) -> bool:
            return c[2] == "Person" and c[1] - c[0] >= 2 and sum(ch not in tr for ch in c[3]) <= len(c[3]) // 3

        persons = sorted((c for c in cands if side(c)), key=lambda c: (c[0], c[1]))
        by_start = {c[0]: c for c in persons}
        joined: dict[tuple[int, int, str, str, str], tuple[int, int, str, str, str]] = {}
        for c in persons:
            nxt = by_start.get(c[1] + 1)
            if nxt is None or text[c[1]] not in W.name_hyphens or c in joined:
                continue
            whole = (c[0], nxt[1], "Person", text[c[0]:nxt[1]], "hyphen-name")
            joined[c] = joined[nxt] = whole
        if not joined:
            return cands
        out: list[tuple[int, int, str, str, str]] = []
        for c in cands:
            w = joined.get(c, c)
            if w not in out:
                out.append(w)
        return out

    def _scored_persons(self, text: str, toks: list[tuple[int, int, str]], info: list[_Word], hot: list[int],
                        W: _Words) -> list[tuple[int, int, str, str, str]]:
        """Names with no cue, by a score (``ner/name_score.tsv``): how name-like the characters are
        (``ner/name_chars.tsv``), how common the word is, and the class of the token on each side.

        Candidates: a jieba name word of two or three characters (柳青, 金大中; jieba's four-character
        nr words are mostly set phrases: 廉洁奉公), an unknown word opening with a surname (王芳,
        展淑萍) and a one-character surname token with the one or two tokens after it (曹 + 火星;
        the better-scoring reading of the two); never a reduplicated word (殷殷, 苗苗). The other person rules read names next to a title
        or a verb of address; this one is what is left when nothing around the name says so."""
        weights = W.name_weights
        threshold = weights.get("threshold")
        if threshold is None:
            return []  # a lexicon set without the table has no scored rule
        out = []
        n = len(toks)
        single = W.single_surnames
        for i in hot:
            if not info[i].scored:
                continue
            s, e, w = toks[i]
            tag = info[i].tag
            if len(w) >= 2:
                kind = f"nr{len(w)}" if tag.startswith("nr") else f"unknown{len(w)}"
                if self._name_score(kind, w, toks, i, i + 1, W) > threshold:
                    out.append((s, e, "Person", w, "name-score"))
                continue
            if w not in single:
                continue
            best, best_end = threshold, 0
            for j in (i + 2, i + 3):
                if j > n:
                    break
                name = text[s:toks[j - 1][1]]
                if not 2 <= len(name) <= 3 or not _HAN.match(name) or name[0] == name[1]:
                    break
                score = self._name_score(f"split{len(name)}", name, toks, i, j, W)
                if score > best:
                    best, best_end = score, toks[j - 1][1]
            if best_end:
                out.append((s, best_end, "Person", text[s:best_end], "name-score"))
        return out

    @staticmethod
    def _name_score(kind: str, name: str, toks: list[tuple[int, int, str]], i: int, j: int, W: _Words) -> float:
        """The score of ``name`` (tokens ``i``..``j - 1``) as a person name (weights: ``ner/name_score.tsv``)."""
        if name[1:] in W.honorifics or name[1:] in W.person_after or (i and toks[i - 1][2] == "·") \
                or (j < len(toks) and toks[j][2] == "·"):
            return float("-inf")  # 陈小姐, 胡老: a surname and a title (surname-honorific); 彼得·皮奥: dot-name
        stat, log_freq = _name_stat(name, W)
        prev = toks[i - 1][2] if i else ""
        titled = W.title_before(prev) and name[0] not in W.weak_first \
            and name[0] not in _FUNCTION_CHARS  # 大队长 + 和魏鑫: the conjunction, not a surname
        left = ("title" if titled else _left_class(prev)) if i else "^"
        right = _right_class(toks[j][2], W) if j < len(toks) else "$"
        by = W.score_by
        return (W.score_bias + W.score_stat * stat
                + W.score_log_freq * log_freq
                + by["kind"].get(kind, 0.0) + by["left"].get(left, 0.0) + by["right"].get(right, 0.0))

    # -- places ----------------------------------------------------------------------------
    def _places(self, text: str, toks: list[tuple[int, int, str]], info: list[_Word], hot: list[int],
                W: _Words) -> list[tuple[int, int, str, str, str]]:
        out = []
        places, abbrev, every = W.places, W.abbrev, W.abbrev_all
        heads = W.abbrev_heads
        movers = W.movers
        person_next = W.person_next
        n = len(toks)
        for i in hot:
            s, e, w = toks[i]
            if not info[i].place:
                continue
            nxt = toks[i + 1][2] if i + 1 < n else ""
            if w in places:
                if text.startswith(W.place_not_before_kept.get(w, ()), e):
                    continue  # 中国 + 特色: the same rule as the place lexicon (places_extra.tsv not_before)
                if nxt in W.place_name_heads or nxt in W.org_suffix_set:
                    continue  # 亚太 + 酒店, 亚洲 + 论坛: part of a venue's or body's name
                if nxt in W.division_set and len(w) >= 2:
                    out.append((s, e + len(nxt), "Place", w + nxt, "place-suffix-token"))  # 维也纳 + 市
                    continue
                out.append((s, e, "Place", w, "place-list"))
            elif w in W.abbrev_words:
                out += [(s + k, s + k + 1, "Place", place, "abbrev-word") for k, place in W.abbrev_words[w]]
            elif 2 <= len(w) <= 3 and all(c in abbrev for c in w) and (
                    word_tag(w) in ("j", "ns") or not word_tag(w) and (nxt in heads or word_tag(nxt) in ("f", "n"))
                    or nxt.startswith(W.pair_next)) \
                    and w not in W.abbrev_stop and not (not word_tag(w) and nxt[:1].isdigit()):
                out += [(s + k, s + k + 1, "Place", abbrev[c], "abbrev-pair") for k, c in enumerate(w)]
            elif len(w) == 1 and w in abbrev and nxt in heads:
                out.append((s, e, "Place", abbrev[w], "abbrev-head"))
            elif len(w) >= 3 and word_tag(w) in ("n", "nt", "j", "") and w not in W.abbrev_stop \
                    and w[0] not in W.fused_not_first and (k := next(
                    (k for k in (1, 2) if w[k:] in W.fused_heads and len(w) - k >= 2 and all(c in abbrev for c in w[:k])), 0)):
                rule = "abbrev-head" if k == 1 else "abbrev-pair"
                out += [(s + q, s + q + 1, "Place", abbrev[w[q]], rule) for q in range(k)]  # 俄总统, 中英两国
            elif len(w) == 2 and w[0] in movers and w[1] in every and word_tag(w) in ("", "v", "vn", "nz", "ns"):
                out.append((s + 1, e, "Place", every[w[1]], "mover"))  # 访华, 访韩, 赴法
            elif len(w) >= 4 and w[0] in movers and w[1] in every and is_dictionary_word(w[2:]) \
                    and w not in places and word_tag(w) in ("", "n", "nt", "nz", "l", "v", "vn", "j"):
                out.append((s + 1, s + 2, "Place", every[w[1]], "mover"))  # 驻华使馆, 对华关系, 来华访问: jieba's one word
            elif len(w) == 1 and w in every and i and toks[i - 1][2] in movers and word_tag(w) in ("j", "ns") \
                    and nxt not in person_next and not (_HAN.match(nxt) and not word_tag(nxt)):
                out.append((s, e, "Place", every[w], "mover"))  # 在 + 京, 对 + 俄, 离 + 俄
            elif len(w) == 1 and w in abbrev and word_tag(w) == "j" and w not in W.translit and w != "法" \
                    and nxt not in person_next and not nxt[:1].isdigit() and not word_tag(nxt).startswith("nr"):
                out.append((s, e, "Place", abbrev[w], "abbrev-j"))  # 俄, 韩, 阿 standing alone
            elif len(w) == 1 and w in every and (
                    nxt == "、" and i + 2 < n and toks[i + 2][2] in every and word_tag(w + toks[i + 2][2]) != "ns"
                    or i > 1 and toks[i - 1][2] == "、" and toks[i - 2][2] in every):
                out.append((s, e, "Place", every[w], "abbrev-list"))  # 中、阿 建交
            elif w in abbrev and len(nxt) == 1 and nxt in abbrev and word_tag(nxt) == "j":
                out.append((s, e, "Place", abbrev[w], "abbrev-pair"))  # 中 + 韩(j) 两国
        return out

    # -- organisations ---------------------------------------------------------------------
    def _orgs(self, text: str, toks: list[tuple[int, int, str]], info: list[_Word], hot: list[int],
              W: _Words) -> list[tuple[int, int, str, str, str]]:
        out = []
        stop = W.org_stop
        known = W.known_orgs
        places = W.places
        for i in hot:  # 欧盟, 北大, 国际武联 (one token or a run of up to three)
            if not info[i].known:
                continue
            for j in range(min(len(toks), i + 3), i, -1):
                name = text[toks[i][0]:toks[j - 1][1]]
                if name in known:
                    out.append((toks[i][0], toks[j - 1][1], "Organization", name, "org-list"))
                    break
        for i in hot:
            s, e, w = toks[i]
            if not info[i].org:
                continue
            is_nt = word_tag(w) == "nt"
            if is_nt and (w in places or _endings(w, places, 3) or len(w) > 3 and w.endswith(W.landmark_heads)):
                out.append((s, e, "Place", w, "nt-landmark"))  # 北京人民大会堂 is a building, not a body
                continue
            if is_nt and w.endswith(W.unit_posts):
                continue  # 中央政治局常委 is a post, 联合国总部 a seat (organization/words.tsv unit_posts)
            if is_nt and text.startswith(W.org_field_nouns, e):
                continue  # 民族宗教工作, 国际经贸规则: jieba's nt word names a field here, not a body
            if is_nt and w.endswith(W.org_event_heads) and not w.endswith(W.org_event_bodies):
                continue  # 党员大会, 职工代表大会: jieba's nt word names a meeting here, not a body
            if is_nt and w not in stop:
                head = next((h for h in _endings(w, W.org_heads_generic) if len(w) > len(h)), "")
                if not head:
                    if _nt_names_a_body(w, W):  # not 新兴产业, 中央财政, 中西部: phrases jieba's dictionary tags nt
                        out.append((s, e, "Organization", w, "nt"))
                elif w[:-len(head)] in W.places:
                    out.append((s, e - len(head), "Place", w[:-len(head)], "nt-place"))  # 印度政府 → 印度
                elif 2 <= len(w) - len(head) <= 3 and all(c in W.abbrev for c in w[:-len(head)]):
                    out += [(s + k, s + k + 1, "Place", W.abbrev[c], "abbrev-pair")  # 中美关系 → 中, 美
                            for k, c in enumerate(w[:-len(head)])]
                continue
            # a suffix word (代表团, 队) or an unknown word ending in one (日报社), read leftwards
            suf = _org_suffix(w, W.lex)
            if not suf or text[s - 1:s].isdigit():
                continue  # 1号岗队 is a numbered unit
            if w in W.org_phrase_suffixes and text.startswith("的", e):
                continue  # ner.org-suffix.set_phrase: 机关|党|的工作, 新时代|党|的建设: 党的X is a set phrase, no party's name
            j = i
            while j > 0 and self._name_part(toks[j - 1][2], W) and i - j < 4:
                j -= 1
            if w == suf and word_tag(w).startswith("v") and j < i and all(toks[k][2] in W.places or word_tag(toks[k][2]) == "ns" for k in range(j, i)):
                continue  # ner.org-suffix.place_verb: 广东|组织|宣讲团: a place and a suffix word jieba tags as a verb is what the place does
            if w == suf and word_tag(w).startswith("v") and i + 1 < len(toks) and toks[i + 1][2] in W.org_verb_objects:
                continue  # ner.org-suffix.verb_object: 国家机关|组织|干部|召开, 全县|组织|开展: a suffix word jieba tags as a verb,
                # followed by the people it sets to work or by the verb it governs, is what the body before it does
            if j < i and suf in W.org_joined_heads and j >= 2 and toks[j - 1][2] in W.org_joiners and self._joined_part(toks, j - 2, W):
                j -= 2  # ner.org-suffix.joined: 解放军|和|武警部队|代表团, 中央|和|国家机关|代表团: one delegation of two parts
            if j == i and len(w) == len(suf):
                continue
            start = toks[j][0]
            start = e - len(trim_lead(text[start:e], W.lex))  # 一是集团, 由县医院: not the enumerator or the preposition
            if w in W.org_heads_generic and (text[start:s] in W.places or text[start:s] in W.abbrev):
                continue  # 菲律宾 + 政府 is the place, as for the nt word 印度政府
            if e - start >= 3 and text[start:e] not in stop:
                out.append((start, e, "Organization", text[start:e], "org-suffix"))
        return out

    @staticmethod
    def _press_titles(text: str, toks: list[tuple[int, int, str]], place_spans: set[tuple[int, int]],
                      W: _Words) -> list[tuple[int, int, str, str, str]]:
        """A newspaper or news periodical named in 《》 (《纽约时报》, 《朝日新闻》; ``press_title_heads``).

        The title is the publisher's name: People's Daily marks it as an organisation, with the
        region written before it when there is one (华北《人民日报》: one paper of several so named).
        A document found over the same title (the Document extractor runs first) stays one.
        """
        out = []
        before = {e: (s, w) for s, e, w in toks}
        for m in _PRESS_TITLE.finditer(text, toks[0][0], toks[-1][1]):
            name = m.group(1)
            if not name.endswith(W.press_heads) or "的" in name or len(name) <= 2:
                continue
            s, w = before.get(m.start(), (0, ""))
            if w and (w in W.places or word_tag(w) == "ns" or (s, m.start()) in place_spans):
                out.append((s, m.end(), "Organization", text[s:m.end()], "press-title"))
            else:
                out.append((m.start(1), m.end(1), "Organization", name, "press-title"))
        return out

    @staticmethod
    def _venues(text: str, toks: list[tuple[int, int, str]], info: list[_Word], hot: list[int],
                place_spans: set[tuple[int, int]], W: _Words) -> list[tuple[int, int, str, str, str]]:
        """A venue named by the name before its head (德黑兰 + 机场, 虹口 + 体育馆, 广元 + 火车站; ``place_venue_heads``).

        People's Daily marks the venue as one place, without the city or province written before
        it (上海 + 虹口体育馆); the name may be a place another extractor found (广元), which the
        venue then contains (``precedence.tsv``)."""
        out = []
        for k in hot:
            if not k or not info[k].venue:
                continue  # a venue head, or a building jieba joined (约翰逊 + 太空中心, 南非 + 国家博物馆)
            s, e, w = toks[k - 1]
            tag = word_tag(w)
            if len(w) >= 2 and _HAN.match(w) and w not in W.person_stop and (
                    (s, e) in place_spans or w in W.places
                    or (tag in ("ns", "nz", "nr", "nrt") or not tag) and W.freq.get(w, 0) < _VENUE_NAME_MAX_FREQ):
                out.append((s, toks[k][1], "Place", text[s:toks[k][1]], "place-venue"))
        return out

    def _place_grammar(self, text: str, toks: list[tuple[int, int, str]], info: list[_Word], hot: list[int],
                       W: _Words) -> list[tuple[int, int, str, str, str]]:
        """Places read from their form rather than from a list (``ner/words.tsv``: ``place_*``).

        * a name word jieba knows (ns/nr/nz) ending in a place suffix: 白湖乡, 恰帕斯州, 肯特郡, 大昭寺;
        * a name-like token followed by a one-character division suffix token: 塔科马 + 市, 窑河 + 乡;
        * a listed place fused with a word about it: 东北地区 → 东北, 法国人 → 法国, 德国总理 → 德国
          (People's Daily marks the place alone; the place lexicon's not_before still applies: 中国人);
        * two country abbreviations, fused (中日) or as two one-character tokens (中 + 美)."""
        out = []
        suffixes, divisions, word_heads = W.place_suffixes, W.divisions, W.place_word_heads
        places, abbrev = W.places, W.abbrev
        visit = []  # in text order: the tokens flagged, and a name-like token before a division token
        for i in hot:
            if info[i].division and i and info[i - 1].before_division and not info[i - 1].grammar:
                visit.append(i - 1)
            if info[i].grammar:
                visit.append(i)
        for i in visit:  # (each a Han word that is no listed place)
            s, e, w = toks[i]
            tag, nxt = info[i].tag, toks[i + 1][2] if i + 1 < len(toks) else ""
            if len(w) == 3 and not tag and w[-1] in W.village_chars and w[0] not in _FUNCTION_CHARS \
                    and w[0] not in W.place_determiners \
                    and not is_dictionary_word(w[:2]) and not is_dictionary_word(w[1:]):
                out.append((s, e, "Place", w, "place-unknown-village"))  # 陇穷村, 崇皇乡: a name jieba does not know
            elif len(w) >= 3 and w[-1] in suffixes and tag in ("ns", "nr", "nz") and (
                    not word_tag(w[-2:]).startswith("n")
                    or tag == "ns" and w[-1] in divisions and w[0] not in W.place_determiners
                    and w not in W.place_suffix_stop):  # 小河口镇, 华西村; not 各乡镇, 城中村
                out.append((s, e, "Place", w, "place-suffix"))
            elif len(w) >= 2 and nxt in divisions and (tag in ("ns", "nz", "nr", "nrt") or not tag) \
                    and w[-1] not in W.bad_last and not W.known_orgs & {w}:
                out.append((s, e + 1, "Place", w + nxt, "place-suffix-token"))
            elif len(w) == 2 and all(c in abbrev for c in w) and tag == "t":
                out += [(s + k, s + k + 1, "Place", abbrev[c], "abbrev-pair") for k, c in enumerate(w)]  # 中日
            elif len(w) == 1 and w in abbrev and len(nxt) == 1 and nxt in abbrev and word_tag(nxt) in ("ns", "j"):
                out += [(s, e, "Place", abbrev[w], "abbrev-pair"), (e, e + 1, "Place", abbrev[nxt], "abbrev-pair")]  # 中 + 美
            else:
                k = next((k for k in range(len(w) - 1, 1, -1) if w[:k] in places and w[k:] in word_heads), 0)
                if k and not text.startswith(W.place_not_before.get(w[:k], ()), s + k):
                    out.append((s, s + k, "Place", w[:k], "place-word-head"))
        return out

    def _place_headed_orgs(self, text: str, toks: list[tuple[int, int, str]], info: list[_Word], hot: list[int],
                           place_spans: set[tuple[int, int]], org_starts: set[int], W: _Words) -> list[tuple[int, int, str, str, str]]:
        """An institution named by its place: a place, up to three nominal tokens, an institution head
        (巴西 + 足球队, 衡阳 + 有色 冶金 机械 + 总厂, 美国 + 财政部[长]).

        The head word may be an ordinary word (足球队, 出版社): the place in front is what makes the
        phrase a name, so the phrase is read only when it starts at a place (People's Daily annotates
        the whole phrase as the organisation, the place nested in it). A token ending in 部长 names
        the ministry without the 长 (司法部长 → 司法部), with or without a place.

        The phrase may contain a body another extractor found (大连 + 化工集团公司, 中国 + 青年志愿者协会:
        ``precedence.tsv`` lets this rule nest it), but not one that opens with its own place
        (长沙市 + 芙蓉区人民法院 are a city and a district's court, named apart)."""
        out = []
        heads, tails, breakers, mid_tags = W.headed_heads, W.headed_tails, W.headed_breakers, W.headed_mid_tags

        def is_place(k: int) -> bool:
            s, e, w = toks[k]
            return w in W.places or (s, e) in place_spans or word_tag(w) == "ns"

        for i in hot:
            s, e, w = toks[i]
            if not info[i].headed:  # (a Han word, no listed place, not ending in a not-head)
                continue
            minister = len(w) >= 4 and w.endswith("部长")
            bare = w == "部长"  # 芬兰 + 农林 + 部长: the ministry is named by the words before a bare 部长
            end = e - 1 if minister or bare else e
            if bare and not (i >= 2 and info[i - 1].han and info[i - 1].tag in mid_tags):
                continue
            if not (minister or bare or w.endswith(heads) or w[-1] in tails):
                continue
            if not minister and text.startswith(W.post_suffixes, e):
                continue  # 培训班组织 + 员: a post (组织员), not an institution
            if minister and i + 1 < len(toks) and toks[i + 1][2] in W.ministers_meeting_heads:
                continue  # ner.org-place-head.ministers_meeting: 全国统战部长 + 会议, 外交部长 + 会议: the meeting of the
                # heads of that kind of department, wherever they sit; no one department is named
            start, k = (s if minister else None), i - 1
            first = i  # the index of the name's first token
            while k >= 0 and i - k <= 4:
                kw = toks[k][2]
                if kw in breakers:
                    break
                if is_place(k):
                    if toks[k][0] in org_starts:
                        break  # 芙蓉区人民法院 opens with its own place: the place before it is not part of it
                    start, first = toks[k][0], k
                elif not info[k].han or info[k].tag not in mid_tags:
                    break
                k -= 1
            if start is not None and not minister and word_tag(w).startswith("v") and all(is_place(x) for x in range(first, i)):
                continue  # ner.org-place-head.verb_head: 广东|组织|宣讲团: a place and a head word jieba tags as a verb is what the place does
            if start is not None and end - start >= 3 and not (bare and start == toks[i - 1][0]):
                out.append((start, end, "Organization", text[start:end], "org-place-head"))
        return out

    @staticmethod
    @lru_cache(maxsize=1 << 16)  # a pure function of the word; tokens repeat across sentences
    def _given_char(c: str, W: _Words) -> bool:
        """Whether a one-character token may end a three-character name cut after two (张洁 + 清)."""
        return len(c) == 1 and bool(_HAN.match(c)) and c not in W.bad_last and c not in _FUNCTION_CHARS \
            and c not in W.name_bad_next and not word_tag(c).startswith(("v", "p", "c", "u", "d", "r", "m", "q", "f", "y", "e", "zg"))

    @staticmethod
    def _joined_part(toks: list[tuple[int, int, str]], k: int, W: _Words) -> bool:
        """ner.org-suffix.joined: the token before a delegation's 和 is its first part: a body's name or a noun word (解放军,
        中央), not a place (西藏和甘肃代表团 are two), nor after a determiner or a count (各国和地区代表团, 30个国家和地区代表团
        are many delegations)."""
        w = toks[k][2]
        if not _HAN.match(w) or w in W.org_stop or w in W.places or word_tag(w) not in ("nt", "nz", "n", ""):
            return False  # (西藏和甘肃代表团 are two delegations: places name one each)
        before = toks[k - 1][2] if k > 0 else ""
        return not (before and (before[-1] in W.place_determiners or before[-1] in "个" or before[-1].isdigit()))

    @staticmethod
    @lru_cache(maxsize=1 << 16)  # a pure function of the word; tokens repeat across sentences
    def _name_part(w: str, W: _Words) -> bool:
        """Whether a token may sit inside an organisation name (places, names, unknown words)."""
        if not _HAN.match(w):
            return False
        if w in W.places or w in W.abbrev:
            return True
        tag = word_tag(w)
        if not tag and w[0] in W.org_not_first_chars:
            return False  # ner.org-suffix.demonstrative: 这是|日本众议院, 称美|银行: a word jieba guessed around a demonstrative or a verb
        return tag in ("ns", "nt", "nz", "") and w not in W.org_stop
