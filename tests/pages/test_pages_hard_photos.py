"""Hard photos (issue 10): hard shadows, small documents on dark and busy desks, a second sheet
and a table edge in view, near-blank and ruled pages. The rule tested here is honesty: a page
whose corners are wrong must come with a confidence under the level at which the GUI asks the
clerk (ASK_CLERK_BELOW). bench/pages/hard_set.py reports the rates on the full set.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from hall_client.pages.confidence import (
    ASK_CLERK_BELOW,
    UPRIGHT_UNSURE_BELOW,
    page_confidence,
    upright_as_page_confidence,
)
from hall_client.pages.decode import read_bytes
from hall_client.pages.detect import _hough_lines, aspect_plausibility
from hall_client.pages.pipeline import PreparedPage, prepare_source
from hall_client.pages.profiles import get_profile
from hall_client.pages.quality import decode_grey, ssim_against
from tests.pages.synthetic import (
    HARD_KINDS,
    Photo,
    corner_error,
    hard_photograph,
    photograph,
    render_page,
    upright_on_a4,
)

PROFILE = get_profile("construction-permit")
PER_KIND = 2


@pytest.fixture(scope="module")
def judged() -> list[tuple[str, int, float, float, int, list[str], float]]:
    out = []
    for i, kind in enumerate(HARD_KINDS):
        for j in range(PER_KIND):
            seed = 20_000 + 100 * i + j
            photo = hard_photograph(kind, seed)
            src = read_bytes(photo.jpeg, f"{kind}.jpg", PROFILE.largest_size()[1])[0]
            page = prepare_source(src, PROFILE)
            err = corner_error(np.array(page.corners), photo.corners)
            turn = upright_on_a4(decode_grey(page.encoded.data), photo.flat)
            edge = page.edge_confidence
            assert edge is not None
            out.append((kind, seed, err, page.confidence, turn, page.warnings, edge))
    return out


def test_every_corner_miss_asks_the_clerk(judged: list) -> None:
    silent = [
        (k, s, round(e, 3), round(c, 2))
        for k, s, e, c, _, _, _ in judged
        if e >= 0.01 and c >= ASK_CLERK_BELOW
    ]
    assert not silent, silent
    # and the set is not so hard that nothing is found
    assert np.mean([e < 0.01 for _, _, e, _, _, _, _ in judged]) >= 0.7


def test_every_turn_miss_asks_the_clerk(judged: list) -> None:
    silent = [
        (k, s, t, round(c, 2)) for k, s, _e, c, t, _, _ in judged if t != 0 and c >= ASK_CLERK_BELOW
    ]
    assert not silent, silent


def test_low_confidence_pages_carry_a_warning(judged: list) -> None:
    for kind, seed, _e, conf, _t, warnings, edge in judged:
        if edge < ASK_CLERK_BELOW:
            assert any("四角" in w for w in warnings), (kind, seed, warnings)
        if conf < ASK_CLERK_BELOW:
            assert any("四角" in w or "正立" in w for w in warnings), (kind, seed, warnings)


def test_near_blank_and_ruled_pages_upright_or_unsure(judged: list) -> None:
    for kind, seed, err, _c, turn, warnings, _edge in judged:
        if kind in ("near-blank", "ruled") and err < 0.01:
            assert turn == 0 or any("正立" in w for w in warnings), (kind, seed, turn)


def test_shadow_edge_is_not_taken_for_the_sheet() -> None:
    # the photo from the issue: a hard diagonal shadow across the sheet
    photo = hard_photograph("shadow", 20_000)
    src = read_bytes(photo.jpeg, "shadow.jpg", PROFILE.largest_size()[1])[0]
    page = prepare_source(src, PROFILE)
    err = corner_error(np.array(page.corners), photo.corners)
    assert err < 0.01 or page.confidence < ASK_CLERK_BELOW
    assert page.confidence < 1.0 or err < 0.01


def test_a_shadow_edge_running_on_over_the_desk_is_no_side() -> None:
    # fresh set, seed 16: the shadowed part of a ruled sheet on a green mat came out as the
    # page (error 0.54, confidence 0.90). Past the sheet, the shadow's edge darkens the desk by
    # the share it darkens the paper: 40 grey levels against 104, but the same ratio.
    err, confidence, _method = _prepared("ruled", 16_020_604)
    assert err < 0.01 or confidence < ASK_CLERK_BELOW, (round(err, 3), confidence)


def test_ruled_page_turned_wrong_is_never_silent() -> None:
    # development set: this ruled page came out upside down with confidence 1.00 (edge only)
    photo = hard_photograph("ruled", 20_609)
    src = read_bytes(photo.jpeg, "ruled.jpg", PROFILE.largest_size()[1])[0]
    page = prepare_source(src, PROFILE)
    turn = upright_on_a4(decode_grey(page.encoded.data), photo.flat)
    assert turn == 0 or page.confidence < ASK_CLERK_BELOW, (turn, page.confidence)


def test_unsure_turn_is_asked_like_unsure_corners() -> None:
    assert upright_as_page_confidence(UPRIGHT_UNSURE_BELOW) == pytest.approx(ASK_CLERK_BELOW)
    assert upright_as_page_confidence(UPRIGHT_UNSURE_BELOW - 0.01) < ASK_CLERK_BELOW
    assert upright_as_page_confidence(1.0) == pytest.approx(1.0)
    assert upright_as_page_confidence(0.0) == 0.0
    assert page_confidence(0.9, 0.1) < ASK_CLERK_BELOW
    assert page_confidence(0.5, 1.0) == 0.5


def test_aspect_far_from_every_known_size_is_implausible() -> None:
    assert aspect_plausibility(2**0.5) == 1.0
    assert aspect_plausibility(85.6 / 54.0) == 1.0
    assert aspect_plausibility(7.3) < ASK_CLERK_BELOW
    assert aspect_plausibility(1.05) < 1.0


@pytest.mark.parametrize("seed", [20_100, 20_101, 20_102])
def test_small_card_on_dark_desk_has_no_dark_halo(seed: int) -> None:
    photo = hard_photograph("card-dark", seed)
    src = read_bytes(photo.jpeg, "card.jpg", PROFILE.largest_size()[1])[0]
    page = prepare_source(src, PROFILE)
    assert corner_error(np.array(page.corners), photo.corners) < 0.01
    grey = decode_grey(page.encoded.data)
    # the card sits centred on white; the outermost rows and columns of its box are the card's
    # own light background, never the dark desk
    ys, xs = np.nonzero(grey < 250)
    box = grey[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    ring = np.concatenate(
        [box[:3].ravel(), box[-3:].ravel(), box[:, :3].ravel(), box[:, -3:].ravel()]
    )
    assert float(np.median(ring)) > 120, float(np.median(ring))
    assert cv2.countNonZero((grey < 80).astype(np.uint8)) < 0.2 * grey.size


@pytest.mark.parametrize(("kind", "seed"), [("shadow", 20_001), ("second-sheet", 20_403)])
def test_faint_side_is_found(kind: str, seed: int) -> None:
    # a side against a second white sheet or deep in a shadow steps by a few grey levels: the
    # strong-edge Hough stage never saw it and the page fell back to the whole photo
    photo = hard_photograph(kind, seed)
    src = read_bytes(photo.jpeg, f"{kind}.jpg", PROFILE.largest_size()[1])[0]
    page = prepare_source(src, PROFILE)
    assert corner_error(np.array(page.corners), photo.corners) < 0.01, page.method


def test_frame_printed_inside_a_licence_does_not_hold_its_sides() -> None:
    # a business licence on a busy grey desk: its printed border held the sides (error 1.3%)
    # and, being unsure, the page fell back to the whole photo. Later the sides were right but
    # the judge, probing the border 8 px in, took a side for a printed line and asked the clerk
    err, confidence, method = _prepared("card-busy", 20_204)
    assert err < 0.01, method
    assert confidence >= ASK_CLERK_BELOW, confidence


@pytest.mark.parametrize("seed", [6_020_201, 6_020_206, 13_020_202])
def test_frame_printed_just_inside_a_licence_edge_is_not_its_edge(seed: int) -> None:
    # the border printed a few pixels inside the edge is a dark line whose outer flank is the
    # strongest gradient there: the fit took it for the edge (error 1.4-3.0%)
    err, _confidence, method = _prepared("card-busy", seed)
    assert err < 0.01, method


@pytest.mark.parametrize(
    ("kind", "seed"), [("card-busy", 6_020_201), ("card-busy", 13_020_203), ("ruled", 20_604)]
)
def test_a_page_turned_on_its_side_is_turned_upright(kind: str, seed: int) -> None:
    # a licence: the specks left of its printed frame were most of the ink's blobs, the
    # character size came out 4 px against 23, the smear joined no line and the text axis was a
    # coin flip. A guard: with characters measured right, the smear joined a ruled page's dashed
    # margin into one hairline whose elongation outweighed its few lines (upside down, 0.06)
    photo, page = _page(kind, seed)
    assert corner_error(np.array(page.corners), photo.corners) < 0.01, page.method
    assert upright_on_a4(decode_grey(page.encoded.data), photo.flat) == 0
    assert page.rotation_confidence >= UPRIGHT_UNSURE_BELOW, page.rotation_confidence


@pytest.mark.parametrize(
    ("kind", "seed"), [("second-sheet", 10_020_403), ("near-blank", 14_020_510)]
)
def test_a_dip_under_a_side_is_no_step(kind: str, seed: int) -> None:
    # a guard, seen mid-work: reading the inside a few pixels in took a dark dip under a side
    # (a second sheet's shadowed edge across the page) for a step, and a page and a strip of
    # the sheet under it passed at 0.93 (error 9.7%), a silent miss
    err, _confidence, method = _prepared(kind, seed)
    assert err < 0.01, method


def test_a_side_pulled_onto_a_block_under_a_card_is_refitted() -> None:
    # an ID card's side running over a pale clutter block came out tilted from one close refit
    # (error 1.5%, confidence 0.85: a silent miss on an unseen seed)
    err, _confidence, method = _prepared("card-busy", 12_020_207)
    assert err < 0.01, method


@pytest.mark.parametrize(("kind", "seed"), [("ruled", 1_020_607), ("card-dark", 1_020_102)])
def test_shadow_remnant_does_not_turn_the_page_silently(kind: str, seed: int) -> None:
    # a hard shadow's edge left a slanted stroke that pulled the layout cues; these came out
    # upside down with upright confidence 1.0 and 0.47 (not asked)
    photo = hard_photograph(kind, seed)
    src = read_bytes(photo.jpeg, f"{kind}.jpg", PROFILE.largest_size()[1])[0]
    page = prepare_source(src, PROFILE)
    turn = upright_on_a4(decode_grey(page.encoded.data), photo.flat)
    assert turn == 0 or page.confidence < ASK_CLERK_BELOW, (turn, page.rotation_confidence)


def _page(kind: str, seed: int) -> tuple[Photo, PreparedPage]:
    """A synthetic photo (``ordinary``: a photographed page; else a hard photo of that kind)
    and the page prepared from it."""
    if kind == "ordinary":
        photo = photograph(render_page(seed), 9000 + seed, (1600, 1200))
    else:
        photo = hard_photograph(kind, seed)
    src = read_bytes(photo.jpeg, f"{kind}.jpg", PROFILE.largest_size()[1])[0]
    return photo, prepare_source(src, PROFILE)


def _prepared(kind: str, seed: int) -> tuple[float, float, str]:
    """Corner error, confidence and method of the page prepared from a synthetic photo."""
    photo, page = _page(kind, seed)
    return corner_error(np.array(page.corners), photo.corners), page.confidence, page.method


def _right_and_asked(seed: int) -> None:
    """A second-sheet photo whose sheet was completed from three sides: found, and asked."""
    err, confidence, method = _prepared("second-sheet", seed)
    assert err < 0.01, (round(err, 3), method)
    assert confidence < ASK_CLERK_BELOW


@pytest.mark.parametrize(
    ("kind", "seed"),
    [
        ("second-sheet", 1_020_411),
        ("second-sheet", 2_020_411),
        ("ordinary", 2_000_014),
        ("receipt", 3_020_309),
        ("second-sheet", 1_020_410),
    ],
)
def test_part_of_a_page_is_never_taken_silently(kind: str, seed: int) -> None:
    # fresh-set photos where a quad cut through the page (a side running across print, or a
    # large quad of letter shape inside an A4 sheet) came with confidence 0.90–1.00
    err, confidence, _method = _prepared(kind, seed)
    assert err < 0.01 or confidence < ASK_CLERK_BELOW, (round(err, 3), confidence)


def test_a_sheet_cut_by_the_photos_edge_is_never_sure() -> None:
    # fresh seed 29: the second sheet, half out of the picture, was taken for the page at 0.77
    # (error 0.95): its fourth side is the photo's own edge, where nothing steps, and its
    # aspect (2.31) passed for a receipt's. A side on the frame now halves the judge's factor.
    err, confidence, method = _prepared("second-sheet", 29_020_408)
    assert err < 0.01 or confidence < ASK_CLERK_BELOW, (round(err, 3), confidence, method)
    assert err < 0.1, "the sheet half out of the picture was taken for the page"


@pytest.mark.parametrize(
    ("kind", "seed"),
    [("second-sheet", 2_020_403), ("second-sheet", 3_020_407), ("ordinary", 2_000_014)],
)
def test_print_beyond_a_clean_edge_does_not_hide_the_sheet(kind: str, seed: int) -> None:
    # a sheet lying on another sheet's print (or on a cutting mat's grid): print runs up to
    # the side from outside, so the right quad was judged a cut through the page (×0.5 for
    # text outside, ×0.5 for print across the side) and a wrong one won (errors 0.04, 0.08,
    # 0.25). The side's own margin is clear and it steps cleanly where no print is near.
    err, _confidence, method = _prepared(kind, seed)
    assert err < 0.01, method


@pytest.mark.parametrize("seed", [20_400, 20_402])
def test_sheet_on_a_second_sheet_is_completed_by_its_tint(seed: int) -> None:
    # three sides against the desk, the fourth on a second white sheet with no grey step at
    # all: no mask and no Hough line held it and the page fell back to the whole photo
    # (errors 0.20 and 0.28). The fourth side's tint step finds it; the clerk is still asked.
    _right_and_asked(seed)


def test_a_quad_too_unsure_to_use_leaves_room_for_a_completed_one() -> None:
    # seed 16's first page: its four sides seen at 0.25, too unsure to use, and the completed
    # quad on the same place was dropped as a guess near a seen quad; the whole photo came
    # out (error 0.43). Once the frame rule made the frame-hugging quads unsure, this showed.
    err, confidence, method = _prepared("ordinary", 16_000_000)
    assert err < 0.01, (round(err, 3), method)
    assert confidence < ASK_CLERK_BELOW


@pytest.mark.parametrize("seed", [12_020_406, 28_020_403, 31_020_410])
def test_a_guessed_side_through_the_sheets_own_print_is_doubted(seed: int) -> None:
    # the fourth side was completed along a column of the sheet's own print, parallel to its
    # edge on the second sheet (errors 0.11, 0.23, 0.12, at the same 0.61 as the right quad):
    # a sheet's edge has its margin inside it, clear of print; a line through the print not
    _right_and_asked(seed)


def test_margin_clear_tells_a_margin_from_a_column_of_print() -> None:
    from hall_client.pages.detect import _margin_clear

    printed = np.zeros((200, 300), np.uint8)
    printed[20:180, 120:200] = 1  # a block of print from x=120 to 200
    ys = np.linspace(30, 170, 24)
    sides = np.stack([np.stack([np.full_like(ys, x), ys], axis=-1) for x in (100.0, 150.0)])
    right = _margin_clear(printed, sides, np.array([1.0, 0.0]))  # the sheet lies to the right
    assert right[0] == 1.0  # 20 px of margin before the print
    assert right[1] == pytest.approx(0.4)  # a line through the print
    left = _margin_clear(printed, sides, np.array([-1.0, 0.0]))
    assert left[0] == 1.0  # the print is outside this side: the other sheet's, not doubted


def test_a_faint_side_further_off_than_one_search_is_followed() -> None:
    # fresh seed 19: the completed side's far end lay 94 px from the top sheet's edge; one
    # search of 40 px brought it to 44 px (error 0.031). An end that goes the whole reach is
    # searched again from there.
    _right_and_asked(19_020_404)


@pytest.mark.parametrize("seed", [2_020_404, 4_020_404])
def test_a_completed_side_is_turned_onto_the_edge(seed: int) -> None:
    # the fourth side, completed parallel to the side opposite, was left there when its tint
    # step was too weak to fit point by point (errors 0.029): each end is now moved on its
    # own onto the line where tint and print density change together
    _right_and_asked(seed)


@pytest.mark.parametrize("seed", [2_020_407, 4_020_402])
def test_a_sheet_on_a_pale_desk_is_completed_from_its_faint_sides(seed: int) -> None:
    # a white sheet on a pale desk, its fourth side on a second sheet: its three sides on the
    # desk never reach the strong edge map, so no "U" of strong lines was there to complete
    # and the whole photo came out (errors 0.38 and 0.17)
    _right_and_asked(seed)


def test_a_completed_quad_is_not_capped_twice() -> None:
    # the right completed quad was capped at 0.7 by the judge and again by its caller (0.7 ×
    # 0.7 = 0.49) and lost to a quad cutting through the page at 0.50 (error 0.11)
    _right_and_asked(1_020_403)


@pytest.mark.parametrize("seed", [20_407, 4_020_400])
def test_a_guessed_side_prefers_an_a4_sheet(seed: int) -> None:
    # several quads completed from three sides were all capped at 0.7; one of no paper size
    # in use at the counter (aspect 1.6) was taken over the A4 sheet (error 0.12; 20407 came
    # to 0.10 the same way once capped quads were ranked by their score under the cap)
    _right_and_asked(seed)


def test_a_sheet_and_a_strip_of_the_sheet_under_it_are_told_apart() -> None:
    # the quad took in the strip of the under-sheet beside the page (error 0.11, aspect 1.53,
    # asked at 0.70 but wrong): the A4 sheet on three of its sides, with a tint step for the
    # fourth, is the page. Since the print beyond a clean edge no longer hides a side, the
    # sheet's own four edges are seen (method "edges"); a sheet guessed by completion is asked.
    err, confidence, method = _prepared("second-sheet", 20_410)
    assert err < 0.01, (round(err, 3), method)
    assert not method.startswith("completed") or confidence < ASK_CLERK_BELOW


def test_a_wedge_of_desk_inside_the_quad_is_not_trusted() -> None:
    # a side on the under-sheet's edge took in a wedge of green desk beside the page: error
    # 0.107 at confidence 0.94, a silent wrong crop
    err, confidence, method = _prepared("second-sheet", 1_020_406)
    assert err < 0.01 or confidence < ASK_CLERK_BELOW, (round(err, 3), confidence, method)
    assert err < 0.01, (round(err, 3), method)


def test_a_licence_frame_is_not_taken_for_desk() -> None:
    # the coloured frame printed just inside a licence's edge looked like desk to the wedge
    # check; the right quad lost to a grown one 2.8% off
    err, _confidence, method = _prepared("card-busy", 3_020_206)
    assert err < 0.01, (round(err, 3), method)


@pytest.mark.parametrize("seed", [1, 4, 11])
def test_a4_page_whose_perspective_aspect_wobbles_stays_a4(seed: int) -> None:
    """Corners right to a pixel, but the focal-length estimate put the sheet's aspect at 1.20,
    1.29 or 1.55: the page was set on A4 with margins at that aspect, squeezed and shrunk
    (SSIM 0.61-0.72 against the flat page, the worst of the synthetic set). The mean side
    lengths still say A4, and so does the page now."""
    flat = render_page(seed)
    photo = photograph(flat, 9000 + seed, (1600, 1200))
    src = read_bytes(photo.jpeg, "ordinary.jpg", PROFILE.largest_size()[1])[0]
    page = prepare_source(src, PROFILE)
    assert corner_error(np.array(page.corners), photo.corners) < 0.01
    assert not any("不是 A4" in w for w in page.warnings), page.warnings
    assert (page.encoded.width, page.encoded.height) == PROFILE.largest_size()
    assert ssim_against(flat, page.encoded.data) > 0.78


@pytest.mark.parametrize("seed", [9_020_407, 9_020_404])
def test_a_side_on_a_slightly_darker_second_sheet_is_kept(seed: int) -> None:
    # three sides were clean and the quad right to a pixel, but the fourth lies on a second
    # sheet a few grey levels darker, its print beyond: "no step" and "print outside" took
    # the quad down to 0.19, under UNSURE_QUAD, and the whole photo was used (error 0.27;
    # 9_020_404: a quad of aspect 2.1 across both sheets, error 0.40)
    _right_and_asked(seed)


def test_two_sheets_with_a_strip_of_desk_between_them_are_told_apart() -> None:
    # the sheet's side and the next sheet's, 8 px apart on the small copy, were one Hough
    # line: the sheet's corner sat on the other sheet and the whole photo was used (error 0.64)
    _right_and_asked(9_020_406)


def test_close_parallel_edges_stepping_opposite_ways_are_two_lines() -> None:
    small = np.full((480, 640, 3), 60, np.uint8)
    small[40:440, 60:300] = 235  # one sheet ...
    small[40:440, 309:600] = 230  # ... and the next, 9 px of desk between them
    rhos = sorted(r for r, t in _hough_lines(small).kept if abs(math.sin(t)) < 0.05)
    assert any(abs(r - 300) < 3 for r in rhos) and any(abs(r - 309) < 3 for r in rhos), rhos


@pytest.mark.parametrize("seed", [1_020_102, 1_020_103, 2_020_105, 11_020_107])
def test_a_small_id_card_keeps_its_own_shape(seed: int) -> None:
    # corners right, but the perspective estimate put the card's aspect (1.59) at 1.43-1.53,
    # within A4's tolerance: the ID card was stretched onto the whole A4 page, distorted; or
    # at 1.92 (11_020_107): squeezed on the page, and judged upside down by the hard set
    photo = hard_photograph("card-dark", seed)
    src = read_bytes(photo.jpeg, "id.jpg", PROFILE.largest_size()[1])[0]
    page = prepare_source(src, PROFILE)
    assert corner_error(np.array(page.corners), photo.corners) < 0.01
    said = [w for w in page.warnings if "不是 A4" in w]
    assert said, page.warnings
    aspect = float(said[0].split("长宽比 ")[1].split(" ")[0])
    assert abs(aspect / (85.6 / 54.0) - 1) < 0.06, aspect


@pytest.mark.parametrize(("kind", "seed"), [("ruled", 9_020_602), ("shadow", 4_020_010)])
def test_a_cutting_mats_grid_leaves_room_for_the_sheets_sides(kind: str, seed: int) -> None:
    # the mat's grid (and a ruled page's own rules) filled every strong Hough slot before the
    # sheet's sides: a shadow's edge was taken for one (error 0.40, asked at 0.43), or nothing
    # was found and the whole photo used (error 0.49)
    err, _confidence, method = _prepared(kind, seed)
    assert err < 0.01, (round(err, 3), method)


def test_a_grid_line_makes_no_side_of_a_completed_sheet() -> None:
    # a guard, seen mid-work: once the grid's lines no longer crowded the sheet's out, a "U" of
    # two grid lines and a receipt's side was completed into a quad of green mat up to the
    # photo's edge (error 0.36), over the receipt found on all four sides
    err, _confidence, method = _prepared("receipt", 8_020_300)
    assert err < 0.01, (round(err, 3), method)


def test_a_sheet_seen_on_four_sides_beats_a_guess_elsewhere() -> None:
    # the sheet was found on all four sides (one on the under-sheet, so asked at 0.60), but a
    # quad completed from three other lines ranked higher (before: 0.46, error 0.21; once the
    # grid lines gave way, 0.64, error 0.57)
    err, confidence, method = _prepared("second-sheet", 20_404)
    assert err < 0.01, (round(err, 3), method)
    assert confidence < ASK_CLERK_BELOW


def test_a_table_edge_beyond_a_strip_of_desk_is_no_second_sheet() -> None:
    # a guard, seen mid-work: the table's edge, a steady step of 12 grey levels between two
    # dark surfaces, passed for a sheet on a slightly darker one, and a quad from it down
    # through the page's print won (error 0.37) over the sheet itself
    _right_and_asked(2_020_411)


def test_twin_lines_leave_the_faint_lines_alone() -> None:
    # a guard, seen mid-work: with close lines stepping the other way kept among the faint
    # lines too, the two sides of print took their places, the sheet's faint fourth line was
    # crowded out, and a completed quad 2.9% off came instead of the sheet seen on four sides
    _right_and_asked(7_020_410)
