"""Streamlit's websocket protocol (/_stcore/stream), the few messages bench/ws_load.py needs, with a
small protobuf wire codec of our own (Streamlit's generated classes are its internals).

The client sends BackMsg.rerun_script (a ClientState: page, query string, widget states); the
server answers with ForwardMsgs: new_session, the run's deltas (an element or a block at a delta
path), page_info_changed, navigation, script_finished. Field numbers are those of
proto/streamlit/proto/{BackMsg,ClientState,WidgetStates,ForwardMsg,Delta,Element,Block,...}.proto
of Streamlit 1.67. Protobuf's wire format: each field is a varint key (number << 3 | wire type)
then a varint, 8 or 4 fixed bytes, or a varint length and that many bytes.
"""

import struct
from dataclasses import dataclass, field

VARINT, I64, LEN, I32 = 0, 1, 2, 5

# --- the wire codec ------------------------------------------------------------------------------


def varint(n: int) -> bytes:
    """An unsigned varint: 7 bits a byte, low first, the top bit set on all but the last."""
    if n < 0:
        n += 1 << 64  # a negative int32/int64 is sent as its 64-bit two's complement
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """The varint at `pos` and the position after it."""
    value = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("a varint runs past the end of the message")
        byte = data[pos]
        value |= (byte & 0x7F) << shift
        pos, shift = pos + 1, shift + 7
        if not byte & 0x80:
            return value, pos


def zigzag(n: int) -> int:
    """sint64's encoding: 0, -1, 1, -2 ... become 0, 1, 2, 3 ..."""
    return (n << 1) ^ (n >> 63)


def encode_field(number: int, value: bool | int | float | str | bytes) -> bytes:
    """One field: a bool or int as a varint, a float as a double, text or bytes length-delimited
    (a nested message is passed as its encoded bytes)."""
    if isinstance(value, bool | int):
        return varint(number << 3 | VARINT) + varint(int(value))
    if isinstance(value, float):
        return varint(number << 3 | I64) + struct.pack("<d", value)
    payload = value.encode() if isinstance(value, str) else value
    return varint(number << 3 | LEN) + varint(len(payload)) + payload


def packed_doubles(number: int, values: list[float]) -> bytes:
    """A repeated double field, packed (proto3's default)."""
    return encode_field(number, b"".join(struct.pack("<d", v) for v in values))


def decode(data: bytes) -> dict[int, list[int | bytes]]:
    """Every field of one message by number, in order: varints as ints, the rest as bytes (a
    length-delimited field may be text, a nested message or a packed array: the schema knows)."""
    fields: dict[int, list[int | bytes]] = {}
    pos = 0
    while pos < len(data):
        key, pos = read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == VARINT:
            value, pos = read_varint(data, pos)
        elif wire in (I64, I32):
            size = 8 if wire == I64 else 4
            value, pos = data[pos : pos + size], pos + size
        elif wire == LEN:
            size, pos = read_varint(data, pos)
            value, pos = data[pos : pos + size], pos + size
        else:
            raise ValueError(f"wire type {wire} of field {number} is not supported")
        if pos > len(data):
            raise ValueError(f"field {number} runs past the end of the message")
        fields.setdefault(number, []).append(value)
    return fields


def unpack_doubles(data: bytes) -> list[float]:
    """A packed repeated double field's values."""
    return [v for (v,) in struct.iter_unpack("<d", data)]


def unpack_varints(data: bytes) -> list[int]:
    """A packed repeated varint field's values."""
    values, pos = [], 0
    while pos < len(data):
        value, pos = read_varint(data, pos)
        values.append(value)
    return values


# --- the client's messages: BackMsg.rerun_script --------------------------------------------------

