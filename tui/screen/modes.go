package screen

import "strings"

// mode is a terminal mode a session sets while the program owns the
// terminal, and the sequence that turns it off again.
type mode struct{ set, reset string }

// ownModes are set, in this order, whenever a session takes the terminal
// (at the start, after a child program, after a suspend) and reset in the
// reverse order whenever it gives it back (at the end, before a child,
// before a suspend). A mode the program comes to need (mouse reporting, …)
// goes here, so that it is undone everywhere the terminal changes hands.
var ownModes = []mode{
	{"\x1b[?1049h", "\x1b[?1049l"}, // the alternate screen
	{"\x1b[?25l", "\x1b[?25h"},     // a hidden cursor
	{"\x1b[?2004h", "\x1b[?2004l"}, // bracketed paste
	{"\x1b[?7l", "\x1b[?7h"},       // no autowrap
	{"\x1b[>4;2m", "\x1b[>4m"},     // modifyOtherKeys 2, which Bubble Tea decodes
	{"\x1b[>1u", "\x1b[<1u"},       // the kitty keyboard protocol's disambiguation
	{"\x1b[?2048h", "\x1b[?2048l"}, // sizes reported in-band (some links never send SIGWINCH)
}

// saneState puts back the state the painter relies on, whatever another
// program left behind: no scrolling region (DECSTBM) and no left and right
// margins (DECLRMM), origin mode (DECOM) and insert mode (IRM) off, a
// normal screen (DECSCNM off), the ASCII character set in G0 and shifted
// in, and the default pen. It also moves the cursor home.
var saneState = strings.Join([]string{
	"\x1b[?69l", // DECLRMM off (drops left and right margins)
	"\x1b[r",    // DECSTBM: the whole screen scrolls
	"\x1b[?6l",  // DECOM: cursor positions count from the screen's corner
	"\x1b[4l",   // IRM: characters replace, never insert
	"\x1b[?5l",  // DECSCNM: not reverse video
	"\x1b(B",    // G0 is ASCII
	"\x0f",      // SI: G0 in use
	"\x1b[m",    // the default pen
}, "")

// Sequences that hand the terminal over: enterSeq takes it (the modes the
// program needs, then a sane state for the painter), leaveSeq gives it
// back (no scrolling region, the default pen, the modes undone).
var (
	enterSeq = setModes() + saneState
	leaveSeq = "\x1b[r\x1b[m" + resetModes()
)

func setModes() string {
	var b strings.Builder
	for _, m := range ownModes {
		b.WriteString(m.set)
	}
	return b.String()
}

func resetModes() string {
	var b strings.Builder
	for i := len(ownModes) - 1; i >= 0; i-- {
		b.WriteString(ownModes[i].reset)
	}
	return b.String()
}
