"""Helpers for the tests: locating ``../shared``, reading real articles, running the real extractors.

Nothing here mocks an extractor: every helper runs the project's code (jieba,
lexicons, rules) on real text read at test time.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: ``../shared`` beside the repository (the corpus, gold annotations and reference scorer).
SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"


@cache
def load_script(path: Path) -> ModuleType:
    """A script that is not a package module (benchmarks/*.py, the scorer, a gold folder's materialize.py), loaded once.

    Registered in ``sys.modules`` under its stem so that its dataclasses resolve their annotations there.
    """
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None, path
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def sample_articles() -> int:
    """How many articles ``kg build samples`` reads (the texts, the JSONL records and ``samples/kinds/``)."""
    from kg.ingest import read_inputs
    from kg.model import Article

    return sum(isinstance(a, Article) for a in read_inputs([SAMPLES]))


def need_shared(*parts: str) -> Path:
    """``SHARED/parts...``, skipping the calling test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared beside the repository holds the real corpus); "
                    "this test reads real text from it")
    return path


def corpus_file(name: str) -> Path:
    """A real article: ``seeds/NAME``, ``corpus/dev/NAME``, ``corpus/unlabeled/NAME`` or ``corpus/noisy/NAME``."""
    need_shared()
    for folder in ("seeds", "corpus/dev", "corpus/unlabeled", "corpus/noisy"):
        p = SHARED / folder / name
        if p.exists():
            return p
    pytest.skip(f"{name} not found under {SHARED}")


SEED = "000_e8dd6484fe976b41.txt"


@cache
def article(path: Path):
    """The Article exactly as ``kg build PATH`` reads it (id = file stem)."""
    from kg.ingest import read_inputs
    from kg.model import Article

    items = list(read_inputs([path]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@cache
def extract_file(path: Path):
    """``kg.pipeline.extract`` of one file (cached: several tests read the same article)."""
    from kg.pipeline import extract

    return extract(article(path))


def sentence_with(path: Path, needle: str) -> str:
    """The first sentence of a real article that contains ``needle`` (fails loudly if the corpus changed)."""
    text = article(path).text
    for s in re.findall(r"[^。！？\n]*[。！？]?", text):
        if needle in s:
            return s.strip()
    raise AssertionError(f"{needle!r} no longer occurs in {path}")


def extract_text(text: str, id: str = "t"):
    from kg.model import Article
    from kg.pipeline import extract

    return extract(Article(id=id, text=text))


def run_until(text: str, last: str):
    """A ``Doc`` after running the default pipeline up to and including the component named ``last``."""
    from extractors import default_pipeline
    from kg.model import Article
    from kg.pipeline import make_doc

    doc = make_doc(Article(id="t", text=text))
    names = []
    for component in default_pipeline():
        component(doc)
        names.append(component.name)
        if component.name == last:
            return doc
    raise AssertionError(f"no component {last!r} in {names}")


def labels(result, type_: str) -> set[str]:
    """Labels of the entities of one class in an ArticleResult."""
    return {label for (t, label) in result.entities if t == type_}


def entity(result, type_: str, label: str):
    ent = result.entities.get((type_, label))
    assert ent is not None, f"no {type_} {label!r}; have {sorted(labels(result, type_))}"
    return ent


def rels(result, predicate: str) -> set[tuple[str, str]]:
    """(subject label, object label) of one relation in an ArticleResult."""
    return {(r.subject[1], r.object[1]) for r in result.relations if r.predicate == predicate}


def promoted_by(result, subject: str) -> set[str]:
    """What ``subject`` (a label) promotes in ``result``: the question most attribution tests ask."""
    return {o for s, o in rels(result, "promotes") if s == subject}


def check_promotes(text: str, subject: str, said=(), not_said=()) -> set[str]:
    """What ``subject`` promotes in ``extract_text(text)``, asserting it promotes every label of ``said`` and none
    of ``not_said``; a failure shows what the subject promotes and every ``promotes`` relation of the text."""
    res = extract_text(text)
    promoted = promoted_by(res, subject)
    why = f"{subject} promotes {sorted(promoted)}; all promotes: {sorted(rels(res, 'promotes'))}"
    for label in not_said:
        assert label not in promoted, why
    for label in said:
        assert label in promoted, why
    return promoted


def mention_labels(doc, type_: str) -> set[str]:
    return {m.label for m in doc.mentions if m.type == type_}


def texts_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


#: An article appended to a copy of ``samples/`` by the cache tests: a rebuild must take in exactly it.
APPENDED = "市总工会召开主席办公会，学习贯彻市委全会精神，大兴“五种风气”。\n"


def cli_build(out: Path, *inputs: Path, cache: Path | None = None, formats: str | None = None) -> str:
    """``kg build INPUTS -o OUT --no-progress [--cache CACHE] [--formats FORMATS]`` in-process; its stderr
    (the summary the cache tests read their counts from, :func:`summary_count`). Fails unless it exits 0."""
    from click.testing import CliRunner

    from kg.cli import cli

    args = ["build", *map(str, inputs), "-o", str(out), "--no-progress"]
    args += ["--cache", str(cache)] if cache is not None else []
    args += ["--formats", formats] if formats else []
    res = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    return res.stderr


def summary_count(stderr: str, label: str) -> int | None:
    """The count ``LABEL N`` of a build's summary (``block hits``, ``graph kept``, ...), None when not reported."""
    m = re.search(rf"{re.escape(label)} (\d+)", stderr)
    return int(m.group(1)) if m else None


def store_dump(out: Path) -> list[str]:
    """The quads of the build's store ``OUT/graph.oxigraph``, sorted: equal for the same set of quads."""
    import pyoxigraph as ox

    return sorted(str(q) for q in ox.Store.read_only(str(out / "graph.oxigraph")))