RERUN_SCRIPT = 11  # BackMsg.rerun_script, a ClientState
CLIENT_STATE = {"query_string": 1, "widget_states": 2, "page_script_hash": 3, "page_name": 4}
WIDGETS, WIDGET_ID = 1, 1  # WidgetStates.widgets; WidgetState.id
WIDGET_VALUE = {  # WidgetState's value fields; DoubleArray.data and StringArray.data are field 1
    "trigger": 2, "bool": 3, "double": 4, "string": 6, "double_array": 7, "string_array": 9,
}  # fmt: skip
STATE_KIND = {  # the value field the frontend fills for each kind of widget (or tabs)
    "button": "trigger", "checkbox": "bool", "number_input": "double", "radio": "string",
    "selectbox": "string", "text_input": "string", "text_area": "string",
    "tab_container": "string", "slider": "double_array", "date_input": "string_array",
    "button_group": "string_array",
}  # fmt: skip


def widget_state(widget_id: str, kind: str, value) -> bytes:
    """One WidgetState: the widget's id and its value in the field its kind uses (STATE_KIND);
    radios, selectboxes, tabs and button groups hold the option's label as shown."""
    state = STATE_KIND[kind]
    if state == "double_array":
        payload = packed_doubles(1, [float(v) for v in value])
    elif state == "string_array":
        payload = b"".join(encode_field(1, str(v)) for v in value)
    elif state == "double":
        payload = float(value)
    else:
        payload = value
    return encode_field(WIDGET_ID, widget_id) + encode_field(WIDGET_VALUE[state], payload)


def rerun_script(
    widgets: list[bytes], page_script_hash: str = "", page_name: str = "", query_string: str = ""
) -> bytes:
    """A BackMsg asking for a script run of a page with these widget states (widget_state)."""
    states = b"".join(encode_field(WIDGETS, w) for w in widgets)
    client = (
        encode_field(CLIENT_STATE["query_string"], query_string)
        + encode_field(CLIENT_STATE["widget_states"], states)
        + encode_field(CLIENT_STATE["page_script_hash"], page_script_hash)
        + encode_field(CLIENT_STATE["page_name"], page_name)
    )
    return encode_field(RERUN_SCRIPT, client)


# --- the server's messages: ForwardMsg ----------------------------------------------------------

FORWARD_KINDS = {  # ForwardMsg's `type` fields that the load test tells apart
    4: "new_session", 5: "delta", 6: "script_finished", 9: "session_status_changed",
    10: "session_event", 11: "ref_hash", 12: "page_info_changed", 15: "page_not_found",
    23: "navigation",
}  # fmt: skip
METADATA, DELTA_PATH = 2, 2  # ForwardMsg.metadata; ForwardMsgMetadata.delta_path
NEW_ELEMENT, ADD_BLOCK = 3, 6  # Delta's
FINISHED_SUCCESSFULLY, FINISHED_EARLY_FOR_RERUN = 0, 2  # ForwardMsg.ScriptFinishedStatus
COMPILE_EXCEPTION, EXCEPTION_MESSAGE = 3, 2  # SessionEvent's exception; Exception.message
APP_PAGES, PAGE_HASH, PAGE_URL = 2, 1, 6  # Navigation.app_pages; AppPage's hash and url_pathname
QUERY_STRING = 1  # PageInfo.query_string
ALERT_ERROR, ALERT_SUCCESS = 1, 4  # Alert.Format
ELEMENTS = {  # Element's `type` field -> (kind, the fields read, by their number in its message)
    1: ("text", {"body": 1}),
    8: ("exception", {"type": 1, "message": 2}),
    19: ("button", {"id": 1, "label": 2}),
    20: ("checkbox", {"id": 1, "label": 2, "set_value": 7}),
    21: ("slider", {"id": 1, "label": 3, "set_value": 11}),
    22: ("text_area", {"id": 1, "label": 2, "set_value": 9}),
    23: ("radio", {"id": 1, "label": 2, "set_value": 8}),
    24: ("text_input", {"id": 1, "label": 2, "set_value": 9}),
    25: ("selectbox", {"id": 1, "label": 2, "set_value": 8}),
    27: ("date_input", {"id": 1, "label": 2, "set_value": 10}),
    29: ("markdown", {"body": 1}),
    30: ("alert", {"body": 1, "format": 2}),
    32: ("number_input", {"id": 1, "label": 2, "set_value": 20}),
    43: ("download_button", {"id": 1, "label": 2}),
    47: ("heading", {"tag": 1, "body": 3}),
    53: ("page_link", {"label": 2, "page_script_hash": 4}),
    55: ("button_group", {"id": 1, "label": 11, "set_value": 8}),
}
BLOCKS = {4: ("expandable", {"label": 1}), 5: ("form", {"form_id": 1}), 6: ("tab_container", {})}
BLOCKS |= {7: ("tab", {"label": 1})}
BLOCK_ID = 12  # Block.id: a keyed container's widget id (the tabs')


