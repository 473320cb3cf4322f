# form_pipe.bash: drives a `cctns ... new` form through pipes (standard input not a terminal:
# the form reads one answer a line and echoes it after its prompt), the way a script fills a
# form, for tests/integration/every_record_can_be_entered_as_a_form.sh (sourced after lib.sh).
# Like form_driver.bash (the pseudo-terminal driver) it waits for each prompt a test answers
# and presses Enter at any other prompt (an optional field the test leaves empty), so fields
# added to a form later do not break a test; a prompt that keeps coming back (a required field
# the test does not know) fails it by name. A prompt is a line the form has not ended, ending
# in ":" or ": ", after which the form writes nothing more (it waits for the answer); or the
# empty line under the heading of a text of several lines.
# shellcheck shell=bash

PIPE_N=0
PIPE_R=""
PIPE_W=""
PIPE_LOG=""
PIPE_PID=""
PIPE_ECHO="" # the answer just sent, which the form writes back first
SAID=""      # what the form said since the last answer (the prompt, its list, errors)
PROMPT=""    # the prompt itself

# pipe_open DRAFT_DIR ARGS...: `cctns --config a.conf ARGS...` (station A), drafts in
# DRAFT_DIR, over pipes. Everything it says goes to $T/form-N.log.
pipe_open() {
	local drafts=$1
	shift
	PIPE_N=$((PIPE_N + 1))
	PIPE_LOG=$T/form-$PIPE_N.log
	: >"$PIPE_LOG"
	log "form $PIPE_N: cctns $* (transcript: ${PIPE_LOG#"$T"/})"
	coproc PIPE_FORM {
		exec env CCTNS_DRAFT_DIR="$drafts" "$BIN/cctns" --config "$T/a.conf" "$@" 2>&1
	}
	# the coprocess's descriptors and pid, kept after it ends
	exec {PIPE_R}<&"${PIPE_FORM[0]}" {PIPE_W}>&"${PIPE_FORM[1]}"
	PIPE_PID=$PIPE_FORM_PID
	PIPE_ECHO=""
}

# waiting_for_answer: the form is blocked reading its standard input (Linux: its current
# system call is read(0, ...)); where /proc does not tell, it has been silent for 0.3 s.
waiting_for_answer() { # SILENT_TICKS
	local sc=""
	if [ -r "/proc/$PIPE_PID/syscall" ] && read -r sc <"/proc/$PIPE_PID/syscall" 2>/dev/null &&
		[ -n "$sc" ]; then
		[[ $sc == "0 0x0 "* ]]
	else
		[ "$1" -ge 6 ]
	fi
}

# pipe_said: read what the form says up to its next prompt into $SAID and $PROMPT. Returns 1
# when the form ended instead (its last words in $SAID).
pipe_said() {
	local c line="" above="" ticks=0 rc
	SAID=""
	while :; do
		if IFS= read -r -N 1 -t 0.05 -u "$PIPE_R" c; then
			SAID+=$c
			if [ "$c" = $'\n' ]; then
				above=$line
				line=""
			else
				line+=$c
			fi
			ticks=0
			continue
		else
			rc=$?
		fi
		if [ "$rc" -le 128 ]; then # the end of the output
			pipe_took
			return 1
		fi
		ticks=$((ticks + 1))
		if [[ $line == *: || $line == *": " ]] && waiting_for_answer "$ticks"; then
			PROMPT=$line
			break
		fi
		if [ -z "$line" ] && [[ $above == *"holding only .):" ]] && waiting_for_answer "$ticks"; then
			PROMPT=$above
			break
		fi
		[ "$ticks" -lt 1200 ] || fail "form $PIPE_N said nothing more for 60 s: $(tail -n 5 <<<"$SAID")"
	done
	pipe_took
	return 0
}

# pipe_took: $SAID into the transcript, less the echo of the answer before (not part of what
# the form says now).
pipe_took() {
	printf '%s' "$SAID" >>"$PIPE_LOG"
	[ -z "$PIPE_ECHO" ] || SAID=${SAID#"$PIPE_ECHO"}
	PIPE_ECHO=""
}

# pipe_send TEXT: answer TEXT (and a line break; TEXT may hold several lines).
pipe_send() {
	printf '%s\n' "$1" >&"$PIPE_W"
	PIPE_ECHO="$1"$'\n'
}

# pipe_ans REGEX TEXT: at the next prompt whose words (with its list and any error above it)
# match the extended REGEX, answer TEXT; Enter at other prompts on the way.
pipe_ans() {
	local last="" same=0
	while pipe_said || fail "form $PIPE_N ended before /$1/: $(tail -n 15 "$PIPE_LOG")"; do
		if grep -qE -- "$1" <<<"$SAID"; then
			pipe_send "$2"
			return 0
		fi
		if [ "$PROMPT" = "$last" ]; then
			same=$((same + 1))
			[ "$same" -lt 3 ] || fail "waiting for /$1/, form $PIPE_N keeps asking: $PROMPT
$(tail -n 15 "$PIPE_LOG")"
		else
			same=0
		fi
		last=$PROMPT
		pipe_send ""
	done
}

# pipe_officer NUMBER NAME RANK: the next officer sub-form.
pipe_officer() {
	pipe_ans 'Belt / service number' "$1"
	pipe_ans 'Name: $' "$2"
	pipe_ans 'Rank' "$3"
}

# pipe_close: read what is left (the receipt) into $OUT and the form's exit status into $RC;
# the whole transcript is in $PIPE_LOG.
pipe_close() {
	while pipe_said; do
		fail "form $PIPE_N asks more than the test answered: $PROMPT"
	done
	exec {PIPE_R}<&- {PIPE_W}>&-
	wait "$PIPE_PID" && RC=0 || RC=$?
	OUT=$SAID
	printf '%s\n' "$OUT" | head -n 20 | while IFS= read -r line; do printf '#     %s\n' "$line"; done
	log "form $PIPE_N exited $RC"
}
