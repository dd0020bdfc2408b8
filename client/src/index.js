// Entry point: window.djust = { hooks, connect, live }; connects on load unless the script has dj-manual.
import { connect } from './live.js'

const script = document.currentScript
const djust = (window.djust ||= {})
djust.hooks ||= {}
djust.connect = opts => (djust.live = connect({ hooks: djust.hooks, ...opts }))

if (!script?.hasAttribute('dj-manual')) {
  document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', () => djust.connect()) : djust.connect()
}