@dataclass(frozen=True)
class Node:
    """An element or block the script drew: its kind ("other" for any not in ELEMENTS or BLOCKS)
    and the fields read (text as str, varints as int)."""

    kind: str
    fields: dict[str, str | int] = field(default_factory=dict)

    def text(self) -> str:
        """What it shows: a heading's, text's or alert's body, a button's or tab's label."""
        return str(self.fields.get("body", self.fields.get("label", "")))


@dataclass(frozen=True)
class Forward:
    """One ForwardMsg, as far as the load test reads it."""

    kind: str
    path: tuple[int, ...] = ()  # a delta's place in the page
    node: Node | None = None  # a delta's new element or block
    status: int = FINISHED_SUCCESSFULLY  # script_finished's
    query_string: str = ""  # page_info_changed's
    pages: dict[str, str] = field(default_factory=dict)  # navigation's: url path -> page hash
    problem: str = ""  # session_event's compile exception


def node(data: bytes, table: dict[int, tuple[str, dict[str, int]]], extra: dict) -> Node:
    """An Element or Block: the first of its fields that `table` names, with the fields read."""
    fields = decode(data)
    for number, (kind, wanted) in table.items():
        if number in fields:
            inner = decode(fields[number][0])
            read = {name: inner[n][0] for name, n in wanted.items() if n in inner}
            read |= {name: fields[n][0] for name, n in extra.items() if n in fields}
            text = {k: v.decode() if isinstance(v, bytes) else v for k, v in read.items()}
            return Node(kind, text)
    return Node("other")


def delta(message: dict[int, list], body: bytes) -> Forward:
    """A delta: its path (packed or not) and its element or block."""
    meta = decode(message[METADATA][0]) if METADATA in message else {}
    path: list[int] = []
    for part in meta.get(DELTA_PATH, []):
        path += unpack_varints(part) if isinstance(part, bytes) else [part]
    inner = decode(body)
    if NEW_ELEMENT in inner:
        found = node(inner[NEW_ELEMENT][0], ELEMENTS, {})
    elif ADD_BLOCK in inner:
        found = node(inner[ADD_BLOCK][0], BLOCKS, {"id": BLOCK_ID})
    else:
        found = Node("other")
    return Forward("delta", tuple(path), found)


def forward(data: bytes) -> Forward:
    """Decode one ForwardMsg frame."""
    message = decode(data)
    number = next((n for n in FORWARD_KINDS if n in message), None)
    kind = FORWARD_KINDS.get(number, "other")
    body = message[number][0] if number else b""
    if kind == "delta":
        return delta(message, body)
    if kind == "script_finished":
        return Forward(kind, status=body)
    if kind == "page_info_changed":
        return Forward(kind, query_string=decode(body).get(QUERY_STRING, [b""])[0].decode())
    if kind == "navigation":
        pages = [decode(p) for p in decode(body).get(APP_PAGES, [])]
        urls = {p.get(PAGE_URL, [b""])[0].decode(): p[PAGE_HASH][0].decode() for p in pages}
        return Forward(kind, pages=urls)
    if kind == "session_event" and COMPILE_EXCEPTION in (event := decode(body)):
        problem = decode(event[COMPILE_EXCEPTION][0]).get(EXCEPTION_MESSAGE, [b"?"])[0]
        return Forward(kind, problem=problem.decode())
    return Forward(kind)
