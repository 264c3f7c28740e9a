"""Which moves the rules allow, on small maps checked by hand."""

from __future__ import annotations

from argmap.debate.rules import distinct_moves, legal_replies, replies_to, search_replies
from argmap.sides import Side
from tests.debate.small_maps import chain, with_undercut_and_link


def moves(replies: list) -> set[tuple[str, str]]:
    return {(r.claim_id, r.relation_id) for r in replies}


def test_opening_moves_support_for_pro_attack_for_con() -> None:
    m = chain()
    played = {"m": Side.PRO}
    assert moves(legal_replies(m, played, Side.PRO)) == {("p", "rp")}
    assert moves(legal_replies(m, played, Side.CON)) == {("a", "ra")}


def test_a_side_may_attack_only_the_other_sides_claims() -> None:
    m = chain()
    played = {"m": Side.PRO, "a": Side.CON}
    assert moves(legal_replies(m, played, Side.PRO)) == {("p", "rp"), ("b", "rb")}
    # Con cannot attack its own claim a with b, nor play what is already played.
    assert moves(legal_replies(m, played, Side.CON)) == set()


def test_linked_premises_are_played_together() -> None:
    m = with_undercut_and_link()
    replies = legal_replies(m, {"m": Side.PRO}, Side.PRO)
    by_claim = {r.claim_id: r for r in replies}
    assert set(by_claim) == {"x", "y"}
    assert by_claim["x"].together == ("y",) and by_claim["y"].together == ("x",)
    assert by_claim["x"].claims == ("x", "y")
    # ... and offered once: x with y and y with x are the same move.
    assert [r.claims for r in distinct_moves(replies)] == [("x", "y")]


def test_a_linked_move_is_found_by_either_premise() -> None:
    m = with_undercut_and_link()
    replies = distinct_moves(legal_replies(m, {"m": Side.PRO}, Side.PRO))
    assert [r.claim_id for r in search_replies(m, replies, "says y")] == ["x"]


def test_undercut_needs_the_link_in_play_and_owned_by_the_other_side() -> None:
    m = with_undercut_and_link()
    assert ("u", "ru") not in moves(legal_replies(m, {"m": Side.PRO}, Side.CON))
    played = {"m": Side.PRO, "x": Side.PRO, "y": Side.PRO}
    assert ("u", "ru") in moves(legal_replies(m, played, Side.CON))
    assert ("u", "ru") not in moves(legal_replies(m, played, Side.PRO))
    undercut = next(r for r in legal_replies(m, played, Side.CON) if r.claim_id == "u")
    assert undercut.target == "m"  # the conclusion of the link it cuts


def test_replies_to_the_last_move_include_undercuts_of_its_link() -> None:
    m = with_undercut_and_link()
    played = {"m": Side.PRO, "x": Side.PRO, "y": Side.PRO}
    replies = legal_replies(m, played, Side.CON)
    assert moves(replies_to(m, replies, ["x", "y"])) == {("u", "ru")}
    assert moves(replies_to(m, replies, ["m"])) == {("a", "ra")}


def test_search_matches_every_word_in_text_or_id() -> None:
    m = chain()
    replies = legal_replies(m, {"m": Side.PRO, "a": Side.CON}, Side.PRO)
    assert moves(search_replies(m, replies, "CLAIM b")) == {("b", "rb")}
    assert search_replies(m, replies, "claim zebra") == []
    assert search_replies(m, replies, "   ") == []


def test_a_round_offers_a_linked_move_once_and_plays_it_by_either_id() -> None:
    from argmap.debate.round import Round, settings_for

    m = with_undercut_and_link()
    rnd = Round(m, settings_for(m, first=Side.PRO))
    assert [r.claims for r in rnd.replies()] == [("x", "y")]
    assert rnd.reply_for("y").claims == ("y", "x")
