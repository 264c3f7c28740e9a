"""Issue 15: importer steps that grew faster than their input.

Each test has a small input in tests/data/hostile (what the fix must still
get right) and a generated one big enough that the old quadratic step took
many seconds; the time bounds leave room for a machine shared by four.
"""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

from argmap.formats.aif import read_aif
from argmap.formats.argdown import read_argdown

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"


def test_aif_node_ids_that_make_the_same_claim_id_get_suffixes() -> None:
    path = HOSTILE / "aif-colliding-ids.json"
    m = read_aif(path.read_text(encoding="utf-8"), str(path)).map
    assert [(c.id, c.text) for c in m.claims] == [
        ("x", "First claim"),
        ("x-2", "Second claim"),
        ("x-3", "Third claim"),
        ("x-2-2", "A real x-2"),
    ]
    assert [(r.sources, r.target) for r in m.relations] == [(("x-2",), "x")]


def test_five_thousand_colliding_aif_ids_take_linear_time() -> None:
    # Appending "_" until free took 11 s here (each try hashes a longer id).
    marks = "!#$%&()*+,/:;<=>?@[]^"
    ids = ["x" + "".join(p) for p in itertools.islice(itertools.product(marks, repeat=3), 5000)]
    text = json.dumps(
        {
            "nodes": [{"nodeID": i, "text": f"claim {k}", "type": "I"} for k, i in enumerate(ids)],
            "edges": [],
        }
    )
    start = time.perf_counter()
    m = read_aif(text, "collide.json").map
    assert time.perf_counter() - start < 3.0
    assert len({c.id for c in m.claims}) == 5000 and m.claims[-1].id == "x-5000"
    assert max(len(c.id) for c in m.claims) == 6


def test_a_repeated_argdown_statement_keeps_each_tag_and_text_once() -> None:
    path = HOSTILE / "argdown-repeated.argdown"
    result = read_argdown(path.read_text(encoding="utf-8"), str(path))
    claim = result.map.claim("S")
    assert claim.themes == ("one", "two", "three")
    assert claim.note == "Also stated as: Said another way."


def test_a_statement_mentioned_twenty_thousand_times_takes_linear_time() -> None:
    # `tags += [t for t in tags if t not in target.tags]` rescanned the list
    # per mention: 6.4 s for this input.
    text = "".join(f"[S]: the same statement #(t{i})\n\n" for i in range(20000))
    start = time.perf_counter()
    claim = read_argdown(text, "repeated.argdown").map.claim("S")
    assert time.perf_counter() - start < 3.0
    assert len(claim.themes) == 20000 and claim.themes[-1] == "t19999"
