"""The guided session: its steps, where the clock is in them, the stopwatch, the session status."""

import pytest

from planner import guidelines as g
from planner.dosing import exercise_seconds
from planner.plan import Day, Prescription, WarmUp
from planner.session_steps import (
    Part,
    Step,
    Stopwatch,
    left_text,
    moment,
    next_button,
    parts_for,
    session_status,
    start_of,
    steps_for,
)


def prescription(sets: int = 1, reps: int = 2, hold_s: int = 5, sides: int = 1) -> Prescription:
    """A made-up exercise with the given dose."""
    return Prescription(
        id="made_up",
        category="core",
        name="Made-up hold",
        position="supine",
        sets=sets,
        reps=reps,
        hold_s=hold_s,
        sides=sides,
        instructions=("Lie down.",),
        seconds=exercise_seconds(sets, reps, hold_s, sides),
    )


RELAX = g.SECONDS_BETWEEN_REPS


@pytest.mark.parametrize(
    ("dose", "labels"),
    [
        ({"reps": 3}, ["Rep 1 of 3", "Rep 2 of 3", "Rep 3 of 3"]),
        (
            {"reps": 2, "sets": 2},
            [
                "Rep 1 of 2, set 1 of 2",
                "Rep 2 of 2, set 1 of 2",
                "Rest before set 2 of 2",
                "Rep 1 of 2, set 2 of 2",
                "Rep 2 of 2, set 2 of 2",
            ],
        ),
        (
            {"reps": 2, "sides": 2},
            [
                "Rep 1 of 2, first side",
                "Rep 2 of 2, first side",
                "Change to the second side",
                "Rep 1 of 2, second side",
                "Rep 2 of 2, second side",
            ],
        ),
    ],
)
def test_steps_count_reps_sets_and_sides_in_order(dose, labels):
    """All sets on the first side, then the other side, with rests and a side change between."""
    assert [step.label for step in steps_for(prescription(**dose))] == labels


def test_a_hold_step_lasts_the_hold_then_a_short_relax():
    """Each repetition holds for hold_s seconds and then relaxes before the next one."""
    first = steps_for(prescription(hold_s=8))[0]
    assert first == Step("hold", 8, RELAX, 1, reps=2, set=1, sets=1, side=1, sides=1)


def test_an_exercise_without_a_hold_moves_at_the_minimum_pace_per_rep():
    """With no hold, each rep is a slow movement lasting the planner's minimum time per rep."""
    kinds = {(step.kind, step.seconds) for step in steps_for(prescription(hold_s=0))}
    assert kinds == {("rep", g.SECONDS_PER_REP_MIN)}


@pytest.mark.parametrize(
    "dose",
    [
        {"sets": 1, "reps": 5, "hold_s": 6, "sides": 1},
        {"sets": 2, "reps": 8, "hold_s": 2, "sides": 2},
        {"sets": 3, "reps": 4, "hold_s": 0, "sides": 1},
    ],
)
def test_the_steps_last_the_planners_time_estimate_less_the_set_up(dose):
    """The guided timeline takes exactly as long as the plan said the exercise would."""
    item = prescription(**dose)
    steps = steps_for(item)
    assert start_of(steps, len(steps)) == item.seconds - g.SECONDS_SETUP


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0, (0, "hold", 5)),
        (4.2, (0, "hold", 1)),
        (5, (0, "relax", RELAX)),
        (5 + RELAX, (1, "hold", 5)),
        (2 * (5 + RELAX) - 0.5, (1, "relax", 1)),
        (2 * (5 + RELAX), (2, "finished", 0)),
        (999, (2, "finished", 0)),
    ],
)
def test_moment_finds_the_step_phase_and_seconds_left(elapsed, expected):
    """Two reps of a 5 s hold: the clock walks through hold, relax, hold, relax, finished."""
    found = moment(steps_for(prescription(reps=2, hold_s=5)), elapsed)
    assert (found.index, found.phase, found.left) == expected


@pytest.mark.parametrize(
    ("dose", "index", "words"),
    [
        ({"reps": 2}, 0, "Next rep"),
        ({"reps": 2}, 1, "Finish this exercise"),
        ({"reps": 1, "sets": 2}, 0, "Go to the rest"),
        ({"reps": 1, "sides": 2}, 0, "Change sides"),
    ],
)
def test_the_next_button_says_what_comes_next(dose, index, words):
    """The button names the next thing: another rep, a rest, the other side or the end."""
    assert next_button(steps_for(prescription(**dose)), index) == words


