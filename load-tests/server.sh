# Sourced by smoke and suite: start and stop the demo server on a free loopback port.
# start_demo DEMO LOG: sets DEMO_PID and DEMO_PORT, waits until the port accepts connections.
start_demo() {
  local demo="$1" log="$2"
  DEMO_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  # The server holds one descriptor per session: raise its limit as far as the hard limit allows.
  (ulimit -n "$(ulimit -Hn)" 2>/dev/null || true; exec "$demo" --host 127.0.0.1 --port "$DEMO_PORT") >"$log" 2>&1 &
  DEMO_PID=$!
  for _ in $(seq 1 100); do
    if ! kill -0 "$DEMO_PID" 2>/dev/null; then
      echo "the demo server exited at start; its log ($log):" >&2
      tail -20 "$log" >&2
      return 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$DEMO_PORT") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "the demo server did not listen on 127.0.0.1:$DEMO_PORT within 10 s (log: $log)" >&2
  stop_demo
  return 1
}

# stop_demo: SIGTERM, then SIGKILL after 5 s.
stop_demo() {
  [[ -n "${DEMO_PID:-}" ]] || return 0
  kill "$DEMO_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$DEMO_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$DEMO_PID" 2>/dev/null || true
  wait "$DEMO_PID" 2>/dev/null || true
  DEMO_PID=""
}
