# Runs the README's test command (`swift test`, built beforehand) under a watchdog, for `.ci/run`.
#
# A rare hang leaves a few tests awaiting something that never resumes while every thread idles
# (seen about once in six runs; the cause is not yet known). swift-testing prints a line whenever
# a test starts or ends (line-buffered here through stdbuf), so a run that has printed nothing and
# used under a second of CPU for `silence` seconds is a hang: the watchdog then prints every
# thread's stack (with gdb, when installed) and the tests that started but never ended, stops the
# run and returns 124, like `timeout`.

run_tests_watched() {
    local silence=${1:-300}
    local log
    log=$(mktemp)
    # A crash exits at once instead of pausing every thread while a backtrace is symbolicated
    # (minutes on this binary, which looked like a hang).
    SWIFT_BACKTRACE=enable=no stdbuf -oL -eL swift test --skip-build > >(tee "$log") 2>&1 &
    local suite=$!
    local last_size=-1 quiet=0 quiet_since_cpu=0
    while kill -0 "$suite" 2>/dev/null; do
        sleep 5
        local size cpu
        size=$(stat -c %s "$log")
        cpu=$(cpu_ticks $(descendants "$suite"))
        if [ "$size" -ne "$last_size" ] || [ $((cpu - quiet_since_cpu)) -ge 100 ]; then
            last_size=$size
            quiet_since_cpu=$cpu
            quiet=0
            continue
        fi
        quiet=$((quiet + 5))
        if [ "$quiet" -ge "$silence" ]; then
            echo "ci: no test started or ended for ${silence} s: the run hangs" >&2
            local tree
            tree=$(descendants "$suite")
            report_hang "$log" $tree
            kill -KILL $tree "$suite" 2>/dev/null || true
            wait "$suite" 2>/dev/null || true
            rm -f "$log"
            return 124
        fi
    done
    local status=0
    wait "$suite" || status=$?
    # A test process killed by a signal is reported like a hang, so that the suite runs again.
    if [ "$status" -ne 0 ] && grep -q "unexpected signal" "$log"; then
        echo "ci: the test process crashed (see above)" >&2
        status=124
    fi
    rm -f "$log"
    return "$status"
}

# CPU time (clock ticks, user and system) the given processes have used so far.
cpu_ticks() {
    local total=0 pid
    for pid in "$@"; do
        local ticks
        ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || continue
        total=$((total + ${ticks:-0}))
    done
    echo "$total"
}

# The processes below `pid`, so that only this run's test process is inspected and stopped.
descendants() {
    local child
    for child in $(pgrep -P "$1"); do
        echo "$child"
        descendants "$child"
    done
}

report_hang() {
    local log=$1
    shift
    echo "ci: tests that started and never ended:" >&2
    python3 - "$log" >&2 <<'PY' || true
import re, sys
started, ended = {}, set()
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r'◇ Test (\S+?\(.*?\)|".+?") started', line)
    if m: started[m.group(1)] = line.strip()
    m = re.search(r'[✔✘] Test (\S+?\(.*?\)|".+?") (with \d+ test cases? )?(passed|failed)', line)
    if m: ended.add(m.group(1))
for name, line in started.items():
    if name not in ended: print("  " + line)
PY
    if command -v gdb >/dev/null; then
        for pid in "$@"; do
            echo "ci: thread stacks of $pid:" >&2
            timeout 120 gdb -p "$pid" -batch -ex 'thread apply all bt 30' 2>/dev/null | grep -E '^Thread|^#' >&2 || true
        done
    fi
}
