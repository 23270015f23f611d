// Package clipboard prepares text for the terminal's clipboard (OSC 52,
// which crosses SSH and which tmux passes on with set-clipboard on): made
// safe, and cut to what terminals accept, with the words for the status
// line. The painter writes the sequence (tui/screen).
package clipboard

import (
	"fmt"
	"unicode/utf8"

	"newsbrowse/loader"
	"newsbrowse/tui/plural"
)

// MaxPayload is the largest OSC 52 payload sent, in bytes of base64: about
// what terminals accept (xterm and others drop longer ones).
const MaxPayload = 75 * 1000

// MaxText is the most text sent: its base64 form fits MaxPayload.
const MaxText = MaxPayload / 4 * 3

// Prepare returns text made safe (loader.Sanitize: no control or bidi
// character, valid UTF-8), cut on a character boundary to MaxText bytes,
// and whether it was cut.
func Prepare(text string) (string, bool) {
	text = loader.Sanitize(text)
	if len(text) <= MaxText {
		return text, false
	}
	i := MaxText
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return text[:i], true
}

// Status says what was copied (what: "the article", "the title and path")
// and how much; sent is the prepared text, whole the text before it.
func Status(what, sent, whole string, cut bool) string {
	n := utf8.RuneCountInString(sent)
	if !cut {
		return fmt.Sprintf("copied %s: %s characters", what, plural.Thousands(n))
	}
	return fmt.Sprintf("copied the first %s characters of %s (%s): terminals take about %d KB",
		plural.Thousands(n), what, plural.Thousands(utf8.RuneCountInString(whole)), MaxPayload/1000)
}
