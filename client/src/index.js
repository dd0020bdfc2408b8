// Entry point. Options are read from window.djust set before the script: { hooks, json, url, heartbeat, manual }.
// Connects every [dj-view] root once the DOM is ready, unless manual (then call djust.connect()).
import { connect } from './live.js'

const djust = (window.djust ||= {})
djust.hooks ||= {}
djust.connect = opts => (djust.live = connect({ ...djust, ...opts }))

if (!djust.manual) {
  document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', () => djust.connect()) : djust.connect()
}
