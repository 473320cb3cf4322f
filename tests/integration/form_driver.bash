# form_driver.bash: drives an interactive `cctns ... new` form in a pseudo-terminal (tmux) as
# a person would, for the tests/integration/*_entered_interactively.sh tests (sourced after
# lib.sh). It waits for each prompt a test answers and presses Enter at any other prompt (an
# optional field the test leaves empty), so fields added to a form later do not break a test;
# a prompt that keeps coming back (a required field the test does not know) fails it by name.
# Needs tmux (deploy/install-deps). The tmux server is private to the test ($T/tmux.sock) and
# is killed when the test ends.
# shellcheck shell=bash

command -v tmux >/dev/null || fail "tmux is missing (deploy/install-deps installs it)"
printf 'set -g history-limit 50000\nset -g status off\n' >"$T/tmux.conf"
tmux_() { tmux -S "$T/tmux.sock" -f "$T/tmux.conf" "$@"; }
# The tmux server goes with the test, whatever happens; then lib.sh's cleanup, with the
# test's exit status.
form_driver_cleanup() {
	local rc=$?
	tmux_ kill-server >/dev/null 2>&1
	(exit "$rc")
	itest_cleanup
}
trap form_driver_cleanup EXIT

# form_open DRAFT_DIR ARGS...: `cctns --config a.conf ARGS...` (station A) in a new 200x50
# terminal, drafts in DRAFT_DIR; when it ends it prints "[form exited STATUS]".
form_open() {
	local drafts=$1 args=""
	shift
	printf -v args ' %q' "$@"
	tmux_ new-session -d -s form -x 200 -y 50 \
		"env CCTNS_DRAFT_DIR='$drafts' '$BIN/cctns' --config '$T/a.conf'$args;
		 echo \"[form exited \$?]\"; exec sleep 600"
}

# cursor: "HISTORY_SIZE CURSOR_Y" of the form's pane.
cursor() { tmux_ display -p -t form '#{history_size} #{cursor_y}'; }

# screen: everything the terminal showed, wrapped lines joined.
screen() { tmux_ capture-pane -p -J -t form -S - -E -; }

# current_prompt: the prompt waiting for an answer (the cursor's line, ending in ":"; or the
# heading of a text of several lines, the cursor on the empty line under it), else nothing.
current_prompt() {
	local a b shown cy line above
	a=$(cursor)
	shown=$(tmux_ capture-pane -p -t form)
	b=$(cursor)
	[ "$a" = "$b" ] || return 0
	cy=${a#* }
	line=$(sed -n "$((cy + 1))p" <<<"$shown")
	if [[ $line == *: ]]; then
		printf '%s' "$line"
	elif [ -z "$line" ] && [ "$cy" -gt 0 ]; then
		above=$(sed -n "${cy}p" <<<"$shown")
		[[ $above != *"holding only .)"*: ]] || printf '%s' "$above"
	fi
}

# position: a number that grows with every line the terminal moves down.
position() {
	local c
	c=$(cursor)
	echo $((${c% *} + ${c#* }))
}

# send TEXT: type TEXT and Enter; return when the terminal has moved on to the next line.
send() {
	local before i
	before=$(position)
	[ -z "$1" ] || tmux_ send-keys -t form -l -- "$1"
	tmux_ send-keys -t form Enter
	for ((i = 0; i < 100; i++)); do
		[ "$(position)" -gt "$before" ] && return 0
		sleep 0.1
	done
	fail "the terminal did not take \"$1\""
}

# reach REGEX: wait (30 s at most) for a prompt matching REGEX, pressing Enter at other
# prompts on the way. The matching prompt is left in $PROMPT.
PROMPT=""
reach() {
	local i p last="" same=0
	for ((i = 0; i < 300; i++)); do
		p=$(current_prompt)
		if [ -n "$p" ]; then
			if [[ $p =~ $1 ]]; then
				# shellcheck disable=SC2034 # read by the tests
				PROMPT=$p
				return 0
			fi
			if [ "$p" = "$last" ]; then
				same=$((same + 1))
				[ "$same" -lt 3 ] || fail "waiting for /$1/, the form keeps asking: $p
$(screen | tail -n 15)"
			else
				same=0
			fi
			last=$p
			log "Enter at: ${p#"${p%%[! ]*}"}"
			send ""
			i=0
			continue
		fi
		sleep 0.1
	done
	fail "no prompt /$1/ within 30 s; the terminal shows:
$(screen | tail -n 20)"
}

# ans REGEX TEXT: at the prompt matching REGEX, answer TEXT.
ans() {
	reach "$1"
	send "$2"
}

# wait_screen TEXT: wait (30 s at most) until the terminal has shown TEXT.
wait_screen() {
	local i
	for ((i = 0; i < 300; i++)); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	fail "'$1' not shown within 30 s; the terminal shows:
$(screen | tail -n 20)"
}

