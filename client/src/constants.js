// Wire constants of the djust protocol, mirrored from vdom/include/djust/vdom/wire_keys.hpp
// and docs/protocol.md (draft until those land; test/constants_test.js checks agreement).

// Patch op codes (vdom/include/djust/vdom/wire_keys.hpp): each patch is [op, id, ...args].
export const OP_SET_TEXT = 0 // [0, id, text, flags?]          text node data
export const OP_SET_ATTR = 1 // [1, id, name, value]           setAttribute
export const OP_REMOVE_ATTR = 2 // [2, id, name]               removeAttribute
export const OP_SET_PROP = 3 // [3, id, name, value, flags]    setAttribute + property (value/checked/selected)
export const OP_REMOVE_PROP = 4 // [4, id, name, flags]        removeAttribute + property reset ("" / false)
export const OP_INSERT = 5 // [5, parent, before, first_id, html] parse html, insert before node `before`
export const OP_REMOVE = 6 // [6, id]                          remove the subtree
export const OP_MOVE = 7 // [7, id, before]                    move before sibling `before` (same parent)
export const OP_REPLACE = 8 // [8, id, first_id, html]         replace the subtree by parsed html

// Patch flags.
export const FLAG_KEEP_FOCUSED = 1 // leave the property alone while the element has focus
export const FLAG_SYNC_VALUE = 2 // set_text in a textarea: also assign the textarea's value

export const ROOT_ID = 0 // the view root container
export const APPEND = 0 // `before` meaning: append as last child
export const FIRST_ID = 1 // first id of the initial render (document order)
export const KEY_ATTR = 'dj-key'
export const KEY_ATTR_FALLBACK = 'id'

// Message keys and types (docs/protocol.md, "Messages"): every frame is one map with a "type".
export const K_TYPE = 'type'
export const K_REF = 'ref'
export const K_VIEW = 'view'
export const K_HANDLER = 'handler'
export const K_PARAMS = 'params'
export const K_PATCHES = 'patches'
export const K_SEQ = 'seq'
export const K_ACK = 'ack'
export const K_ACKS = 'acks'
export const K_HTML = 'html'
export const K_OK = 'ok'
export const K_CODE = 'code'
export const K_MESSAGE = 'message'
export const K_TO = 'to'
export const K_TOKEN = 'token'
export const K_CSRF = 'csrf'
export const K_URL = 'url'
// Not in docs/protocol.md yet (proposed): [[name, payload], ...] on push/reply, delivered to hooks.
export const K_EVENTS = 'events'

export const T_JOIN = 'join'
export const T_EVENT = 'event'
export const T_HEARTBEAT = 'heartbeat'
export const T_LEAVE = 'leave'
export const T_REPLY = 'reply'
export const T_PUSH = 'push'
export const T_REDIRECT = 'redirect'
export const T_ERROR = 'error'

// WebSocket endpoint and subprotocols.
export const WS_PATH = '/live/websocket'
export const PROTO_MSGPACK = 'djust.msgpack.v1'
export const PROTO_JSON = 'djust.json.v1'

// Attributes and classes the page uses.
export const PREFIX = 'dj-'
export const CLASS_LOADING = 'dj-loading'
export const CLASS_CONNECTED = 'dj-connected'
export const CLASS_CONNECTING = 'dj-connecting'
export const CLASS_DISCONNECTED = 'dj-disconnected'

// Timing (ms).
export const HEARTBEAT_MS = 30000
export const BACKOFF_MIN_MS = 250
export const BACKOFF_MAX_MS = 10000
