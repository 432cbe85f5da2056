"""The edit spans from libyaml's parser against the pure-Python parser's, the reference: the same
tree (kinds, offsets, styles, values) for every text the loader lets an edit open.

Inputs: the YAML spec corpus, the bundled records, the benchmark generator's folders, hypothesis
records full of YAML 1.1 traps and their mutations (``test_fastyaml_diff``'s strategies), and
flow mappings with empty values, where the two parsers mark differently and ``spans`` corrects it.
Texts libyaml (the loader) refuses are never edited, so only its accepted texts must agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from tests.test_fastyaml_diff import PIECES, SEEDS, _mapping
from wksbm_cli.authoring.edit import spans
from wksbm_cli.errors import WksbmError
from wksbm_cli.load.files import decode
from wksbm_cli.load.yamldoc import load_document

ROOT = Path(__file__).parent.parent
CORPUS = sorted((Path(__file__).parent / "data" / "yaml_corpus").glob("*.yaml"))

pytestmark = pytest.mark.skipif(spans.CLoader is None, reason="PyYAML without libyaml")


def _spans(text: str, loader: type | None) -> spans.Node | str:
    try:
        return spans.parse_spans(text, loader)
    except WksbmError as exc:
        return exc.message_key


def agree(text: str) -> None:
    """Where libyaml (the loader) reads the text without a problem, the default parser gives the
    pure parser's tree, or refuses it the same way."""
    if load_document(text).issues:
        return
    assert _spans(text, None) == _spans(text, yaml.SafeLoader), text


def _texts(folder: Path) -> list[str]:
    out = []
    for path in sorted(folder.rglob("*.yaml")):
        text = decode(path.read_bytes()).text
        if text is not None:
            out.append(text)
    return out


def test_corpus_and_records() -> None:
    texts = _texts(Path(__file__).parent / "data") + _texts(ROOT / "records")
    assert len(texts) > 200
    for text in texts:
        agree(text)


def test_generated_folder(tmp_path: Path) -> None:
    generate(str(tmp_path), 60)
    texts = _texts(tmp_path)
    assert len(texts) > 60
    for text in texts:
        agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: {x: , y: 1}\n",
        "a: {x: }\n",
        "a: {x:   , y: 1}\r\n",
        "a: {x:\n    , y: 1}\n",
        'a: {"x" : , y: 1}\n',
        "a: [x: ]\n",
        "a: [{x: }, {y: }]\n",
        "a: {x: , y: }\nb:\n  - {c: }\n",
    ],
)
def test_empty_values_in_flow(text: str) -> None:
    """libyaml marks an empty flow value at the next token, the pure parser after the colon:
    an entry added after it lands where it always did."""
    agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "\r\n\ufeffa: 1\n",  # a BOM inside: counted differently
        "a: [!, 2]\n",  # an empty value with a tag: marked differently
        "{a: !, b: 1}\n",
        "a: {? : 1, x: \n2}\r\n",  # an explicit empty key in a flow
        "a: [x?]\n",  # refused by the pure parser alone: the edit stays refused
        "a: {x: 1, av?g: 2}\n",
        "a: |+# %x\n  y\n",
        "stats: |# 65 Home Runs\n",
    ],
)
def test_texts_the_two_parsers_disagree_on_keep_the_pure_one(text: str) -> None:
    """Found by the mutation test: such texts are parsed by the pure parser, as before."""
    agree(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_mapping(), crlf=st.booleans())
def test_made_up_records(body: str, crlf: bool) -> None:
    agree(body.replace("\n", "\r\n") if crlf else body)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_inputs(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(SEEDS))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(st.sampled_from(PIECES)) + text[at + cut :]
    agree(text)