def test_a_paused_stopwatch_keeps_its_count_and_does_not_run_on():
    """Start at 100, pause at 104: four seconds stay counted however late it is read."""
    watch = Stopwatch().start(100.0).pause(104.0)
    assert not watch.running
    assert watch.elapsed(500.0) == 4.0


def test_a_resumed_stopwatch_adds_to_its_count():
    """Four seconds, a pause, then three more after resuming make seven."""
    watch = Stopwatch().start(100.0).pause(104.0).start(200.0)
    assert watch.running
    assert watch.elapsed(203.0) == 7.0


def test_starting_a_running_stopwatch_changes_nothing():
    """A second press of Start does not reset the count."""
    watch = Stopwatch().start(100.0)
    assert watch.start(150.0) == watch


@pytest.mark.parametrize("running", [True, False])
def test_jumping_sets_the_count_and_keeps_running_or_stopped(running):
    """Next rep jumps the count to the next step's start; a running watch keeps running."""
    watch = Stopwatch().start(10.0)
    watch = watch if running else watch.pause(12.0)
    jumped = watch.jump_to(21.0, now=30.0)
    assert jumped.running is running
    assert jumped.elapsed(30.0) == 21.0


@pytest.mark.parametrize(
    ("results", "status"),
    [
        (["done", "done", "done"], "done"),
        (["done", "skipped", "done"], "partly"),
        (["skipped", "skipped"], "skipped"),
        ([], "skipped"),
    ],
)
def test_session_status_is_done_only_when_every_exercise_was_done(results, status):
    """All done is done, some skipped is partly, nothing done is skipped."""
    parts = [Part("exercise", "Made-up hold", ()) for _ in results]
    assert session_status(parts, results) == status


WARM_UP = (
    WarmUp("march", "Marching on the spot", 2, "March."),
    WarmUp("circles", "Circles", 1, "Circle."),
)


def session_day(walk_min: int = 15) -> Day:
    """A made-up session day: two warm-up items, two exercises and a walk."""
    exercises = (prescription(reps=3), prescription(sets=2, hold_s=0))
    return Day("Monday", None, exercises, warm_up=WARM_UP, walk_min=walk_min)


def test_a_session_starts_with_the_warm_up_and_ends_with_the_walk():
    """Warm-up items first, then the exercises, then the walk, each a part of its own."""
    parts = parts_for(session_day(), walk_name="Walk")
    assert [p.kind for p in parts] == ["warm_up", "warm_up", "exercise", "exercise", "walk"]
    assert [p.name for p in parts][:2] == ["Marching on the spot", "Circles"]


def test_warm_up_items_and_the_walk_are_one_countdown_of_their_minutes():
    """Each warm-up item counts down its minutes; the walk counts down walk_min."""
    parts = parts_for(session_day(walk_min=12), walk_name="Walk")
    timed = [p for p in parts if p.kind != "exercise"]
    assert [start_of(p.steps, 1) for p in timed] == [120, 60, 720]
    assert moment(timed[0].steps, 30).left == 90


def test_a_day_without_a_walk_has_no_walk_part():
    """No walk_min, no walk step."""
    assert "walk" not in {p.kind for p in parts_for(session_day(walk_min=0), walk_name="Walk")}


def test_the_session_parts_last_as_long_as_the_days_minutes_less_the_set_up():
    """Warm-up, exercise steps and walk add up to no more than the day's minutes."""
    day = session_day()
    seconds = sum(start_of(p.steps, len(p.steps)) for p in parts_for(day, walk_name="Walk"))
    assert (day.minutes - 1) * 60 < seconds <= day.minutes * 60


def test_a_skipped_walk_or_warm_up_leaves_the_session_done():
    """The log's status is about the exercises: the warm-up and walk do not change it."""
    parts = parts_for(session_day(), walk_name="Walk")
    results = ["skipped", "done", "done", "done", "skipped"]
    assert session_status(parts, results) == "done"


def test_minutes_long_countdowns_read_as_minutes_and_seconds_and_holds_as_seconds():
    """3:00 and 0:45 for the warm-up or walk; '8 s' for a hold."""
    warm = parts_for(session_day(), walk_name="Walk")[0].steps[0]
    assert [left_text(warm, 180), left_text(warm, 45)] == ["3:00", "0:45"]
    assert left_text(steps_for(prescription())[0], 8) == "8 s"
