"""The load test's protobuf wire codec and Streamlit messages (bench/stream_protocol.py), checked
against byte strings worked out by hand from the protobuf encoding rules."""

import struct

import pytest

from bench import stream_protocol as sp


@pytest.mark.parametrize(
    ("number", "encoded"),
    [
        (0, b"\x00"),
        (1, b"\x01"),
        (127, b"\x7f"),
        (128, b"\x80\x01"),
        (300, b"\xac\x02"),
        (2**32, b"\x80\x80\x80\x80\x10"),
        (-1, b"\xff" * 9 + b"\x01"),
    ],
)
def test_a_varint_is_seven_bits_a_byte_low_first(number, encoded):
    """Varints as the protobuf documentation spells them (300 is AC 02)."""
    assert sp.varint(number) == encoded
    assert sp.read_varint(encoded, 0) == (number % 2**64, len(encoded))


@pytest.mark.parametrize(("number", "encoded"), [(0, 0), (-1, 1), (1, 2), (-2, 3), (2**62, 2**63)])
def test_zigzag_puts_small_negative_numbers_next_to_small_positive_ones(number, encoded):
    """sint64: 0, -1, 1, -2 become 0, 1, 2, 3."""
    assert sp.zigzag(number) == encoded


def test_each_kind_of_field_gets_its_wire_type_and_key():
    """A bool or int is a varint (type 0), a float a double (1), text length-delimited (2)."""
    assert sp.encode_field(1, 150) == b"\x08\x96\x01"
    assert sp.encode_field(3, True) == b"\x18\x01"
    assert sp.encode_field(2, "testing") == b"\x12\x07testing"
    assert sp.encode_field(4, 1.5) == b"\x21" + struct.pack("<d", 1.5)
    assert sp.encode_field(16, b"") == b"\x82\x01\x00"  # field 16's key takes two bytes


def test_decode_reads_back_every_field_in_order():
    """Varints as ints, the other wire types as their bytes; a repeated field keeps its order."""
    data = (
        sp.encode_field(1, 150)
        + sp.encode_field(2, "a")
        + sp.encode_field(2, "b")
        + sp.encode_field(4, 2.0)
        + b"\x2d\x01\x02\x03\x04"  # field 5, a fixed 32-bit value
    )
    assert sp.decode(data) == {
        1: [150],
        2: [b"a", b"b"],
        4: [struct.pack("<d", 2.0)],
        5: [b"\x01\x02\x03\x04"],
    }


@pytest.mark.parametrize("broken", [b"\x08", b"\x08\x96", b"\x12\x05abc", b"\x0b"])
def test_a_truncated_or_unsupported_message_is_refused(broken):
    """A varint or length running past the end, or a group (wire type 3), is a ValueError."""
    with pytest.raises(ValueError):
        sp.decode(broken)


def test_packed_arrays_round_trip():
    """Packed doubles and varints read back as written."""
    [payload] = sp.decode(sp.packed_doubles(1, [0.5, 7.0]))[1]
    assert sp.unpack_doubles(payload) == [0.5, 7.0]
    assert sp.unpack_varints(sp.varint(0) + sp.varint(300) + sp.varint(5)) == [0, 300, 5]


def test_a_widget_state_uses_the_value_field_of_its_kind():
    """A radio sends its label as string_value (6), a slider a DoubleArray (7), a date input a
    StringArray (9), a button trigger_value (2); the id is field 1."""
    radio = sp.decode(sp.widget_state("w1", "radio", "Male"))
    assert radio == {1: [b"w1"], 6: [b"Male"]}
    slider = sp.decode(sp.widget_state("w2", "slider", [5]))
    assert sp.unpack_doubles(sp.decode(slider[7][0])[1][0]) == [5.0]
    dates = sp.decode(sp.widget_state("w3", "date_input", ["2026-01-05"]))
    assert sp.decode(dates[9][0]) == {1: [b"2026-01-05"]}
    assert sp.decode(sp.widget_state("w4", "button", True)) == {1: [b"w4"], 2: [1]}
    number = sp.decode(sp.widget_state("w5", "number_input", 52))
    assert struct.unpack("<d", number[4][0]) == (52.0,)


def test_rerun_script_nests_the_client_state_in_back_msg_field_11():
    """BackMsg.rerun_script (11) holds the query string (1), widget states (2), page hash (3)
    and page name (4)."""
    state = sp.widget_state("w1", "checkbox", False)
    back = sp.decode(sp.rerun_script([state], "abc", "plan", "person=3"))
    client = sp.decode(back[11][0])
    assert client[1] == [b"person=3"] and client[3] == [b"abc"] and client[4] == [b"plan"]
    assert sp.decode(client[2][0]) == {1: [state]}


def forward_delta(path: list[int], element: bytes) -> bytes:
    """A ForwardMsg with a delta holding `element` (an encoded Element) at `path`."""
    metadata = sp.encode_field(2, b"".join(sp.varint(p) for p in path))  # packed delta_path
    return sp.encode_field(2, metadata) + sp.encode_field(5, sp.encode_field(3, element))


def test_a_delta_gives_its_path_and_the_element_read():
    """An alert (Element field 30) with its body and format, at delta path [0, 4, 2]."""
    alert = sp.encode_field(1, "Saved") + sp.encode_field(2, sp.ALERT_SUCCESS)
    message = sp.forward(forward_delta([0, 4, 2], sp.encode_field(30, alert)))
    assert (message.kind, message.path) == ("delta", (0, 4, 2))
    assert message.node == sp.Node("alert", {"body": "Saved", "format": sp.ALERT_SUCCESS})
    assert message.node.text() == "Saved"


def test_a_keyed_tab_container_block_carries_its_widget_id():
    """A Block (Delta field 6) of kind tab_container (6) with its id (Block field 12)."""
    block = sp.encode_field(6, b"") + sp.encode_field(12, "$$ID-ab-day_tab")
    metadata = sp.encode_field(2, sp.varint(0) + sp.varint(7))
    message = sp.forward(
        sp.encode_field(2, metadata) + sp.encode_field(5, sp.encode_field(6, block))
    )
    assert message.node == sp.Node("tab_container", {"id": "$$ID-ab-day_tab"})


def test_an_element_of_another_kind_is_other():
    """An element the load test does not read (a metric, field 42) decodes as "other"."""
    assert sp.forward(forward_delta([0], sp.encode_field(42, b""))).node == sp.Node("other")


def test_script_finished_navigation_and_page_info_are_read():
    """script_finished (6) gives its status, navigation (23) its pages, page_info_changed (12)
    its query string, a compile exception (session_event 10, field 3) its message."""
    assert sp.forward(sp.encode_field(6, sp.FINISHED_EARLY_FOR_RERUN)).status == 2
    finished = sp.forward(sp.encode_field(6, 0))
    assert (finished.kind, finished.status) == ("script_finished", sp.FINISHED_SUCCESSFULLY)
    page = sp.encode_field(1, "h1") + sp.encode_field(2, "Weekly plan") + sp.encode_field(6, "plan")
    assert sp.forward(sp.encode_field(23, sp.encode_field(2, page))).pages == {"plan": "h1"}
    info = sp.forward(sp.encode_field(12, sp.encode_field(1, "person=3")))
    assert info.query_string == "person=3"
    event = sp.encode_field(3, sp.encode_field(1, "SyntaxError") + sp.encode_field(2, "bad"))
    assert sp.forward(sp.encode_field(10, event)).problem == "bad"
