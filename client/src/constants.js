// Wire constants of the djust protocol, mirrored from vdom/include/djust/vdom/wire_keys.hpp
// and docs/protocol.md (draft until those land; test/constants_test.js checks agreement).

// Patch op codes: each patch is an array [op, target_id, ...args].
export const OP_TEXT = 0 // [0, id, text]                     set a text node's data
export const OP_SET_ATTR = 1 // [1, id, name, value]          set an attribute
export const OP_REMOVE_ATTR = 2 // [2, id, name]              remove an attribute
export const OP_INSERT = 3 // [3, parent, index, html, first] insert parsed html before child #index; new nodes numbered from first
export const OP_REMOVE = 4 // [4, id]                          remove a subtree
export const OP_MOVE = 5 // [5, id, parent, index]             move a node to child #index of parent
export const OP_REPLACE = 6 // [6, id, html, first]            replace a subtree by parsed html
export const OP_SET_PROP = 7 // [7, id, name, value]           set value/checked/selected as a property

// Message keys and types (maps with short keys).
export const K_TYPE = 't'
export const K_REF = 'ref'
export const K_VIEW = 'v'
export const K_HANDLER = 'h'
export const K_PARAMS = 'p'
export const K_PATCHES = 'd'
export const K_SEQ = 's'
export const K_HTML = 'html'
export const K_EVENTS = 'e'
export const K_ERROR = 'err'
export const K_TOKEN = 'token'
export const K_CSRF = 'csrf'
export const K_URL = 'url'

export const T_JOIN = 'join'
export const T_EVENT = 'event'
export const T_HEARTBEAT = 'hb'
export const T_LEAVE = 'leave'
export const T_REPLY = 'reply'
export const T_PUSH = 'push'
export const T_REDIRECT = 'redirect'
export const T_ERROR = 'error'

// WebSocket endpoint and subprotocols.
export const WS_PATH = '/live/websocket'
export const PROTO_MSGPACK = 'djust.msgpack'
export const PROTO_JSON = 'djust.json'

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
